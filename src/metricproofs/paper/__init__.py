"""The paper's generated fragments: renderers (pure functions of results) and their build step.

Summary
-------
Every table and number in ``paper/paper.tex`` that reports a result is written by this
module into ``paper/generated/``, from a real ``prove`` run and from the same sympy
definitions and catalogue the provers use; nothing is retyped by hand.

Main definitions
----------------
- :func:`render_fragments`: a pure function from (prove JSON, catalogue JSON, definitions,
  worked example[, context]) to ``{filename: text}``. Tests call it on the committed
  ``paper/generated/prove.json`` and compare byte for byte.
- :func:`compute_worked_example`: the nine-sample worked example (5/9) of
  :mod:`metricproofs.examples`.
- :func:`compute_context`: tool versions and a float-weight example, stored in
  ``paper/generated/context.json`` so that re-rendering is reproducible.
- :func:`write_generated`, :func:`build_pdf`: what ``metricproofs paper``
  (:mod:`metricproofs.cli.paper`) runs: the fragments, then ``latexmk``.

Modules: :mod:`~metricproofs.paper.tex` (escaping), :mod:`~metricproofs.paper.fragments`
(the renderers), :mod:`~metricproofs.paper.inputs` (what is computed at paper time),
:mod:`~metricproofs.paper.build` (writing files, latexmk).

Fragments
---------
``macros.tex`` (counts, bounds, versions as macros), ``definitions.tex``,
``catalogue.tex``, ``counterexamples.tex``, ``worked_example.tex``,
``induction.tex``, ``claims.tex`` (the appendix: hypotheses and human proofs),
``float_caveat.tex``.
"""

from __future__ import annotations

from metricproofs.paper.build import (LATEXMK_PACKAGES, build_pdf, load_catalogue_and_definitions, pdf_pages,
                                      render_from_directory, write_generated)
from metricproofs.paper.fragments import FRAGMENT_NAMES, as_expected, render_fragments
from metricproofs.paper.inputs import compute_context, compute_worked_example
from metricproofs.paper.tex import tex_escape, tex_id

__all__ = [
    "render_fragments",
    "compute_worked_example",
    "compute_context",
    "tex_escape",
    "tex_id",
    "FRAGMENT_NAMES",
    "write_generated",
    "render_from_directory",
    "load_catalogue_and_definitions",
    "build_pdf",
    "pdf_pages",
    "LATEXMK_PACKAGES",
    "as_expected",
]
