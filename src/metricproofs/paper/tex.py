"""TeX helpers of the paper generator: escaping, identifiers, numbers as LaTeX."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any


# ---------------------------------------------------------------------------------------
# Escaping
# ---------------------------------------------------------------------------------------

_TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}

# Characters pdflatex's default (OT1 + utf8) set-up does not typeset on its own.
_UNICODE_MATH = {
    "≥": r"\ensuremath{\geq}",
    "≤": r"\ensuremath{\leq}",
    "≠": r"\ensuremath{\neq}",
    "β": r"\ensuremath{\beta}",
    "α": r"\ensuremath{\alpha}",
    "Σ": r"\ensuremath{\Sigma}",
    "∑": r"\ensuremath{\textstyle\sum}",
    "·": r"\ensuremath{\cdot}",
    "×": r"\ensuremath{\times}",
    "−": r"\ensuremath{-}",
    "→": r"\ensuremath{\to}",
    "⇒": r"\ensuremath{\Rightarrow}",
    "⇔": r"\ensuremath{\Leftrightarrow}",
    "↔": r"\ensuremath{\leftrightarrow}",
    "∈": r"\ensuremath{\in}",
    "∉": r"\ensuremath{\notin}",
    "⊂": r"\ensuremath{\subset}",
    "⊆": r"\ensuremath{\subseteq}",
    "⊊": r"\ensuremath{\subsetneq}",
    "⊇": r"\ensuremath{\supseteq}",
    "⊃": r"\ensuremath{\supset}",
    "∀": r"\ensuremath{\forall}",
    "∃": r"\ensuremath{\exists}",
    "∅": r"\ensuremath{\emptyset}",
    "∞": r"\ensuremath{\infty}",
    "≈": r"\ensuremath{\approx}",
    "∧": r"\ensuremath{\wedge}",
    "∨": r"\ensuremath{\vee}",
    "¬": r"\ensuremath{\neg}",
    "²": r"\ensuremath{^2}",
    "₀": r"\ensuremath{_0}",
    "₁": r"\ensuremath{_1}",
    "₂": r"\ensuremath{_2}",
    "ₖ": r"\ensuremath{_k}",
    "ₗ": r"\ensuremath{_l}",
    "…": r"\ldots{}",
    "–": "--",
    "—": "---",
    "‘": "`",
    "’": "'",
    "“": "``",
    "”": "''",
    "\u00a0": "~",
}


def tex_escape(text: Any) -> str:
    """``text`` as LaTeX text: specials escaped, common math symbols made typesettable."""
    out = []
    for ch in str(text):
        if ch in _TEX_SPECIALS:
            out.append(_TEX_SPECIALS[ch])
        elif ch in _UNICODE_MATH:
            out.append(_UNICODE_MATH[ch])
        else:
            out.append(ch)
    return "".join(out)


def tex_id(claim_id: str) -> str:
    """A claim id in typewriter type that may break after each hyphen."""
    parts = [tex_escape(part) for part in str(claim_id).split("-")]
    return r"\texttt{" + r"-\allowbreak{}".join(parts) + "}"


def _tt_breakable(text: str) -> str:
    """Typewriter text (a list, a vector) that may break after commas."""
    return r"\texttt{" + tex_escape(text).replace(",", r",\allowbreak{}") + "}"


# ---------------------------------------------------------------------------------------
# Number formatting (every number in the paper passes through here)
# ---------------------------------------------------------------------------------------


def _fmt_seconds(seconds: float) -> str:
    if seconds is None or not math.isfinite(seconds):
        return "--"
    if seconds < 0.01:
        return "<0.01"
    if seconds < 10:
        return f"{seconds:.2f}"
    return f"{seconds:.1f}"


def _fmt_number(value: Any) -> str:
    """A counterexample value: integers as integers, fractions exact when short."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return tex_escape(repr(value))
        if value == int(value) and abs(value) < 1e12:
            return str(int(value))
        frac = Fraction(value).limit_denominator(1000)
        if abs(float(frac) - value) < 1e-12:
            return rf"{frac.numerator}/{frac.denominator}"
        return f"{value:.4g}"
    return tex_escape(value)


def _fmt_value_list(values: Any) -> str:
    """A y_true / y_pred / weights list as compact text (indicator rows for multi-label)."""
    if values is None:
        return "--"
    if isinstance(values, list) and values and all(isinstance(v, list) for v in values):
        rows = ["".join(str(int(x)) if isinstance(x, (int, bool)) or float(x).is_integer() else str(x)
                        for x in row) for row in values]
        return _tt_breakable("[" + ",".join(rows) + "]")
    if isinstance(values, list):
        items = []
        for v in values:
            if isinstance(v, float) and v.is_integer():
                items.append(str(int(v)))
            else:
                items.append(str(v))
        return _tt_breakable("[" + ",".join(items) + "]")
    return tex_escape(values)
