"""How to cite metricproofs: the formats ``metricproofs cite`` prints.

Summary
-------
Prints a citation pinned to the installed version (from :mod:`metricproofs._version`),
as BibTeX (paste into a ``.bib`` file), APA-style text, or the repository's
``CITATION.cff`` contents regenerated for this version.

Main definitions
----------------
- :func:`bibtex`, :func:`apa`, :func:`cff`: the three formats as strings.
"""

from __future__ import annotations

from typing import Any

from metricproofs._version import __version__
from metricproofs.errors import UsageError

__all__ = ["AUTHORS", "TITLE", "PAPER_TITLE", "YEAR", "bibtex", "apa", "cff", "FORMATS"]

AUTHORS = "The metricproofs developers"
TITLE = "metricproofs: machine-checked identities of classification metrics"
PAPER_TITLE = (
    "Micro-averaged precision, recall and F1 are accuracy: "
    "a machine-checked catalogue of a folklore identity and its look-alikes"
)
YEAR = 2026
KEYWORDS = (
    "classification metrics", "formal verification", "micro-averaging", "precision", "recall",
    "F1", "accuracy", "z3", "sympy", "Coq",
)


def _key(version: str) -> str:
    return "metricproofs" + version.replace(".", "_")


def bibtex(version: str = __version__) -> str:
    """A BibTeX entry for the software ``version`` and one for the paper.

    ``@misc`` rather than biblatex's ``@software``, so that classic BibTeX styles accept it.
    """
    return (
        f"@misc{{{_key(version)},\n"
        f"  author       = {{{{{AUTHORS}}}}},\n"
        f"  title        = {{{{metricproofs}}: machine-checked identities of classification metrics}},\n"
        f"  howpublished = {{Python package, version {version}}},\n"
        f"  version      = {{{version}}},\n"
        f"  year         = {{{YEAR}}},\n"
        f"}}\n"
        f"\n"
        f"@techreport{{metricproofs{YEAR}paper,\n"
        f"  author      = {{{{{AUTHORS}}}}},\n"
        f"  title       = {{Micro-averaged precision, recall and {{F1}} are accuracy: a machine-checked "
        f"catalogue of a folklore identity and its look-alikes}},\n"
        f"  institution = {{The metricproofs project}},\n"
        f"  year        = {{{YEAR}}},\n"
        f"  note        = {{Companion paper of metricproofs {version}}},\n"
        f"}}\n"
    )


def apa(version: str = __version__) -> str:
    """APA-style references for the software ``version`` and the paper."""
    return (
        f"{AUTHORS}. ({YEAR}). {TITLE} (Version {version}) [Computer software].\n"
        f"{AUTHORS}. ({YEAR}). {PAPER_TITLE} [Technical report]. "
        f"Companion paper of metricproofs {version}.\n"
    )


def cff(version: str = __version__) -> str:
    """The ``CITATION.cff`` file (CFF 1.2.0) for ``version``."""
    keywords = "".join(f"  - {word}\n" for word in KEYWORDS)
    return (
        "cff-version: 1.2.0\n"
        'message: "If you use metricproofs, please cite the software version you used and the paper."\n'
        f'title: "{TITLE}"\n'
        "abstract: >-\n"
        "  A Python formal-verification companion for identities of classification metrics:\n"
        "  micro-averaged precision, recall and F1 over all labels equal accuracy in single-label\n"
        "  multi-class classification, proved with z3, sympy, Coq and a cvc5 re-check, together\n"
        "  with refuted look-alike claims and their counterexamples.\n"
        "type: software\n"
        "authors:\n"
        f'  - name: "{AUTHORS}"\n'
        f'version: "{version}"\n'
        "license: MIT\n"
        "keywords:\n"
        f"{keywords}"
        "preferred-citation:\n"
        "  type: report\n"
        f'  title: "{PAPER_TITLE}"\n'
        "  authors:\n"
        f'    - name: "{AUTHORS}"\n'
        f"  year: {YEAR}\n"
        '  notes: "Built from paper/paper.tex of the metricproofs repository (make paper)."\n'
    )


FORMATS = {"bibtex": bibtex, "apa": apa, "cff": cff}
