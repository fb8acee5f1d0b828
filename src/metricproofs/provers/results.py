"""Result objects of the provers: three-valued verdicts that never blur.

``proved`` is returned only when a solver answered unsat for the negated claim (after
the hypotheses were shown satisfiable and every division defined) or a symbolic
difference reduced to 0. ``refuted`` only with a counterexample that the reference
implementation confirmed. A timeout or a solver's "unknown" is ``unknown``, with the
solver's reason. Anything else that went wrong (vacuous hypotheses, an unconfirmed
model, methods that disagree) is ``error``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Verdict", "Scope", "MethodResult", "ClaimResult", "ProveReport", "combine", "verdict_as_expected", "DEFAULT_TIMEOUT"]

Verdict = Literal["proved", "refuted", "unknown", "error"]
#: What a method's "proved" covers: every class count up to ``max_classes`` (a bounded
#: check), or every class count at once (induction, a symbolic identity, a Coq theorem).
Scope = Literal["bounded", "every k"]

DEFAULT_TIMEOUT = 20.0  #: seconds per solver query, unless ``prove --timeout`` says otherwise


@dataclass
class MethodResult:
    """What one method concluded about one claim."""

    method: str
    verdict: Verdict
    seconds: float
    max_classes: int | None = None
    detail: str = ""
    counterexample: dict[str, Any] | None = None
    call: str | None = None  # a paste-able call that shows the counterexample's values
    scope: Scope = "bounded"  # set by the method: "every k" when its proof covers every class count

    def to_json(self) -> dict[str, Any]:
        return {"method": self.method, "verdict": self.verdict, "seconds": round(self.seconds, 4),
                "max_classes": self.max_classes, "detail": self.detail}


def combine(results: list[MethodResult]) -> Verdict:
    """One verdict from several methods; methods that contradict each other are an error."""
    verdicts = {r.verdict for r in results}
    if "proved" in verdicts and "refuted" in verdicts:
        return "error"
    if "error" in verdicts:
        return "error"
    if "refuted" in verdicts:
        return "refuted"
    if "proved" in verdicts:
        return "proved"
    return "unknown"


def verdict_as_expected(expected: str, verdict: str) -> bool:
    """A holds-claim proved or a fails-claim refuted: the only two outcomes that are as expected."""
    return (expected, verdict) in {("holds", "proved"), ("fails", "refuted")}


@dataclass
class ClaimResult:
    """All methods' results for one claim, and the combined verdict."""

    id: str
    expected: str
    methods: list[MethodResult] = field(default_factory=list)
    #: methods asked for that gave no result: they do not apply to the claim, or their tool is missing
    not_run: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict:
        return combine(self.methods)

    @property
    def as_expected(self) -> bool:
        return verdict_as_expected(self.expected, self.verdict)

    @property
    def counterexample(self) -> dict[str, Any] | None:
        for result in self.methods:
            if result.verdict == "refuted" and result.counterexample is not None:
                return result.counterexample
        return None

    @property
    def call(self) -> str | None:
        for result in self.methods:
            if result.verdict == "refuted" and result.call:
                return result.call
        return None

    @property
    def seconds(self) -> float:
        return sum(r.seconds for r in self.methods)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "expected": self.expected, "verdict": self.verdict,
                "methods": [m.to_json() for m in self.methods], "counterexample": self.counterexample}


@dataclass
class ProveReport:
    """The results of one ``prove`` run, in catalogue order."""

    results: list[ClaimResult]

    def to_json(self) -> dict[str, Any]:
        from metricproofs._version import __version__

        return {"metricproofs": __version__, "results": [r.to_json() for r in self.results]}

    @property
    def exit_code(self) -> int:
        """0 all as expected, 1 a contradiction (or error), 3 otherwise some unknown."""
        if any(r.verdict != "unknown" and not r.as_expected for r in self.results):
            return 1
        if any(r.verdict == "unknown" for r in self.results):
            return 3
        return 0
