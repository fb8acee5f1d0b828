"""Certificates: SMT-LIB2 files a reader can re-check without Python.

Summary
    :func:`export_smt2` writes, for every claim of the catalogue, the queries of its bounded
    check at a few class counts k as plain SMT-LIB2 files with a declared
    ``(set-info :status ...)`` and a comment header saying what the answer means and how to
    re-check it (``z3 FILE``, ``cvc5 FILE``). The bytes depend only on the catalogue and the
    definitions (and, for a claim that fails, on where a model exists), so a test regenerates
    them and compares.

Main functions
    - :func:`certificates`: the files' contents, from the obligation plan of
      :mod:`metricproofs.provers.obligations` (the same plan the cvc5 re-check runs);
    - :func:`export_smt2`: writes them (``metricproofs export --smt2 DIR``).

    This module only writes files: it imports the provers, and nothing imports it.

What a file proves
    For a claim that holds, at class count k (counts relaxed to non-negative reals, which
    covers every integer matrix and every weighting, see
    :func:`~metricproofs.provers.obligations.relax_counts`):

    - ``k<k>-hypotheses.smt2`` (sat): the hypotheses alone have a model, so nothing is vacuous;
    - ``k<k>-lemmas-definedness.smt2`` (unsat, where the facts divide): the hypotheses imply the
      facts' division guards;
    - ``k<k>-lemmas.smt2`` (unsat): the lemmas (e.g. fp-fn-balance) and proof steps hold under this
      claim's hypotheses; the definedness and negation files then assert them as facts;
    - ``k<k>-definedness.smt2`` (unsat): the hypotheses (with the facts) exclude every zero denominator;
    - ``k<k>-negation.smt2`` (unsat): no matrix satisfies the hypotheses and violates the claim.

    For a claim that fails, ``k<k>-negation.smt2`` (sat) at the smallest k where a model
    exists, with the smallest sample bound that admits one (integer counts: a dataset).
"""

from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from metricproofs.catalogue import CATALOGUE, Claim, Formula, get
from metricproofs.errors import UsageError
from metricproofs.provers import floating, induction
from metricproofs.provers.cvc5 import for_cvc5
from metricproofs.provers.obligations import (EXPORT_VARIANT, FACT_CHECKS, SEARCH_TIMEOUT, Obligation,
                                              export_classes, holds_plan, relax_counts, smallest_model)

__all__ = ["Certificate", "certificates", "export_smt2", "declared_status", "REPO_PREFIX"]

REPO_PREFIX = "proofs/smt2"

STATUS_MEANING = {
    ("hypotheses", "sat"): "sat: the hypotheses alone have a model, so the unsat answers of the other "
                           "files of this k are not vacuous.",
    ("definedness", "unsat"): "unsat: under the hypotheses, and the lemma facts where the claim has them "
                              "(which the lemmas files of this k prove from the hypotheses), no denominator "
                              "is zero (SMT division by zero is unspecified, so this is checked rather than "
                              "assumed).",
    ("lemmas-definedness", "unsat"): "unsat: under the hypotheses no denominator of the lemmas' or proof "
                                     "steps' conclusions is zero (the lemmas, definedness and negation files "
                                     "assert their division guards).",
    ("lemmas", "unsat"): "unsat: the lemmas' conclusions follow from this claim's hypotheses at this k; "
                         "the definedness and negation files may therefore assert them as facts.",
    ("negation", "unsat"): "unsat: no matrix satisfies the hypotheses and violates the conclusion, so the "
                           "claim holds at this k for every sample count.",
    ("negation", "sat"): "sat: some dataset satisfies the hypotheses and violates the conclusion; a model "
                         "(get-model) is a counterexample, so the claim is false.",
}


@dataclass(frozen=True)
class Certificate:
    """One SMT-LIB2 file: where it goes (under proofs/smt2), the obligation it asks (in
    its written encoding, with its expected status declared), and its comment header."""

    relpath: str
    obligation: Obligation
    header: str = ""

    @property
    def text(self) -> str:
        return self.obligation.script(self.header)


# --- building the queries ----------------------------------------------------------------


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


def _header(claim: Claim, formula: Formula, k: int, goal: str, status: str, relpath: str, bound: int | None,
            relaxed: bool, cvc5_options: tuple[str, ...] = (), written: str = EXPORT_VARIANT,
            fact_files: Sequence[str] = ()) -> str:
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
    if claim.used_facts and relaxed and goal in ("lemmas", "definedness", "negation"):
        steps = "".join(f"\n  - {step.name}: {step.statement}" for step in claim.proof_steps())
        proved_by = " and ".join(fact_files) or f"{claim.id}/k{k}-lemmas.smt2"
        lemmas = (f"Lemmas: {', '.join(claim.used_facts)} (their conclusions; proved under these hypotheses "
                  f"at this k by {proved_by}).{steps}\n")
    path = f"{REPO_PREFIX}/{relpath}"
    text = (f"metricproofs certificate: {claim.id} (expected: {claim.expected}), query '{goal}', k = {k} classes.\n"
            f"Claim: {claim.statement}\n"
            f"Hypotheses:\n{hypotheses}\n"
            f"{domain}\n{lemmas}"
            f"Expected answer: {STATUS_MEANING[(goal, status)]}\n"
            f"Re-check from the repository root (either solver):\n  z3 {path}\n  {' '.join(('cvc5', *cvc5_options))} {path}\n"
            f"{_written_for_cvc5(cvc5_options)}"
            f"{_encoding_for_cvc5(written)}"
            f"Written by 'metricproofs export --smt2 {REPO_PREFIX}' from the sympy definitions; do not edit.")
    return _comment(text)


def _encoding_for_cvc5(written: str) -> str:
    if written == EXPORT_VARIANT:
        return ""
    return (f"Encoding: {written} (Variant in src/metricproofs/provers/smt.py), equisatisfiable with the "
            f"files' usual {EXPORT_VARIANT}, in which cvc5 1.4 stalls on this query.\n")


def _written_for_cvc5(options: tuple[str, ...]) -> str:
    if not options:
        return ""
    return (f"Without {' '.join(options)}, cvc5 1.4 leaves this query unknown (CVC5_SETTINGS in "
            f"src/metricproofs/provers/cvc5.py); z3 needs no option.\n")


def certificates(ids: Sequence[str] | None = None) -> list[Certificate]:
    """The certificates of the catalogue (or of ``ids``), in catalogue order."""
    claims = list(CATALOGUE) if ids is None else [get(i) for i in ids]
    out: list[Certificate] = []
    for claim in claims:
        if floating.applies(claim):  # IEEE-754 claims: QF_FP files (provers/floating.py)
            for ob in floating.certificate_obligations(claim):
                relpath = f"{claim.id}/k2-{ob.name}.smt2"
                out.append(Certificate(relpath, ob, floating.certificate_header(claim, ob, f"{REPO_PREFIX}/{relpath}")))
            continue
        if claim.expected == "holds":
            formula = relax_counts(claim.formula())
            for k in export_classes(claim):
                plan = holds_plan(claim, formula, k)
                fact_files = [f"{claim.id}/k{k}-{o.name}.smt2" for o in plan if o.name in FACT_CHECKS]
                for planned in plan:
                    # where cvc5 stalls on the default encoding, the file holds the equisatisfiable
                    # one it decides (z3 reads it too) and the re-check line names cvc5's options
                    obligation, options = for_cvc5(planned, claim.id)
                    relpath = f"{claim.id}/k{k}-{obligation.name}.smt2"
                    header = _header(claim, formula, k, obligation.name, obligation.expected, relpath, None, True,
                                     options, obligation.written, fact_files)
                    out.append(Certificate(relpath, obligation, header))
        else:
            found = smallest_model(claim)
            if found is None:
                raise UsageError(f"z3 found no counterexample to {claim.id!r} within {SEARCH_TIMEOUT:g} s; "
                                 f"nothing to export for it")
            found, options = for_cvc5(found, claim.id)
            relpath = f"{claim.id}/k{found.k}-negation.smt2"
            header = _header(claim, claim.formula(), found.k, "negation", "sat", relpath, found.bound, False, options)
            out.append(Certificate(relpath, found, header))
    return out


def _induction_certificates() -> list[Certificate]:
    """The files of method z3-induction's obligations."""
    out = []
    for obligation in induction.induction_obligations():
        name, status = obligation.name, obligation.expected
        safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-")
        path = f"induction/{safe}.smt2"
        header = _comment(
            f"metricproofs certificate: induction obligation '{name}' (method z3-induction), one k-independent "
            f"step or corollary of the induction proofs.\n"
            f"Expected answer: {status}. The induction schema that turns these obligations into a proof for every "
            f"k is applied by hand (see proofs/README.md and the paper).\n"
            f"Re-check from the repository root (either solver):\n  z3 {REPO_PREFIX}/{path}\n  cvc5 {REPO_PREFIX}/{path}\n"
            f"Written by 'metricproofs export --smt2 {REPO_PREFIX}'; do not edit.")
        out.append(Certificate(path, obligation, header))
    return out


def export_smt2(directory: str | os.PathLike[str]) -> list[Path]:
    """Write every certificate under ``directory`` (``<claim-id>/k<k>-<goal>.smt2``).

    Files that a previous export wrote and this one does not are removed, so the folder
    always holds exactly the current certificates.
    """
    root = Path(directory)
    written: list[Path] = []
    for cert in certificates() + _induction_certificates():
        path = root / cert.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(cert.text.encode())
        written.append(path)
    keep = {p.resolve() for p in written}
    for stale in sorted(root.rglob("*.smt2")):
        if stale.resolve() not in keep:
            stale.unlink()
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return sorted(written)


def declared_status(text: str) -> str | None:
    """The status a script declares with ``(set-info :status ...)``."""
    match = re.search(r"\(set-info :status (sat|unsat|unknown)\)", text)
    return match.group(1) if match else None


