"""The solver race of ``provers.smt.solve`` with real processes, and ``parse_model`` on real
solver output.

Protects the answers every proof rests on: the first definite answer of the raced
encodings wins (the others are not waited for), a timeout is "unknown" with its reason,
a solver that reports an error or crashes is an "error" (never a timeout, never a proof),
and a model is read exactly (rationals, negatives, both solvers' spellings). The solver
is never mocked: z3 itself, cvc5 itself, or a tiny executable standing in for a solver
that misbehaves.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest

from metricproofs.domains import VarSpec
from metricproofs.provers import smt
from metricproofs.provers.smt import ABSTRACTIONS, VARIANTS, Query, parse_model, solve

REAL = VarSpec("Real", lower=None)
INT = VarSpec("Int", lower=None)

#: x^3 + y^3 = z^3 over positive integers: unsat (Fermat, n = 3), which z3 cannot decide.
FERMAT = ("(declare-const x Int)\n(declare-const y Int)\n(declare-const z Int)\n"
          "(assert (> x 0))\n(assert (> y 0))\n(assert (> z 0))\n"
          "(assert (= (+ (* x x x) (* y y y)) (* z z z)))")


def _query(text: str, goal: str = "negation", variant=VARIANTS[0], trivial: bool = False) -> Query:
    return Query(goal, 1, text, {}, trivial, variant)  # type: ignore[arg-type]


def _need_z3() -> None:
    if smt.z3_binary() is None:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail("z3 executable not found, but CI installs it")
        pytest.skip("z3 executable not found")


def _fake_solver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """Put a tiny executable in z3's place (a real process that behaves as ``body`` says).

    z3 is kept between queries, so a query's script ends with the end-of-answer line: the
    executable reads up to that line, then runs ``body`` with the script as its standard input
    (a body that answers and exits is a one-shot solver, as z3 run on one file). A body that
    waits must ``exec`` its last command, so that the process the race interrupts (SIGINT) or
    kills is the one holding the output pipe, as with z3 itself (a shell killed under a running ``sleep`` would leave the
    pipe open, and itself unreaped, until the sleep ends).
    """
    script, behaviour = tmp_path / "fake-z3", tmp_path / "fake-z3-body"
    behaviour.write_text(f"{body}\n")
    request = f"{tmp_path}/fake-z3-request-$$"  # one per process: the raced encodings run at once
    script.write_text(f"#!/bin/sh\nsed -u '/{smt.ANSWER_END}/q' > {request}\nexec sh {behaviour} \"$@\" < {request}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(smt, "z3_binary", lambda: str(script))


def _children() -> set[int]:
    """Pids of this process's child processes, running or exited but not yet reaped."""
    me = str(os.getpid())
    found: set[int] = set()
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):  # the process ended meanwhile
            continue
        if fields[1] == me:  # fields: state, ppid, ...
            found.add(int(stat_file.parent.name))
    return found


@pytest.fixture(autouse=True)
def _no_solver_process_outlives_the_race() -> Iterator[None]:
    """After every test here, each solver process a race started has ended and been reaped.

    A child left behind would be reaped later by whoever waits for any child (mutmut's
    worker loop stopped on such a pid); a running one would keep burning a core.
    """
    if not Path("/proc/self/stat").exists():
        pytest.fail("this check reads /proc (Linux): the race's processes cannot be listed here")
    before = _children()
    yield
    smt.close_solvers()  # the idle processes kept for the next query
    left = _children() - before
    assert not left, f"solver processes left behind by solve(): {sorted(left)}"


class TestRace:
    def test_unsat_and_sat_with_the_model(self) -> None:
        _need_z3()
        assert solve([_query("(declare-const x Real)\n(assert (< (* x x) 0.0))")], 20).status == "unsat"
        answer = solve([_query("(declare-const x Real)\n(assert (= (* 4.0 x) 1.0))")], 20)
        assert (answer.status, answer.model, answer.reason) == ("sat", {"x": Fraction(1, 4)}, "")
        assert 0 < answer.seconds < 20  # the time the race took, not a clock reading

    def test_the_first_definite_answer_wins(self) -> None:
        _need_z3()
        fast = _query("(declare-const x Real)\n(assert (> x 1.0))\n(assert (< x 0.0))")
        answer = solve([_query(FERMAT), fast], 30)
        assert (answer.status, answer.model, answer.reason) == ("unsat", None, "")
        # z3 gives up on FERMAT only at 30 s: half that is ample for the fast encoding under load
        assert 0 < answer.seconds < 15, "the race waited for the undecided process"

    def test_a_timeout_is_unknown_with_its_reason(self) -> None:
        _need_z3()
        answer = solve([_query(FERMAT)], 1)
        assert (answer.status, answer.reason, answer.model) == ("unknown", "timeout", None)

    def test_a_process_past_the_deadline_is_killed_and_reported_as_timeout(self, tmp_path, monkeypatch) -> None:
        _fake_solver(tmp_path, monkeypatch, "exec sleep 30")
        answer = solve([_query("(assert true)")], 1)
        assert (answer.status, answer.reason, answer.model) == ("unknown", "timeout", None)
        # given its limit and one second of grace before it is killed, not waited for 30 s
        assert 2.0 <= answer.seconds < 10

    def test_a_solver_error_is_an_error_not_an_answer(self) -> None:
        _need_z3()
        # z3 reports the undeclared constant, then still answers sat: the error must win.
        answer = solve([_query("(declare-const x Real)\n(assert (> y 0.0))")], 20)
        assert answer.status == "error"
        assert "unknown constant y" in answer.reason

    def test_a_crashed_solver_is_an_error(self, tmp_path, monkeypatch) -> None:
        _fake_solver(tmp_path, monkeypatch, "cat > /dev/null\nexit 3")
        answer = solve([_query("(assert true)")], 5)
        assert (answer.status, answer.model) == ("error", None)
        assert answer.reason == "z3 exited with code 3: no output"
        assert 0 < answer.seconds < 5, "a crash is reported when it happens, not at the time limit"

    def test_what_a_crashed_solver_wrote_to_stderr_is_in_the_reason(self, tmp_path, monkeypatch) -> None:
        _fake_solver(tmp_path, monkeypatch, "cat > /dev/null\necho 'Segmentation fault' >&2\nexit 139")
        answer = solve([_query("(assert true)")], 5)
        assert (answer.status, answer.reason) == ("error", "z3 exited with code 139: Segmentation fault")

    def test_long_error_output_is_cut_to_a_readable_length(self, tmp_path, monkeypatch) -> None:
        # An error report keeps its first 300 characters, a crash's output its first 200.
        said = "(error " + "e" * 400 + ")"
        _fake_solver(tmp_path, monkeypatch, f"cat > /dev/null\necho '  {said}  '")
        assert solve([_query("(assert true)")], 5).reason == said[:300]
        _fake_solver(tmp_path, monkeypatch, f"cat > /dev/null\necho '{'c' * 250}'\nexit 3")
        assert solve([_query("(assert true)")], 5).reason == "z3 exited with code 3: " + "c" * 200

    def test_the_same_error_of_several_encodings_is_reported_once(self, tmp_path, monkeypatch) -> None:
        _fake_solver(tmp_path, monkeypatch, "cat > /dev/null\nexit 4")
        answer = solve([_query("(assert true)", variant=VARIANTS[0]), _query("(assert true)", variant=VARIANTS[1])], 5)
        assert (answer.status, answer.reason) == ("error", "z3 exited with code 4: no output")

    def test_an_answer_is_taken_without_waiting_on_a_slower_encoding(self, tmp_path, monkeypatch) -> None:
        # the first encoding answers only after 30 s, the second at once: the race takes the
        # answers in the order the processes finish, so it never waits on the first (a bound
        # far from both, not a timing of the machine)
        _fake_solver(tmp_path, monkeypatch, 'if grep -q "solve_eqs false"; then echo unsat; else exec sleep 30; fi')
        answer = solve([_query("(assert true)", variant=VARIANTS[0]), _query("(assert true)", variant=VARIANTS[1])], 40)
        assert (answer.status, answer.encoding) == ("unsat", "aggregates")
        assert answer.seconds < 15

    def test_a_crash_does_not_hide_a_definite_answer_of_another_encoding(self, tmp_path, monkeypatch) -> None:
        # The same executable answers per encoding: the preamble marks the second variant.
        _fake_solver(tmp_path, monkeypatch,
                     'if grep -q "solve_eqs false"; then echo unsat; else exit 3; fi')
        answer = solve([_query("(assert true)", variant=VARIANTS[0]),
                        _query("(assert true)", variant=VARIANTS[1])], 5)
        assert answer.status == "unsat"

    def test_a_solver_that_gives_up_is_unknown_incomplete(self, tmp_path, monkeypatch) -> None:
        _fake_solver(tmp_path, monkeypatch, "cat > /dev/null\necho unknown")
        assert (solve([_query("(assert true)")], 5).status, solve([_query("(assert true)")], 5).reason) \
            == ("unknown", "incomplete")

    def test_z3s_own_timeout_answer_is_unknown_timeout(self, tmp_path, monkeypatch) -> None:
        _fake_solver(tmp_path, monkeypatch, "cat > /dev/null\necho timeout")
        answer = solve([_query("(assert true)")], 5)
        assert (answer.status, answer.reason) == ("unknown", "timeout")
        # a "timeout" answer is a timeout whatever the exit code (never taken for a crash)
        _fake_solver(tmp_path, monkeypatch, "cat > /dev/null\necho timeout\nexit 1")
        answer = solve([_query("(assert true)")], 5)
        assert (answer.status, answer.reason) == ("unknown", "timeout")

    def test_a_model_on_one_line_after_sat_is_read(self, tmp_path, monkeypatch) -> None:
        # z3 spreads a model over lines; a solver may also print it on the line after "sat".
        _fake_solver(tmp_path, monkeypatch, "cat > /dev/null\necho ' sat '\necho '((define-fun n () Int 6))'")
        answer = solve([_query("(assert true)")], 5)
        assert (answer.status, answer.model) == ("sat", {"n": Fraction(6)})

    def test_an_unreadable_answer_is_unknown_with_what_was_said(self, tmp_path, monkeypatch) -> None:
        _fake_solver(tmp_path, monkeypatch, "cat > /dev/null\necho maybe")
        assert solve([_query("(assert true)")], 5).reason == "maybe"
        _fake_solver(tmp_path, monkeypatch, "cat > /dev/null")
        assert solve([_query("(assert true)")], 5).reason == "no answer"

    def test_the_solver_gets_the_preamble_the_query_and_a_model_request(self, tmp_path, monkeypatch) -> None:
        seen = tmp_path / "seen.smt2"
        _fake_solver(tmp_path, monkeypatch, f'cat > {seen}\necho "$@" >> {seen}\necho unsat')
        assert solve([_query("(assert true)", variant=VARIANTS[1])], 2.5).status == "unsat"
        assert seen.read_text() == ("(reset)\n(set-option :timeout 2500)\n(set-option :smt.solve_eqs false)\n"
                                    "(set-option :smt.random_seed 0)\n(set-option :smt.arith.solver 6)\n"
                                    f'(assert true)\n(echo "{smt.CHECKING}")\n(check-sat)\n'
                                    "(get-info :reason-unknown)\n(get-model)\n"
                                    f'(echo "{smt.ANSWER_END}")\n-in\n')
        assert solve([_query("(assert true)")], 0.2).status == "unsat"  # z3's own limit, in milliseconds
        assert seen.read_text().startswith("(reset)\n(set-option :timeout 200)\n(set-option :smt.solve_eqs true)\n"
                                           "(set-option :smt.random_seed 0)\n")
        assert solve([_query("(assert true)", variant=VARIANTS[0].reseeded(7))], 1).status == "unsat"
        assert "(set-option :smt.random_seed 7)\n(set-option :smt.arith.solver 6)\n(assert true)\n" in seen.read_text()
        assert solve([_query("(assert true)", variant=ABSTRACTIONS[0])], 1).status == "unsat"
        assert "(set-option :smt.arith.solver 2)\n(assert true)\n" in seen.read_text()

    def test_trivial_queries_are_answered_without_a_solver(self, tmp_path, monkeypatch) -> None:
        _fake_solver(tmp_path, monkeypatch, "exit 3")  # would be an error if it ran
        defined = solve([_query("", goal="definedness", trivial=True)], 5)
        assert (defined.status, defined.seconds, defined.model, defined.reason) == \
            ("unsat", 0.0, None, "no division to guard")
        hypotheses = solve([_query("", goal="hypotheses", trivial=True)], 5)
        assert (hypotheses.status, hypotheses.seconds, hypotheses.reason) == \
            ("sat", 0.0, "the all-zero point satisfies the hypotheses")
        mixed = solve([_query("", goal="definedness", trivial=True), _query("(assert true)")], 5)
        assert mixed.status == "error"  # one non-trivial query: the solver runs

    def test_without_a_z3_executable_the_python_api_answers(self, monkeypatch) -> None:
        monkeypatch.setattr(smt, "z3_binary", lambda: None)
        unsat = solve([_query("(declare-const x Real)\n(assert (< (* x x) 0.0))")], 20)
        assert (unsat.status, unsat.model) == ("unsat", None) and 0 < unsat.seconds < 20
        answer = solve([_query("(declare-const x Real)\n(assert (= (* 2.0 x) 3.0))")], 20)
        assert (answer.status, answer.model) == ("sat", {"x": Fraction(3, 2)}) and 0 < answer.seconds < 20
        unknown = solve([_query(FERMAT)], 1)
        assert (unknown.status, unknown.model, unknown.reason) == ("unknown", None, "timeout")
        assert 0.5 < unknown.seconds < 20, "z3's own limit (1 s) ended the search"

    def test_z3_is_looked_up_beside_python_then_on_the_path(self, tmp_path, monkeypatch) -> None:
        venv_bin, on_path = tmp_path / "venv-bin", tmp_path / "path-bin"
        venv_bin.mkdir(), on_path.mkdir()
        for folder in (venv_bin, on_path):
            (folder / "z3").write_text("#!/bin/sh\n")
            (folder / "z3").chmod(0o755)
        monkeypatch.setattr(sys, "executable", str(venv_bin / "python"))
        monkeypatch.setenv("PATH", str(on_path))
        assert smt.z3_binary() == str(venv_bin / "z3")
        (venv_bin / "z3").unlink()
        assert smt.z3_binary() == str(on_path / "z3")
        monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
        assert smt.z3_binary() is None


SCRIPT = ("(set-logic ALL)\n(set-option :produce-models true)\n"
          "(declare-const x Real)\n(declare-const y Real)\n(declare-const n Int)\n(declare-const m Int)\n"
          "(assert (= (* 3.0 x) 1.0))\n(assert (= y (- 2.5)))\n(assert (= n 5))\n(assert (= m (- 7)))\n"
          "(check-sat)\n(get-model)\n")
MODEL = {"x": Fraction(1, 3), "y": Fraction(-5, 2), "n": Fraction(5), "m": Fraction(-7)}


def _model_text(command: list[str], tmp_path: Path) -> str:
    path = tmp_path / "model.smt2"
    path.write_text(SCRIPT)
    proc = subprocess.run(command + [str(path)], capture_output=True, text=True, timeout=60)
    first, _, rest = proc.stdout.partition("\n")
    assert first.strip() == "sat", proc.stdout + proc.stderr
    return rest


class TestParseModel:
    def test_z3_output(self, tmp_path) -> None:
        _need_z3()
        text = _model_text([smt.z3_binary()], tmp_path)
        assert "(/ 1.0 3.0)" in text and "(- (/ 5.0 2.0))" in text  # z3's spelling
        assert parse_model(text) == MODEL

    def test_cvc5_output(self, tmp_path) -> None:
        from metricproofs.provers.cvc5 import cvc5_available

        if not cvc5_available():
            pytest.skip("cvc5 not installed")
        import shutil

        command = [shutil.which("cvc5")] if shutil.which("cvc5") else [sys.executable, "-m", "metricproofs.provers.cvc5"]
        text = _model_text(command, tmp_path)
        assert "(/ 1 3)" in text and "(/ (- 5) 2)" in text  # cvc5's spelling
        assert parse_model(text) == MODEL

    def test_values_it_cannot_read_exactly_are_left_out(self) -> None:
        _need_z3()
        # sqrt 2 is an algebraic number (root-obj): not decoded, rather than approximated.
        answer = solve([_query("(declare-const r Real)\n(declare-const q Real)\n(assert (= (* r r) 2.0))\n"
                               "(assert (> r 0.0))\n(assert (= q 0.5))")], 20)
        assert answer.status == "sat" and answer.model == {"q": Fraction(1, 2)}

    def test_shapes_by_hand(self) -> None:
        assert parse_model("((define-fun a () Int 3) (define-fun b () Real (- 0.25)))") == \
            {"a": Fraction(3), "b": Fraction(-1, 4)}
        assert parse_model("(model (define-fun a () Real (/ 6.0 4.0)))") == {"a": Fraction(3, 2)}
        # functions with arguments, Booleans, a zero denominator, malformed numbers: skipped
        assert parse_model("((define-fun f ((x Int)) Int x) (define-fun p () Bool true)"
                           " (define-fun z () Real (/ 1.0 0.0)) (define-fun w () Real abc)"
                           " (define-fun v () Real (- 1.0 2.0)) (define-fun u () Real (/ 1.0 abc)))") == {}
        assert parse_model("") == {} and parse_model("))(define-fun a () Int 1") == {}
        # only a constant's define-fun gives a value: not a function whose body is a number, not
        # another five-part form, not an operator other than - and / (nor - of what is unreadable)
        assert parse_model("((define-fun f ((x Int)) Int 7) (declare-fun c () Int 5)"
                           " (define-fun g () Int (abs 3)) (define-fun t () Real (- abc)))") == {}
        assert parse_model("((define-fun a () Int 1)))") == {"a": Fraction(1)}


class TestAnswersOfEncodings:
    """Which encoding decided, an abstraction's sat, and the reasons of several undecided ones."""

    ABSTRACT = smt.ABSTRACTIONS[0]

    def test_the_answer_names_the_encoding_that_decided(self) -> None:
        _need_z3()
        sat = solve([_query("(declare-const x Real)\n(assert (> x 1.0))", variant=VARIANTS[2])], 20)
        assert (sat.status, sat.encoding) == ("sat", "cross-multiplied")
        unsat = solve([_query("(declare-const x Real)\n(assert (> x 1.0))\n(assert (< x 0.0))", variant=VARIANTS[1])], 20)
        assert (unsat.status, unsat.encoding) == ("unsat", "aggregates")

    def test_the_python_api_names_the_encoding_too(self, monkeypatch) -> None:
        monkeypatch.setattr(smt, "z3_binary", lambda: None)
        sat = solve([_query("(declare-const x Real)\n(assert (> x 1.0))", variant=VARIANTS[2])], 20)
        assert (sat.status, sat.encoding) == ("sat", "cross-multiplied")
        unsat = solve([_query("(declare-const x Real)\n(assert (> x 1.0))\n(assert (< x 0.0))", variant=VARIANTS[1])], 20)
        assert (unsat.status, unsat.encoding) == ("unsat", "aggregates")

    def test_a_sat_abstraction_is_inconclusive_and_its_unsat_a_proof(self, monkeypatch) -> None:
        _need_z3()
        sat = _query("(declare-const x Real)\n(assert (> x 1.0))", variant=self.ABSTRACT)
        unsat = _query("(declare-const x Real)\n(assert (> x 1.0))\n(assert (< x 0.0))", variant=self.ABSTRACT)
        for in_process in (False, True):
            if in_process:
                monkeypatch.setattr(smt, "z3_binary", lambda: None)
            answer = solve([sat], 20)
            assert (answer.status, answer.model, answer.reason) == ("unknown", None, smt.INCONCLUSIVE), in_process
            assert 0 < answer.seconds < 20
            proof = solve([unsat], 20)
            assert (proof.status, proof.encoding) == ("unsat", "abstract-division"), in_process

    def test_different_errors_of_several_encodings_are_all_reported(self, tmp_path, monkeypatch) -> None:
        # the same crash twice is one reason (test above); two crashes differ by their exit code
        _fake_solver(tmp_path, monkeypatch, 'if grep -q "solve_eqs false"; then exit 4; else exit 3; fi')
        answer = solve([_query("(assert true)", variant=VARIANTS[0]), _query("(assert true)", variant=VARIANTS[1])], 5)
        assert answer.status == "error"
        # in the order of the encodings given (macros exits 3, aggregates 4), whichever process ends first
        assert answer.reason == "z3 exited with code 3: no output; z3 exited with code 4: no output"

    def test_reasons_of_undecided_encodings_are_joined_in_order(self, tmp_path, monkeypatch) -> None:
        _fake_solver(tmp_path, monkeypatch, 'if grep -q "solve_eqs false"; then echo maybe; else echo unknown; fi')
        answer = solve([_query("(assert true)", variant=VARIANTS[1]), _query("(assert true)", variant=VARIANTS[0])], 5)
        assert (answer.status, answer.reason) == ("unknown", "incomplete; maybe")

    def test_a_timeout_is_the_reason_even_when_another_encoding_gave_up(self, tmp_path, monkeypatch) -> None:
        _fake_solver(tmp_path, monkeypatch, 'if grep -q "solve_eqs false"; then echo unknown; else exec sleep 30; fi')
        answer = solve([_query("(assert true)", variant=VARIANTS[1]), _query("(assert true)", variant=VARIANTS[0])], 1)
        assert (answer.status, answer.reason) == ("unknown", "timeout")


class TestKeptProcesses:
    """z3 is kept between queries: a kept process answers each query as a fresh one would, and
    a process whose answer is not wanted (a loser of the race, one past its deadline) is not kept."""

    def test_the_next_query_is_answered_by_the_process_that_answered_the_last(self) -> None:
        _need_z3()
        smt.close_solvers()
        before = _children()
        assert solve([_query("(declare-const x Real)\n(assert (> x 1.0))")], 20).status == "sat"
        kept = _children() - before
        assert len(kept) == 1, "one z3 answered and is kept"
        assert solve([_query("(declare-const x Real)\n(assert (< x x))")], 20).status == "unsat"
        assert _children() - before == kept, "the same z3 answered the second query"

    def test_a_kept_process_forgets_the_last_query(self) -> None:
        # the same name declared again, with assertions that contradict the last query's
        _need_z3()
        assert solve([_query("(declare-const x Real)\n(assert (> x 1.0))")], 20).status == "sat"
        answer = solve([_query("(declare-const x Real)\n(assert (< x 0.0))")], 20)
        assert (answer.status, answer.model is not None and answer.model["x"] < 0) == ("sat", True)

    def test_an_option_one_encoding_sets_does_not_reach_the_next(self) -> None:
        # z3's (reset) keeps its global options: each query sets the one a variant changes.
        # (get-option ...) prints the value where an answer would be, so it comes back as the reason.
        _need_z3()
        smt.close_solvers()
        ask = "(get-option :smt.solve_eqs)"
        assert solve([_query(ask, variant=VARIANTS[1])], 20).reason == "false"  # aggregates
        assert solve([_query(ask, variant=VARIANTS[0])], 20).reason == "true"  # macros, on the same process

    def test_a_seed_reaches_z3_and_not_the_next_query(self) -> None:
        _need_z3()
        smt.close_solvers()
        ask = "(get-option :smt.random_seed)"
        assert solve([_query(ask, variant=VARIANTS[0].reseeded(3))], 20).reason == "3"
        assert solve([_query(ask, variant=VARIANTS[0])], 20).reason == "0"  # on the same process

    def test_the_loser_of_a_race_is_interrupted_and_kept(self, monkeypatch) -> None:
        # starting z3 costs about as much as a small query: the race stops the loser's check
        # (SIGINT) instead of ending the process, and the process answers the next query. z3
        # does not always stop at once (or a SIGINT just before its check begins ends it: about
        # one race in ten on FERMAT), so three races may be run; one must keep its loser.
        _need_z3()
        monkeypatch.setattr(smt, "DRAIN_SECONDS", 2.0)  # the budget is not what is tested here
        fast = _query("(declare-const x Real)\n(assert (> x 1.0))\n(assert (< x 0.0))")
        for _ in range(3):
            smt.close_solvers()
            before = _children()
            start = time.perf_counter()
            assert solve([_query(FERMAT), fast], 30).status == "unsat"
            assert time.perf_counter() - start < 10, "FERMAT's check (30 s) was stopped, not waited for"
            for _ in range(300):  # until the interrupted one is back in the pool (it needs milliseconds)
                if len(smt._SERVERS._idle) == 2:
                    break
                time.sleep(0.01)
            if len(smt._SERVERS._idle) == 2:
                break
        kept = _children() - before
        assert len(kept) == 2, "the winner and the interrupted process on FERMAT, in one of three races"
        sat = _query("(declare-const x Real)\n(assert (> x 1.0))")
        assert solve([sat, sat], 20).status == "sat"
        # no new process: both asked on the kept two (the second to answer may be interrupted in
        # turn, and a SIGINT just before its check ends it, so it can be gone by now)
        assert _children() - before <= kept, "two queries at once, on the same two processes"

    def test_a_loser_that_does_not_finish_its_answer_is_ended(self, tmp_path, monkeypatch) -> None:
        # it says it is checking, ignores the interrupt and goes on sleeping
        monkeypatch.setattr(smt, "DRAIN_SECONDS", 0.2)
        _fake_solver(tmp_path, monkeypatch, f'if grep -q "fast"; then echo unsat; else trap "" INT; '
                                            f'echo {smt.CHECKING}; exec sleep 30; fi')
        smt.close_solvers()
        before = _children()
        assert solve([_query("(assert slow)"), _query("(assert fast)")], 30).status == "unsat"
        for _ in range(300):
            if len(_children() - before) == 1:
                break
            time.sleep(0.01)
        assert len(_children() - before) == 1, "the winner is kept, the loser that went on sleeping ended"

    def test_a_process_that_ended_is_replaced(self) -> None:
        _need_z3()
        smt.close_solvers()
        before = _children()
        assert solve([_query("(declare-const x Real)\n(assert (> x 1.0))")], 20).status == "sat"
        (pid,) = _children() - before
        os.kill(pid, 9)
        for _ in range(500):  # until it is dead (a zombie, or already reaped by its reader)
            try:
                if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                    break
            except (OSError, IndexError):
                break
            time.sleep(0.01)
        assert solve([_query("(declare-const x Real)\n(assert (< x x))")], 20).status == "unsat"

    def test_a_query_with_unbalanced_parentheses_is_an_error_at_once(self) -> None:
        # a kept z3 would wait for the missing ")" for ever (no answer, not even an error)
        _need_z3()
        answer = solve([_query("(declare-const x Real)\n(assert (> x 1.0)")], 20)
        assert (answer.status, answer.seconds) == ("error", 0.0)
        assert answer.reason == "malformed query (unbalanced parentheses) in macros"


class TestStrayAnswers:
    """Answers that are not the query's own are asked again, once, on a new process."""

    def test_a_cancel_long_before_the_limit_is_asked_again(self, tmp_path, monkeypatch) -> None:
        count = tmp_path / "asked"
        _fake_solver(tmp_path, monkeypatch, f'n=$(cat {count} 2>/dev/null || echo 0); echo $((n + 1)) > {count}\n'
                                            'if [ "$n" = 0 ]; then echo unknown; echo \'(:reason-unknown "canceled")\'; '
                                            'else echo unsat; fi')
        answer = solve([_query("(assert true)")], 20)
        assert (answer.status, count.read_text().strip()) == ("unsat", "2")

    def test_a_cancel_again_is_reported_not_retried_for_ever(self, tmp_path, monkeypatch) -> None:
        count = tmp_path / "asked"
        _fake_solver(tmp_path, monkeypatch, f'n=$(cat {count} 2>/dev/null || echo 0); echo $((n + 1)) > {count}\n'
                                            'echo unknown; echo \'(:reason-unknown "canceled")\'')
        answer = solve([_query("(assert true)")], 20)
        assert (answer.status, answer.reason, count.read_text().strip()) == ("unknown", "timeout", "2")

    def test_z3s_own_time_out_is_not_asked_again(self, tmp_path, monkeypatch) -> None:
        count = tmp_path / "asked"
        _fake_solver(tmp_path, monkeypatch, f'n=$(cat {count} 2>/dev/null || echo 0); echo $((n + 1)) > {count}\n'
                                            'sleep 0.5; echo unknown; echo \'(:reason-unknown "canceled")\'')
        answer = solve([_query("(assert true)")], 0.5)  # canceled at its own limit
        assert (answer.status, count.read_text().strip()) == ("unknown", "1")

    SAT = _query("(declare-const x Real)\n(assert (> x 1.0))")

    def _stopped(self) -> smt._Server:
        """The one kept z3 process, stopped (SIGSTOP): it will say nothing, as a stuck z3."""
        _need_z3()
        smt.close_solvers()
        assert solve([self.SAT], 20).status == "sat"
        (stuck,) = smt._SERVERS._idle
        os.kill(stuck.proc.pid, signal.SIGSTOP)
        return stuck

    def test_a_process_silent_after_an_interrupt_is_not_trusted_with_the_answer(self) -> None:
        # a stopped z3 stands for one an interrupt left stuck: the race asks new processes, once
        stuck = self._stopped()
        stuck.interrupted = True
        try:
            start = time.perf_counter()
            answer = solve([self.SAT], 0.5)
            assert (answer.status, time.perf_counter() - start < 5) == ("sat", True)
        finally:
            stuck.close()

    def test_a_silent_process_never_interrupted_is_a_timeout(self) -> None:
        stuck = self._stopped()
        try:
            answer = solve([self.SAT], 0.5)  # the stopped process is the one the pool hands out
            assert (answer.status, answer.reason) == ("unknown", "timeout")
        finally:
            stuck.close()
