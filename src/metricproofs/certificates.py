"""Certificates: SMT-LIB2 files a reader can re-check without Python, and re-checks by cvc5 and Coq.

Summary
    :func:`export_smt2` writes, for every claim of the catalogue, the queries of its bounded
    check at a few class counts k as plain SMT-LIB2 files with a declared
    ``(set-info :status ...)`` and a comment header saying what the answer means and how to
    re-check it (``z3 FILE``, ``cvc5 FILE``). The bytes depend only on the catalogue and the
    definitions (and, for a claim that fails, on where a model exists), so a test regenerates
    them and compares.

Main functions
    - :func:`export_smt2` / :func:`run_export`: the files (``metricproofs export --smt2 DIR``);
    - :func:`recheck_with_cvc5`: method ``cvc5``, the bounded check re-run in a second solver;
    - :func:`check_with_coq`: method ``coq``, the Coq development built once per process and
      the ``Print Assumptions`` answer of every theorem tagged with the claim's id.

What a file proves
    For a claim that holds, at class count k (counts relaxed to non-negative reals, which
    covers every integer matrix and every weighting, see
    :func:`~metricproofs.provers.bounded.relax_counts`):

    - ``k<k>-hypotheses.smt2`` (sat): the hypotheses alone have a model, so nothing is vacuous;
    - ``k<k>-definedness.smt2`` (unsat): the hypotheses exclude every zero denominator;
    - ``k<k>-lemmas.smt2`` (unsat): the lemmas (e.g. fp-fn-balance) hold under this claim's
      hypotheses; ``k<k>-negation.smt2`` then asserts them as facts;
    - ``k<k>-negation.smt2`` (unsat): no matrix satisfies the hypotheses and violates the claim.

    For a claim that fails, ``k<k>-negation.smt2`` (sat) at the smallest k where a model
    exists, with the smallest sample bound that admits one (integer counts: a dataset).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence, TextIO

__all__ = ["Certificate", "certificates", "export_smt2", "run_export", "recheck_with_cvc5",
           "check_with_coq", "run_cvc5", "coq_theorems"]

#: The encoding written to the files: plain SMT-LIB2 without solver options, which both
#: z3 and cvc5 read; ratios compared by cross-multiplying under the recorded guards.
EXPORT_VARIANT = "cross-multiplied"
#: Class counts exported for each claim: these, the claim's smallest and the top of its
#: z3-bounded range, each within that range and at most EXPORT_MAX_CLASSES.
EXPORT_CLASSES = (2, 3)
EXPORT_MAX_CLASSES = 5
#: Class counts re-checked by cvc5 when no bound is given.
CVC5_DEFAULT_MAX_CLASSES = 5
SEARCH_TIMEOUT = 30.0  # z3, per query, when looking for the smallest model of a failing claim
METHOD_CVC5 = "cvc5"
METHOD_COQ = "coq"
REPO_PREFIX = "proofs/smt2"

STATUS_MEANING = {
    ("hypotheses", "sat"): "sat: the hypotheses alone have a model, so the unsat answers of the other "
                           "files of this k are not vacuous.",
    ("definedness", "unsat"): "unsat: under the hypotheses no denominator is zero (SMT division by zero "
                              "is unspecified, so this is checked rather than assumed).",
    ("lemmas", "unsat"): "unsat: the lemmas' conclusions follow from this claim's hypotheses at this k; "
                         "the negation file may therefore assert them as facts.",
    ("negation", "unsat"): "unsat: no matrix satisfies the hypotheses and violates the conclusion, so the "
                           "claim holds at this k for every sample count.",
    ("negation", "sat"): "sat: some dataset satisfies the hypotheses and violates the conclusion; a model "
                         "(get-model) is a counterexample, so the claim is false.",
}


@dataclass(frozen=True)
class Certificate:
    """One SMT-LIB2 file: where it goes, its declared status, and its full text."""

    claim_id: str
    k: int
    goal: str  # hypotheses | definedness | lemmas | negation
    status: str  # sat | unsat
    text: str

    @property
    def relpath(self) -> str:
        return f"{self.claim_id}/k{self.k}-{self.goal}.smt2"


# --- building the queries ----------------------------------------------------------------


def _variant() -> Any:
    from metricproofs.provers.smt import VARIANTS

    return next(v for v in VARIANTS if v.name == EXPORT_VARIANT)


def _export_classes(claim: Any) -> list[int]:
    from metricproofs.provers.bounded import class_range

    ks = class_range(claim, None)
    top = min(ks.stop - 1, EXPORT_MAX_CLASSES)
    return sorted({k for k in (ks.start, *EXPORT_CLASSES, top) if ks.start <= k <= top})


def _lemma_facts(claim: Any) -> tuple:
    from metricproofs.catalogue import get

    return tuple(get(lemma).formula().conclusion for lemma in claim.lemmas)


def _holds_queries(claim: Any, formula: Any, k: int) -> list[tuple[str, str, Any]]:
    """(goal, expected status, query) for a claim that holds, at k."""
    import sympy

    from metricproofs.provers.smt import encode

    variant = _variant()
    out: list[tuple[str, str, Any]] = [("hypotheses", "sat", encode(formula, k, "hypotheses", variant=variant))]
    defined = encode(formula, k, "definedness", variant=variant)
    if not defined.trivial:
        out.append(("definedness", "unsat", defined))
    facts = _lemma_facts(claim)
    if facts:
        in_context = dataclasses.replace(formula, conclusion=sympy.And(*facts))
        out.append(("lemmas", "unsat", encode(in_context, k, "negation", variant=variant)))
    out.append(("negation", "unsat", encode(formula, k, "negation", lemmas=facts, variant=variant)))
    return out


def _smallest_model(claim: Any, timeout: float = SEARCH_TIMEOUT) -> tuple[int, int | None, Any] | None:
    """(k, sample bound, query) of the first sat negation of a failing claim, searched by z3
    as z3-bounded does (k upwards, small sample bounds first); None if z3 finds none."""
    from metricproofs.provers.bounded import SMALL_BOUNDS, class_range, sample_bound
    from metricproofs.provers.smt import encode, solve

    formula = claim.formula()
    variant = _variant()
    for k in class_range(claim, None):
        declared = encode(formula, k, "negation", variant=variant).declared
        for bound in (*SMALL_BOUNDS, None):
            extra = () if bound is None else sample_bound(declared, bound)
            if bound is not None and not extra:
                continue
            query = encode(formula, k, "negation", extra, variant=variant)
            answer = solve([query], timeout)
            if answer.status == "sat":
                return k, bound, query
            if answer.status == "unknown" and bound is None:
                return None
    return None


def _comment(text: str) -> str:
    lines = []
    for paragraph in text.split("\n"):
        if paragraph.startswith("  ") and not paragraph.startswith("  - "):  # a command: never broken
            lines.append(f"; {paragraph}")
            continue
        indent = " " * (len(paragraph) - len(paragraph.lstrip(" -")))
        wrapped = textwrap.wrap(paragraph, width=92, subsequent_indent=indent, break_long_words=False,
                                break_on_hyphens=False) or [""]
        lines += [f"; {line}".rstrip() for line in wrapped]
    return "\n".join(lines) + "\n"


def _header(claim: Any, formula: Any, k: int, goal: str, status: str, relpath: str, bound: int | None,
            relaxed: bool) -> str:
    hypotheses = "\n".join(f"  - {h.name}: {h.statement}" for h in formula.hypotheses)
    if relaxed:
        domain = ("Counts: every unbounded count is a non-negative REAL (this covers every integer "
                  "confusion matrix, so every sample count n, and every non-negative sample weighting); "
                  "0/1 indicators stay integers.")
    else:
        domain = "Counts: non-negative integers (so a model is a dataset)."
        if bound is not None:
            domain += f" At most {bound} samples are allowed (a model within this limit is a counterexample all the same)."
    lemmas = ""
    if claim.lemmas and relaxed and goal in ("lemmas", "negation"):
        lemmas = (f"Lemmas: {', '.join(claim.lemmas)} (their conclusions; proved under these hypotheses "
                  f"at this k by {claim.id}/k{k}-lemmas.smt2).\n")
    path = f"{REPO_PREFIX}/{relpath}"
    text = (f"metricproofs certificate: {claim.id} (expected: {claim.expected}), query '{goal}', k = {k} classes.\n"
            f"Claim: {claim.statement}\n"
            f"Hypotheses:\n{hypotheses}\n"
            f"{domain}\n{lemmas}"
            f"Expected answer: {STATUS_MEANING[(goal, status)]}\n"
            f"Re-check from the repository root (either solver):\n  z3 {path}\n  cvc5 {path}\n"
            f"Written by 'metricproofs export --smt2 {REPO_PREFIX}' from the sympy definitions; do not edit.")
    return _comment(text)


def certificates(ids: Sequence[str] | None = None) -> list[Certificate]:
    """The certificates of the catalogue (or of ``ids``), in catalogue order."""
    from metricproofs.catalogue import CATALOGUE, get
    from metricproofs.errors import UsageError
    from metricproofs.provers.bounded import relax_counts

    claims = list(CATALOGUE) if ids is None else [get(i) for i in ids]
    out: list[Certificate] = []
    for claim in claims:
        if claim.expected == "holds":
            formula = relax_counts(claim.formula())
            for k in _export_classes(claim):
                for goal, status, query in _holds_queries(claim, formula, k):
                    relpath = f"{claim.id}/k{k}-{goal}.smt2"
                    header = _header(claim, formula, k, goal, status, relpath, None, True)
                    out.append(Certificate(claim.id, k, goal, status, query.script(status, header)))
        else:
            found = _smallest_model(claim)
            if found is None:
                raise UsageError(f"z3 found no counterexample to {claim.id!r} within {SEARCH_TIMEOUT:g} s; "
                                 f"nothing to export for it")
            k, bound, query = found
            relpath = f"{claim.id}/k{k}-negation.smt2"
            header = _header(claim, claim.formula(), k, "negation", "sat", relpath, bound, False)
            out.append(Certificate(claim.id, k, "negation", "sat", query.script("sat", header)))
    return out


def _induction_certificates() -> list[tuple[str, str]]:
    """(file name, text) of method z3-induction's obligations, when that module offers them."""
    try:
        from metricproofs.provers import induction
    except ImportError:
        return []
    obligations = getattr(induction, "induction_obligations", None)
    if obligations is None:
        return []
    out = []
    for item in obligations():
        name, text, status = (item.name, item.script, item.status) if hasattr(item, "script") else item
        safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-")
        if declared_status(text) is None:
            text = text.replace("(set-logic ALL)\n", f"(set-logic ALL)\n(set-info :status {status})\n", 1)
        path = f"induction/{safe}.smt2"
        header = _comment(
            f"metricproofs certificate: induction obligation '{name}' (method z3-induction), one k-independent "
            f"step or corollary of the induction proofs.\n"
            f"Expected answer: {status}. The induction schema that turns these obligations into a proof for every "
            f"k is applied by hand (see proofs/README.md and the paper).\n"
            f"Re-check from the repository root (either solver):\n  z3 {REPO_PREFIX}/{path}\n  cvc5 {REPO_PREFIX}/{path}\n"
            f"Written by 'metricproofs export --smt2 {REPO_PREFIX}'; do not edit.")
        out.append((path, header + text))
    return out


def export_smt2(directory: str | os.PathLike[str]) -> list[Path]:
    """Write every certificate under ``directory`` (``<claim-id>/k<k>-<goal>.smt2``).

    Files that a previous export wrote and this one does not are removed, so the folder
    always holds exactly the current certificates.
    """
    root = Path(directory)
    written: list[Path] = []
    certs = certificates()
    for cert in certs:
        path = root / cert.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(cert.text.encode())
        written.append(path)
    for relpath, text in _induction_certificates():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode())
        written.append(path)
    keep = {p.resolve() for p in written}
    for stale in sorted(root.rglob("*.smt2")):
        if stale.resolve() not in keep:
            stale.unlink()
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return sorted(written)


def run_export(args: Any, out: TextIO, err: TextIO) -> int:
    """``metricproofs export --smt2 DIR``."""
    from metricproofs.errors import UsageError

    target = Path(args.smt2)
    if target.exists() and not target.is_dir():
        raise UsageError(f"--smt2 {str(target)!r} exists and is not a directory")
    paths = export_smt2(target)
    size = sum(p.stat().st_size for p in paths)
    claims = len({p.parent.name for p in paths})
    print(f"wrote {len(paths)} SMT-LIB2 files ({size / 1024:.0f} KiB) for {claims} folders to {target}", file=out)
    return 0


def declared_status(text: str) -> str | None:
    """The status a script declares with ``(set-info :status ...)``."""
    match = re.search(r"\(set-info :status (sat|unsat|unknown)\)", text)
    return match.group(1) if match else None


# --- cvc5 -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cvc5Answer:
    status: str  # sat | unsat | unknown | error
    seconds: float
    reason: str = ""


def cvc5_available() -> bool:
    """cvc5 is usable: an executable on PATH or the Python package."""
    if shutil.which("cvc5"):
        return True
    try:
        import cvc5  # noqa: F401
    except ImportError:
        return False
    return True


def run_cvc5(path: str | os.PathLike[str], timeout: float) -> Cvc5Answer:
    """Run cvc5 on one SMT-LIB2 file in a killable process (the executable on PATH if any,
    else the ``cvc5`` Python package through this module's ``__main__``)."""
    binary = shutil.which("cvc5")
    command = [binary, str(path)] if binary else [sys.executable, "-m", "metricproofs.certificates", str(path)]
    start = time.perf_counter()
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Cvc5Answer("unknown", time.perf_counter() - start, f"timeout after {timeout:g} s")
    seconds = time.perf_counter() - start
    lines = [ln.strip() for ln in proc.stdout.splitlines() if ln.strip()]
    first = lines[0] if lines else ""
    if first in ("sat", "unsat"):
        return Cvc5Answer(first, seconds)
    if first == "unknown":
        return Cvc5Answer("unknown", seconds, "cvc5 answered unknown")
    return Cvc5Answer("error", seconds, (proc.stdout + proc.stderr).strip()[:300] or f"exit {proc.returncode}")


def _cvc5_main(argv: Sequence[str]) -> int:
    """Stand-in for the cvc5 executable: read an SMT-LIB2 file, print each command's answer."""
    import cvc5

    if len(argv) != 1:
        print("usage: python -m metricproofs.certificates FILE.smt2", file=sys.stderr)
        return 2
    solver = cvc5.Solver(cvc5.TermManager())
    parser = cvc5.InputParser(solver)
    parser.setFileInput(cvc5.InputLanguage.SMT_LIB_2_6, argv[0])
    symbols = parser.getSymbolManager()
    while True:
        command = parser.nextCommand()
        if command.isNull():
            break
        answer = command.invoke(solver, symbols)
        if answer:
            sys.stdout.write(answer if answer.endswith("\n") else answer + "\n")
            sys.stdout.flush()
    return 0


def recheck_with_cvc5(claim: Any, timeout: float = 60.0, max_classes: int | None = None) -> Any:
    """Method ``cvc5``: the bounded check's queries re-checked by cvc5.

    A claim that holds: at every k of its range up to ``max_classes`` (default 5) the
    hypotheses are sat and the definedness, lemma and negation queries unsat. A claim
    that fails: the negation at the smallest k where z3 finds a model is sat in cvc5 too.
    ``None`` when cvc5 is not installed.
    """
    from metricproofs.provers.bounded import class_range, relax_counts
    from metricproofs.provers.results import MethodResult

    if not cvc5_available():
        return None
    start = time.perf_counter()
    checked: list[int] = []

    def result(verdict: str, detail: str) -> MethodResult:
        return MethodResult(METHOD_CVC5, verdict, time.perf_counter() - start,  # type: ignore[arg-type]
                            max(checked) if checked else None, detail)

    with tempfile.TemporaryDirectory(prefix="metricproofs-cvc5-") as tmp:
        def ask(name: str, script: str) -> Cvc5Answer:
            path = Path(tmp) / f"{name}.smt2"
            path.write_text(script)
            return run_cvc5(path, timeout)

        if claim.expected == "fails":
            found = _smallest_model(claim, timeout)
            if found is None:
                return result("unknown", "z3 found no model to re-check")
            k, bound, query = found
            answer = ask(f"k{k}-negation", query.script("sat"))
            within = "" if bound is None else f", at most {bound} samples"
            if answer.status == "sat":
                checked.append(k)
                return result("refuted", f"cvc5: the negation is sat at k={k}{within}, as in z3 "
                                         f"({answer.seconds:.2f} s)")
            if answer.status == "unsat":
                return result("error", f"SOLVERS DISAGREE: cvc5 says unsat where z3 found a model "
                                       f"(k={k}{within}); the claim is declared to fail")
            return result("unknown" if answer.status == "unknown" else "error",
                          f"cvc5 did not decide the negation at k={k}{within}: {answer.reason}")
        top = min(CVC5_DEFAULT_MAX_CLASSES, claim.max_classes) if max_classes is None else max_classes
        ks = class_range(claim, top)
        formula = relax_counts(claim.formula())
        goals: set[str] = set()
        for k in ks:
            for goal, status, query in _holds_queries(claim, formula, k):
                goals.add(goal)
                answer = ask(f"k{k}-{goal}", query.script(status))
                if answer.status == status:
                    continue
                done = f"; re-checked k in {ks.start}..{k - 1}" if checked else ""
                if answer.status in ("sat", "unsat"):
                    return result("error", f"SOLVERS DISAGREE: cvc5 says {answer.status} for the {goal} query "
                                           f"at k={k}, expected {status} (z3's answer){done}")
                verdict = "unknown" if answer.status == "unknown" else "error"
                return result(verdict, f"cvc5 did not decide the {goal} query at k={k}: {answer.reason}{done}")
            checked.append(k)
    span = f"k = {ks.start}" if len(ks) == 1 else f"every k in {ks.start}..{ks.stop - 1}"
    steps = ", ".join(["hypotheses sat"] + ["divisions defined"] * bool(goals & {"definedness"})
                      + [f"lemmas {', '.join(claim.lemmas)} re-proved"] * bool(goals & {"lemmas"}))
    return result("proved", f"cvc5: negation unsat for {span} ({steps}), counts relaxed to non-negative reals")


# --- Coq --------------------------------------------------------------------------------

CLOSED = "Closed under the global context"
COQ_MAIN = "MicroAveraging.v"


def coq_dir() -> Path | None:
    """proofs/coq of the source tree this package runs from (editable install), if present."""
    import metricproofs

    folder = Path(metricproofs.__file__).resolve().parents[2] / "proofs" / "coq"
    return folder if (folder / "_CoqProject").is_file() else None


def coq_theorems(source: str) -> dict[str, list[tuple[str, str]]]:
    """Catalogue id -> [(theorem, qualifier)] from ``(* catalogue: id, id (qualifier) *)`` tags.

    A qualifier in brackets after an id (e.g. "natural weights") marks a theorem that proves
    a special case or a reading of the claim; it is kept so the detail can say which.
    """
    found: dict[str, list[tuple[str, str]]] = {}
    pattern = re.compile(r"\b(?:Theorem|Corollary|Lemma)\s+([\w']+)\s*\(\*\s*catalogue:(.*?)\*\)", re.S)
    for match in pattern.finditer(source):
        name, tag = match.group(1), " ".join(match.group(2).split())
        for part in re.finditer(r"([a-z0-9]+(?:-[a-z0-9]+)+)\s*(?:\(([^)]*)\))?", tag):
            found.setdefault(part.group(1), []).append((name, part.group(2) or ""))
    return found


#: Qualifiers that restate the claim on samples rather than restricting it.
FULL_READINGS = {"", "samples", "weighted samples"}


@functools.lru_cache(maxsize=1)
def _coq_build(folder: str) -> tuple[dict[str, str], str]:
    """Build a temporary copy of proofs/coq once; theorem -> its Print Assumptions answer.

    The second item is an error text ("" when the build succeeded)."""
    coqc = shutil.which("coqc")
    assert coqc is not None
    source = Path(folder)
    files = [ln.strip() for ln in (source / "_CoqProject").read_text().splitlines() if ln.strip().endswith(".v")]
    with tempfile.TemporaryDirectory(prefix="metricproofs-coq-") as tmp:
        shutil.copy(source / "_CoqProject", tmp)
        outputs = {}
        for name in files:
            shutil.copy(source / name, tmp)
        for name in files:
            try:
                proc = subprocess.run([coqc, "-q", "-R", ".", "MetricProofs", name], cwd=tmp,
                                      capture_output=True, text=True, timeout=600)
            except subprocess.TimeoutExpired:
                return {}, f"coqc {name} timed out"
            if proc.returncode != 0:
                return {}, f"coqc {name} failed: {(proc.stdout + proc.stderr).strip()[:300]}"
            outputs[name] = proc.stdout
    main = (source / COQ_MAIN).read_text()
    printed = re.findall(r"Print\s+Assumptions\s+([\w.']+)\s*\.", _strip_coq_comments(main))
    blocks = _assumption_blocks(outputs.get(COQ_MAIN, ""))
    if len(blocks) != len(printed):
        return {}, f"{len(printed)} Print Assumptions commands but {len(blocks)} answers"
    return dict(zip(printed, blocks)), ""


def _strip_coq_comments(text: str) -> str:
    out, depth, i = [], 0, 0
    while i < len(text):
        two = text[i:i + 2]
        if two == "(*":
            depth, i = depth + 1, i + 2
        elif depth and two == "*)":
            depth, i = depth - 1, i + 2
        else:
            if depth == 0:
                out.append(text[i])
            i += 1
    return "".join(out)


def _assumption_blocks(output: str) -> list[str]:
    blocks: list[list[str]] = []
    for line in output.splitlines():
        if not line.strip():
            continue
        if line == CLOSED or (line.endswith(":") and not line.startswith(" ")) or not blocks:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return ["\n".join(b) for b in blocks]


def check_with_coq(claim: Any) -> Any:
    """Method ``coq``: the theorems tagged with the claim's id are closed (no axiom, no admit).

    ``proved`` (every k: ``max_classes`` None) when some theorem states the claim itself;
    ``unknown`` when the tagged theorems prove only a special case (the detail says which).
    ``None`` when coqc is not on PATH, proofs/coq is absent, or no theorem names the claim.
    """
    from metricproofs.provers.results import MethodResult

    folder = coq_dir()
    if folder is None or shutil.which("coqc") is None:
        return None
    tagged = coq_theorems((folder / COQ_MAIN).read_text()).get(claim.id)
    if not tagged:
        return None
    start = time.perf_counter()
    answers, problem = _coq_build(str(folder))
    seconds = time.perf_counter() - start
    if problem:
        return MethodResult(METHOD_COQ, "error", seconds, None, f"Coq build failed: {problem}")
    names = ", ".join(f"{n} ({q})" if q else n for n, q in tagged)
    open_ = [n for n, _ in tagged if answers.get(n) != CLOSED]
    if open_:
        missing = [n for n in open_ if n not in answers]
        what = "has no Print Assumptions" if missing else "is not closed (rests on an axiom or admit)"
        return MethodResult(METHOD_COQ, "error", seconds, None, f"Coq theorem {', '.join(open_)} {what}")
    full = [n for n, q in tagged if q in FULL_READINGS]
    if full:
        return MethodResult(METHOD_COQ, "proved", seconds, None,
                            f"Coq theorems {names}: closed under the global context, for every k")
    return MethodResult(METHOD_COQ, "unknown", seconds, None,
                        f"Coq proves a special case only: {names} (closed); not counted as a proof of the claim")


if __name__ == "__main__":
    sys.exit(_cvc5_main(sys.argv[1:]))
