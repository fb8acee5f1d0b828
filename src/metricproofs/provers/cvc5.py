"""Method ``cvc5``: the bounded check's obligations re-checked by a second, independent solver.

The queries come from :mod:`metricproofs.provers.obligations` (the same plan the
certificates are written from); cvc5 runs in a killable process, the executable on PATH
if there is one, else the ``cvc5`` Python package through this module's ``__main__``. A
definite answer that differs from the expected one is a loud error ("SOLVERS DISAGREE").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from metricproofs.catalogue import Claim
from metricproofs.provers.obligations import class_range, holds_plan, relax_counts, smallest_model
from metricproofs.provers.results import MethodResult

__all__ = ["Cvc5Answer", "cvc5_available", "run_cvc5", "run_cvc5_each", "recheck_with_cvc5", "CVC5_DEFAULT_MAX_CLASSES"]

#: Class counts re-checked by cvc5 when no bound is given.
CVC5_DEFAULT_MAX_CLASSES = 5
METHOD_CVC5 = "cvc5"


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
    command = [binary, str(path)] if binary else [sys.executable, "-m", "metricproofs.provers.cvc5", str(path)]
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


def _run_file(path: str, tlimit_ms: int | None = None, first_only: bool = False) -> None:
    """Read one SMT-LIB2 file into a fresh cvc5 solver and print the commands' answers."""
    import cvc5

    solver = cvc5.Solver(cvc5.TermManager())
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


def _cvc5_main(argv: Sequence[str]) -> int:
    """Stand-in for the cvc5 executable: read an SMT-LIB2 file, print each command's answer.

    With ``--each MS FILE...``: every file in a fresh solver, each check-sat limited to MS
    milliseconds, one line per file: its first answer (or ``error: ...``), a tab, the file.
    """
    if len(argv) >= 3 and argv[0] == "--each":
        for path in argv[2:]:
            buffer, real = sys.stdout, sys.stdout
            import io

            sys.stdout = buffer = io.StringIO()
            try:
                _run_file(path, int(argv[1]), first_only=True)
                first = (buffer.getvalue().split() or ["no-answer"])[0]
            except Exception as exc:  # a file cvc5 refuses is an answer of its own: an error
                first = f"error: {exc}".replace("\n", " ")
            finally:
                sys.stdout = real
            print(f"{first}\t{path}", flush=True)
        return 0
    if len(argv) != 1:
        print("usage: python -m metricproofs.provers.cvc5 FILE.smt2 | --each MS FILE...", file=sys.stderr)
        return 2
    _run_file(argv[0])
    return 0


def run_cvc5_each(paths: Sequence[str | os.PathLike[str]], timeout: float) -> dict[str, Cvc5Answer]:
    """cvc5 on many files in one process (the Python package; start-up paid once), each
    check-sat limited to ``timeout`` seconds: {path: answer}."""
    command = [sys.executable, "-m", "metricproofs.provers.cvc5", "--each", str(int(timeout * 1000))]
    start = time.perf_counter()
    proc = subprocess.run(command + [str(p) for p in paths], capture_output=True, text=True,
                          timeout=timeout * len(paths) + 60)
    seconds = time.perf_counter() - start
    answers: dict[str, Cvc5Answer] = {}
    for line in proc.stdout.splitlines():
        first, _, path = line.partition("\t")
        status = first if first in ("sat", "unsat", "unknown") else "error"
        answers[path] = Cvc5Answer(status, seconds, "" if status != "error" else first)
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
        def ask(name: str, script: str) -> Cvc5Answer:
            path = Path(tmp) / f"{name}.smt2"
            path.write_text(script)
            return run_cvc5(path, timeout)

        if claim.expected == "fails":
            found = smallest_model(claim, timeout)
            if found is None:
                return result("unknown", "z3 found no model to re-check")
            k, bound = found.k, found.bound
            answer = ask(f"k{k}-negation", found.script())
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
                answer = ask(f"k{k}-{goal}", obligation.script())
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


if __name__ == "__main__":
    sys.exit(_cvc5_main(sys.argv[1:]))
