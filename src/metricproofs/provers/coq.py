"""Method ``coq``: the Coq development in proofs/coq, built once per process and read back.

A theorem is tied to a claim by a tag in its source: ``(* catalogue: id *)`` for a proof,
``(* refutes: id; y_true = [...]; y_pred = [...] *)`` for a kernel-checked counterexample
(the tag carries the dataset, as scikit-learn arguments). The claim counts as proved by
Coq when a tagged theorem states the claim itself and its ``Print Assumptions`` answer is
"Closed under the global context" (no axiom, no admit); as refuted when a tagged
refutation is closed and metricproofs.reference confirms that the tag's dataset violates
the claim. Each file ends with one ``Print Assumptions`` of a tuple of its main theorems
(``Definition bundle := (t1, t2, ...)``); every dependency of a member is a dependency of
the tuple, so the tuple's answer is each member's.
"""

from __future__ import annotations

import ast
import functools
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from metricproofs.catalogue import Claim
from metricproofs.provers.floating import applies as about_float64
from metricproofs.provers.results import MethodResult

__all__ = ["coq_dir", "coq_sources", "coq_theorems", "coq_refutations", "coq_build", "assumption_answers",
           "check_with_coq", "CLOSED", "COQ_MAIN"]

METHOD_COQ = "coq"
CLOSED = "Closed under the global context"
COQ_MAIN = "MicroAveraging.v"
COQC_TIMEOUT = 600  # seconds per file; the whole development takes about 16 s of CPU


def coq_dir() -> Path | None:
    """proofs/coq of the source tree this package runs from (editable install), if present."""
    import metricproofs

    folder = Path(metricproofs.__file__).resolve().parents[2] / "proofs" / "coq"
    return folder if (folder / "_CoqProject").is_file() else None


def coq_sources(folder: Path) -> list[str]:
    """The .v files in build order, as listed in _CoqProject."""
    lines = (folder / "_CoqProject").read_text().splitlines()
    return [ln.strip() for ln in lines if ln.strip().endswith(".v")]


_THEOREM = r"\b(?:Theorem|Corollary|Lemma)\s+([\w']+)\s*\(\*\s*{keyword}:(.*?)\*\)"


def coq_theorems(source: str) -> dict[str, list[tuple[str, str]]]:
    """Catalogue id -> [(theorem, qualifier)] from ``(* catalogue: id, id (qualifier) *)`` tags.

    A qualifier in brackets after an id (e.g. "natural weights") marks a theorem that proves
    a special case or a reading of the claim; it is kept so the detail can say which.
    """
    found: dict[str, list[tuple[str, str]]] = {}
    for match in re.finditer(_THEOREM.format(keyword="catalogue"), source, re.S):
        name, tag = match.group(1), " ".join(match.group(2).split())
        for part in re.finditer(r"([a-z0-9]+(?:-[a-z0-9]+)+)\s*(?:\(([^)]*)\))?", tag):
            found.setdefault(part.group(1), []).append((name, part.group(2) or ""))
    return found


def coq_refutations(source: str) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Catalogue id -> [(theorem, dataset)] from ``(* refutes: id; key = value; ... *)`` tags.

    The values are Python literals (``y_true``, ``y_pred``, ``labels``, ``sample_weight``);
    a tag that does not parse is a ValueError naming the theorem.
    """
    found: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for match in re.finditer(_THEOREM.format(keyword="refutes"), source, re.S):
        name, tag = match.group(1), " ".join(match.group(2).split())
        claim_id, *fields = [part.strip() for part in tag.split(";")]
        data: dict[str, Any] = {}
        for item in fields:
            key, _, value = item.partition("=")
            try:
                data[key.strip()] = ast.literal_eval(value.strip())
            except (ValueError, SyntaxError) as exc:
                raise ValueError(f"Coq theorem {name}: refutes tag field {item!r} is not a Python literal") from exc
        found.setdefault(claim_id, []).append((name, data))
    return found


def strip_comments(text: str) -> str:
    """Coq source without its (nested) comments."""
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


def printed_assumptions(source: str) -> list[str]:
    """Names given to ``Print Assumptions`` in a Coq source, in order."""
    return re.findall(r"Print\s+Assumptions\s+([\w.']+)\s*\.", strip_comments(source))


def bundles(source: str) -> dict[str, list[str]]:
    """``Definition b := (t1, t2, ...).`` -> {b: [t1, t2, ...]} (tuples of theorem names only)."""
    found = {}
    for match in re.finditer(r"\bDefinition\s+([\w']+)\s*:=\s*\(([\w'\s,]+)\)\s*\.", strip_comments(source)):
        found[match.group(1)] = [name.strip() for name in match.group(2).split(",")]
    return found


def assumption_blocks(output: str) -> list[str]:
    """coqc's output split into one block per ``Print Assumptions`` answer."""
    blocks: list[list[str]] = []
    for line in output.splitlines():
        if not line.strip():
            continue
        if line == CLOSED or (line.endswith(":") and not line.startswith(" ")) or not blocks:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return ["\n".join(b) for b in blocks]


def assumption_answers(source: str, output: str) -> dict[str, str]:
    """Theorem -> its ``Print Assumptions`` answer, for the names printed and the members of
    printed tuples. A count mismatch between commands and answers is a ValueError."""
    printed = printed_assumptions(source)
    blocks = assumption_blocks(output)
    if len(blocks) != len(printed):
        raise ValueError(f"{len(printed)} Print Assumptions commands but {len(blocks)} answers")
    answers = dict(zip(printed, blocks))
    for bundle, members in bundles(source).items():
        if bundle in answers:
            for member in members:
                answers.setdefault(member, answers[bundle])
    return answers


@functools.lru_cache(maxsize=1)
def coq_build(folder: str) -> tuple[dict[str, str], dict[str, str], str]:
    """Build a temporary copy of proofs/coq once per process.

    Returns (theorem -> Print Assumptions answer, file -> coqc output, error text); the
    error text is "" when every file compiled. Nothing is written into ``folder``.
    """
    coqc = shutil.which("coqc")
    if coqc is None:
        return {}, {}, "coqc not found on PATH"
    source = Path(folder)
    files = coq_sources(source)
    answers: dict[str, str] = {}
    outputs: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="metricproofs-coq-") as tmp:
        shutil.copy(source / "_CoqProject", tmp)
        for name in files:
            shutil.copy(source / name, tmp)
        for name in files:
            try:
                proc = subprocess.run([coqc, "-q", "-R", ".", "MetricProofs", name], cwd=tmp,
                                      capture_output=True, text=True, timeout=COQC_TIMEOUT)
            except subprocess.TimeoutExpired:
                return answers, outputs, f"coqc {name} timed out after {COQC_TIMEOUT} s"
            if proc.returncode != 0:
                return answers, outputs, f"coqc {name} failed: {(proc.stdout + proc.stderr).strip()[:300]}"
            outputs[name] = proc.stdout
            try:
                answers.update(assumption_answers((source / name).read_text(), proc.stdout))
            except ValueError as exc:
                return answers, outputs, f"{name}: {exc}"
    return answers, outputs, ""


def _tags(folder: Path) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[str, dict[str, Any]]]]]:
    proofs: dict[str, list[tuple[str, str]]] = {}
    refutations: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for name in coq_sources(folder):
        text = (folder / name).read_text()
        for cid, found in coq_theorems(text).items():
            proofs.setdefault(cid, []).extend(found)
        for cid, rows in coq_refutations(text).items():
            refutations.setdefault(cid, []).extend(rows)
    return proofs, refutations


#: Qualifiers that restate the claim on samples rather than restricting it.
FULL_READINGS = {"", "samples", "weighted samples"}


def check_with_coq(claim: Claim) -> MethodResult | None:
    """Method ``coq``: the theorems tagged with the claim's id are closed (no axiom, no admit).

    ``proved`` (every k) when some closed theorem states the claim itself; ``unknown`` when
    the tagged theorems prove only a special case (the detail says which); ``refuted`` when a
    closed refutation's dataset is confirmed by metricproofs.reference; ``error`` for a failed
    build, an open theorem, an unconfirmed dataset, or a claim both proved and refuted.
    ``None`` when coqc is not on PATH, proofs/coq is absent, or no theorem names the claim.
    """
    folder = coq_dir()
    if folder is None or shutil.which("coqc") is None:
        return None
    try:
        proofs, refutations = _tags(folder)
    except ValueError as exc:
        return MethodResult(METHOD_COQ, "error", 0.0, None, str(exc))
    tagged, refuting = proofs.get(claim.id, []), refutations.get(claim.id, [])
    if not tagged and not refuting:
        return None
    start = time.perf_counter()
    answers, _, problem = coq_build(str(folder))
    seconds = time.perf_counter() - start
    if problem:
        return MethodResult(METHOD_COQ, "error", seconds, None, f"Coq build failed: {problem}")
    names = [n for n, _ in tagged] + [n for n, _ in refuting]
    open_ = [n for n in names if answers.get(n) != CLOSED]
    if open_:
        missing = [n for n in open_ if n not in answers]
        what = "has no Print Assumptions" if missing else "is not closed (rests on an axiom or admit)"
        return MethodResult(METHOD_COQ, "error", seconds, None, f"Coq theorem {', '.join(open_)} {what}")
    if tagged and refuting:
        return MethodResult(METHOD_COQ, "error", seconds, None,
                            f"Coq both proves ({', '.join(n for n, _ in tagged)}) and refutes "
                            f"({', '.join(n for n, _ in refuting)}) this claim")
    if refuting:
        return _refuted(claim, refuting, seconds)
    listed = ", ".join(f"{n} ({q})" if q else n for n, q in tagged)
    if any(q in FULL_READINGS for _, q in tagged):
        scope = f"for k = {claim.only_classes}, the claim's class count" if claim.only_classes else "for every k"
        return MethodResult(METHOD_COQ, "proved", seconds, None,
                            f"Coq theorems {listed}: closed under the global context, {scope}", scope="every k")
    return MethodResult(METHOD_COQ, "unknown", seconds, None,
                        f"Coq proves a special case only: {listed} (closed); not counted as a proof of the claim")


def _refuted(claim: Claim, refuting: list[tuple[str, dict[str, Any]]], seconds: float) -> MethodResult:
    """``refuted`` with the first refutation's dataset, once the reference confirms it."""
    from metricproofs.witnesses import Dataset

    name, fields = refuting[0]
    data = Dataset(fields.get("y_true", []), fields.get("y_pred", []), fields.get("labels"),
                   fields.get("sample_weight"))
    if claim.values is None or claim.violated is None:
        return MethodResult(METHOD_COQ, "error", seconds, None,
                            f"Coq theorem {name} refutes the claim, but the claim has no reference re-evaluation")
    try:
        values = claim.values(data)
    except Exception as exc:  # the reference refusing the tag's data is a finding, not a crash
        return MethodResult(METHOD_COQ, "error", seconds, None,
                            f"Coq theorem {name}: the reference implementation rejected its dataset: {exc}")
    if not claim.violated(values):
        return MethodResult(METHOD_COQ, "error", seconds, None,
                            f"Coq theorem {name} refutes the claim, but metricproofs.reference does not show the "
                            f"violation on its dataset {fields}")
    counterexample = {"y_true": data.y_true, "y_pred": data.y_pred, "labels": data.labels,
                      "sample_weight": data.sample_weight, "values": values}
    call = claim.call(data) if claim.call is not None else None
    by = "scikit-learn, run on it" if about_float64(claim) else "metricproofs.reference"
    return MethodResult(METHOD_COQ, "refuted", seconds, None,
                        f"Coq theorem {name}: the counterexample checked by computation in the kernel (closed "
                        f"under the global context); confirmed by {by}",
                        counterexample=counterexample, call=call)
