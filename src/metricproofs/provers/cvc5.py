"""Method ``cvc5``: the bounded check's obligations re-checked by a second, independent solver.

The queries come from :mod:`metricproofs.provers.obligations` (the same plan the
certificates are written from); cvc5 runs in a killable process, the executable on PATH
if there is one, else the ``cvc5`` Python package through this module's ``__main__``. A
definite answer that differs from the expected one is a loud error ("SOLVERS DISAGREE").
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from metricproofs.catalogue import Claim
from metricproofs.provers.obligations import Obligation, class_range, holds_plan, relax_counts, smallest_model
from metricproofs.provers.results import MethodResult

__all__ = ["Cvc5Answer", "cvc5_available", "run_cvc5", "run_cvc5_each", "header_options", "Cvc5Setting", "CVC5_SETTINGS", "cvc5_setting", "for_cvc5", "recheck_with_cvc5", "CVC5_DEFAULT_MAX_CLASSES"]

#: Class counts re-checked by cvc5 when no bound is given.
CVC5_DEFAULT_MAX_CLASSES = 5
METHOD_CVC5 = "cvc5"


#: cvc5's cylindrical algebraic coverings procedure for nonlinear real arithmetic (its default,
#: incremental linearisation, leaves these queries unknown; z3 needs no option).
NL_COV = "--nl-cov"


@dataclass(frozen=True)
class Cvc5Setting:
    """How cvc5 is asked one obligation: the options it needs and, where the written
    encoding stalls it, another of the equisatisfiable encodings of
    :data:`~metricproofs.provers.smt.VARIANTS` or :data:`~metricproofs.provers.smt.CVC5_ENCODINGS`
    (same obligation, same meaning)."""

    options: tuple[str, ...] = ()
    written: str | None = None


#: Obligations cvc5 1.4 decides only with an option or another encoding, keyed by
#: ``<claim-id>/k<k>-<goal>`` (measured 2026-12-02 and 03: each unknown at 120 s without,
#: the MCC-squared negation at 20 s in every encoding of VARIANTS; with the setting each
#: answers in about a second, that one in 4 s). Everything else is asked as written, with
#: no option.
CVC5_SETTINGS: dict[str, Cvc5Setting] = {
    "binary-mcc-equals-kappa/k2-negation": Cvc5Setting((NL_COV,)),
    "binary-mcc-squared-equals-informedness-times-markedness/k2-hypotheses": Cvc5Setting((NL_COV,)),
    "mcc-symmetric/k2-hypotheses": Cvc5Setting((NL_COV,)),
    # the flattened ratios stall the coverings procedure; the plain cross-multiplied form does not
    "binary-adjusted-balanced-accuracy-equals-informedness/k2-negation": Cvc5Setting((NL_COV,), "cross-multiplied"),
    # the signs of MCC, informedness and markedness are orderings of ratios (one over a square root):
    # cross-multiplied, with no division left in any comparison, cvc5 decides it in about 4 s
    "binary-mcc-squared-equals-informedness-times-markedness/k2-negation": Cvc5Setting((), "flat-cross-multiplied-orders"),
    # kappa <= accuracy with its steps T <= N, X >= 0 as facts: an ordering of ratios (1.3 s; unknown at 15 s
    # cross-multiplied, with or without --nl-cov)
    "kappa-at-most-accuracy/k2-negation": Cvc5Setting((), "flat-cross-multiplied-orders"),
}


def cvc5_setting(claim_id: str, k: int, goal: str) -> Cvc5Setting:
    """The setting cvc5 is asked ``goal`` of ``claim_id`` at ``k`` with (default: as written)."""
    return CVC5_SETTINGS.get(f"{claim_id}/k{k}-{goal}", Cvc5Setting())


def for_cvc5(obligation: Obligation, claim_id: str) -> tuple[Obligation, tuple[str, ...]]:
    """The obligation in the encoding cvc5 is asked it in, and the options it needs."""
    setting = cvc5_setting(claim_id, obligation.k, obligation.name)
    if setting.written is not None and setting.written != obligation.written:
        obligation = dataclasses.replace(obligation, written=setting.written, _queries={})
    return obligation, setting.options


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


def header_options(text: str) -> tuple[str, ...]:
    """The cvc5 options a certificate's header names on its re-check line
    (``;   cvc5 --nl-cov proofs/smt2/...``): the options the file is meant to be run with."""
    match = re.search(r"^;\s+cvc5((?: --[A-Za-z0-9-]+(?:=[A-Za-z0-9._-]+)?)*) \S+\.smt2$", text, re.MULTILINE)
    return tuple(match.group(1).split()) if match else ()


def _file_options(path: str | os.PathLike[str]) -> tuple[str, ...]:
    try:
        return header_options(Path(path).read_text(errors="replace"))
    except OSError:
        return ()  # an unreadable file is reported by the solver itself


def _answer(text: str, seconds: float, detail: str = "") -> Cvc5Answer:
    """An answer from a solver's first output line."""
    first = text.strip().splitlines()[0].strip() if text.strip() else ""
    if first in ("sat", "unsat"):
        return Cvc5Answer(first, seconds)
    if first.startswith("unknown"):
        return Cvc5Answer("unknown", seconds, "cvc5 answered unknown")
    return Cvc5Answer("error", seconds, (detail or text).strip()[:300] or "no answer")


def run_cvc5(path: str | os.PathLike[str], timeout: float, options: Sequence[str] | None = None) -> Cvc5Answer:
    """Run cvc5 on one SMT-LIB2 file in a killable process (the executable on PATH if any,
    else the ``cvc5`` Python package through this module's ``__main__``), with ``options``
    (default: those the file's header names)."""
    chosen = list(_file_options(path) if options is None else options)
    binary = shutil.which("cvc5")
    command = ([binary, *chosen, str(path)] if binary
               else [sys.executable, "-m", "metricproofs.provers.cvc5", *chosen, str(path)])
    start = time.perf_counter()
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Cvc5Answer("unknown", time.perf_counter() - start, f"timeout after {timeout:g} s")
    return _answer(proc.stdout, time.perf_counter() - start, proc.stdout + proc.stderr or f"exit {proc.returncode}")


def _set_options(solver: object, options: Sequence[str]) -> None:
    """Command-line style options (``--nl-cov``, ``--name=value``) on a Python-API solver."""
    for option in options:
        name, _, value = option.removeprefix("--").partition("=")
        solver.setOption(name, value or "true")  # type: ignore[attr-defined]


def _run_file(path: str, tlimit_ms: int | None = None, first_only: bool = False,
              options: Sequence[str] = ()) -> None:
    """Read one SMT-LIB2 file into a fresh cvc5 solver and print the commands' answers."""
    import cvc5

    solver = cvc5.Solver(cvc5.TermManager())
    _set_options(solver, options)
    if tlimit_ms is not None:
        solver.setOption("tlimit-per", str(tlimit_ms))  # each check-sat gives up (unknown) after this
    parser = cvc5.InputParser(solver)
    parser.setFileInput(cvc5.InputLanguage.SMT_LIB_2_6, path)
    symbols = parser.getSymbolManager()
    while True:
        command = parser.nextCommand()
        if command.isNull():
            break
        answer = command.invoke(solver, symbols)
        if answer:
            sys.stdout.write(answer if answer.endswith("\n") else answer + "\n")
            sys.stdout.flush()
            if first_only:
                return


def _first_answer(path: str, tlimit_ms: int) -> tuple[str, float]:
    """One file's first answer (``error: ...`` if cvc5 refuses it), with its header's
    options, and the seconds it took."""
    import io

    real, buffer = sys.stdout, io.StringIO()
    sys.stdout = buffer
    start = time.perf_counter()
    try:
        _run_file(path, tlimit_ms, first_only=True, options=_file_options(path))
        first = (buffer.getvalue().split() or ["no-answer"])[0]
    except Exception as exc:  # a file cvc5 refuses is an answer of its own: an error
        first = f"error: {exc}".replace("\n", " ").replace("\t", " ")
    finally:
        sys.stdout = real
    return first, time.perf_counter() - start


def _cvc5_main(argv: Sequence[str]) -> int:
    """Stand-in for the cvc5 executable: ``[--OPTION ...] FILE`` reads an SMT-LIB2 file and
    prints each command's answer (options as on cvc5's command line, e.g. ``--nl-cov``).

    With ``--serve MS``: a worker for :func:`run_cvc5_each`; it reads one file name a line
    from stdin and answers each in a fresh solver (the options its header names, each
    check-sat limited to MS milliseconds) with one line: the first answer (or
    ``error: ...``), a tab, the seconds taken.
    """
    if len(argv) == 2 and argv[0] == "--serve":
        for line in sys.stdin:
            first, seconds = _first_answer(line.rstrip("\n"), int(argv[1]))
            print(f"{first}\t{seconds:.3f}", flush=True)
        return 0
    options, files = [a for a in argv if a.startswith("--")], [a for a in argv if not a.startswith("--")]
    if len(files) != 1:
        print("usage: python -m metricproofs.provers.cvc5 [--OPTION[=VALUE] ...] FILE.smt2", file=sys.stderr)
        return 2
    try:
        _run_file(files[0], options=options)
    except Exception as exc:  # an unknown option or a file cvc5 refuses: one line, as the executable does
        print(f"(error \"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}\")")
        return 1
    return 0


#: Seconds a worker may overrun a check-sat's limit before it is killed (cvc5's own limit
#: is not checked everywhere, e.g. inside its coverings procedure).
GRACE = 3.0


def _serve(pending: list[str], answers: dict[str, Cvc5Answer], lock: threading.Lock, timeout: float) -> None:
    """Answer files from ``pending`` in one long-lived worker process (start-up paid once),
    killed and restarted when a file overruns ``timeout`` by :data:`GRACE` seconds."""
    proc: subprocess.Popen[str] | None = None
    try:
        while True:
            with lock:
                if not pending:
                    return
                path = pending.pop(0)
            if proc is None:
                proc = subprocess.Popen([sys.executable, "-m", "metricproofs.provers.cvc5", "--serve",
                                         str(int(timeout * 1000))], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            assert proc.stdin is not None and proc.stdout is not None
            start = time.perf_counter()
            proc.stdin.write(path + "\n")
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], timeout + GRACE)
            line = proc.stdout.readline() if ready else ""
            if not line:  # overran its limit (or the worker died): kill it, the next file gets a new one
                proc.kill()
                proc.wait()
                proc = None
                answer = Cvc5Answer("unknown" if not ready else "error", time.perf_counter() - start,
                                    f"timeout after {timeout:g} s" if not ready else "the cvc5 worker stopped")
            else:
                first, _, seconds = line.rstrip("\n").partition("\t")
                answer = _answer(first, float(seconds or 0.0), first)
            with lock:
                answers[path] = answer
    finally:
        if proc is not None:
            proc.stdin.close()  # type: ignore[union-attr]
            proc.wait()


def run_cvc5_each(paths: Sequence[str | os.PathLike[str]], timeout: float, jobs: int = 2) -> dict[str, Cvc5Answer]:
    """cvc5 on many files, ``jobs`` at a time, each with the options its header names and
    limited to ``timeout`` seconds: {path: answer} (seconds are each file's own).

    The cvc5 executable on PATH runs once per file; without it, ``jobs`` long-lived
    workers on the Python package share the files (start-up paid once per worker).
    """
    pending = [str(p) for p in paths]
    answers: dict[str, Cvc5Answer] = {}
    lock = threading.Lock()
    if shutil.which("cvc5"):
        with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as pool:
            return dict(zip(pending, pool.map(lambda p: run_cvc5(p, timeout), pending)))
    threads = [threading.Thread(target=_serve, args=(pending, answers, lock, timeout)) for _ in range(max(1, jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def recheck_with_cvc5(claim: Claim, timeout: float = 60.0, max_classes: int | None = None) -> MethodResult | None:
    """Method ``cvc5``: the bounded check's queries re-checked by cvc5.

    A claim that holds: at every k of its range up to ``max_classes`` (default 5) the
    hypotheses are sat and the definedness, lemma and negation queries unsat. A claim
    that fails: the negation at the smallest k where z3 finds a model is sat in cvc5 too.
    ``None`` when cvc5 is not installed.
    """
    if not cvc5_available():
        return None
    start = time.perf_counter()
    checked: list[int] = []

    def result(verdict: str, detail: str) -> MethodResult:
        return MethodResult(METHOD_CVC5, verdict, time.perf_counter() - start,  # type: ignore[arg-type]
                            max(checked) if checked else None, detail)

    with tempfile.TemporaryDirectory(prefix="metricproofs-cvc5-") as tmp:
        def ask(name: str, obligation: Obligation) -> Cvc5Answer:
            chosen, options = for_cvc5(obligation, claim.id)
            path = Path(tmp) / f"{name}.smt2"
            path.write_text(chosen.script())
            return run_cvc5(path, timeout, options)

        if claim.expected == "fails":
            found = smallest_model(claim, timeout)
            if found is None:
                return result("unknown", "z3 found no model to re-check")
            k, bound = found.k, found.bound
            answer = ask(f"k{k}-negation", found)
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
            for obligation in holds_plan(claim, formula, k):
                goal, status = obligation.name, obligation.expected
                goals.add(goal)
                answer = ask(f"k{k}-{goal}", obligation)
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
                      + ["the lemmas' divisions defined"] * bool(goals & {"lemmas-definedness"})
                      + [f"lemmas {', '.join(claim.used_facts)} re-proved"] * bool(goals & {"lemmas"}))
    return result("proved", f"cvc5: negation unsat for {span} ({steps}), counts relaxed to non-negative reals")


if __name__ == "__main__":
    sys.exit(_cvc5_main(sys.argv[1:]))
