"""The paper's generated fragments, and the ``metricproofs paper`` verb.

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

Fragments
---------
``macros.tex`` (counts, bounds, versions as macros), ``definitions.tex``,
``catalogue.tex``, ``counterexamples.tex``, ``worked_example.tex``,
``induction.tex``, ``claims.tex`` (the appendix: hypotheses and human proofs),
``float_caveat.tex``.
"""

from __future__ import annotations

import itertools
import json
import math
import platform
import re
import shutil
import subprocess
import time
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence, TextIO

from metricproofs._version import __version__
from metricproofs.errors import UsageError

__all__ = [
    "render_fragments",
    "compute_worked_example",
    "compute_context",
    "tex_escape",
    "tex_id",
    "FRAGMENT_NAMES",
    "write_generated",
]

LATEXMK_PACKAGES = "latexmk texlive-latex-base texlive-latex-recommended texlive-latex-extra"

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


# ---------------------------------------------------------------------------------------
# Fragments
# ---------------------------------------------------------------------------------------

_HEADER = "% Generated by `metricproofs paper` from paper/generated/prove.json; do not edit.\n"

_VERDICT_TEX = {
    "proved": r"\textsf{proved}",
    "refuted": r"\textsf{refuted}",
    "unknown": r"\textsf{\textbf{unknown}}",
    "error": r"\textsf{\textbf{error}}",
}

_METHOD_ORDER = ("z3-bounded", "z3-induction", "sympy", "cvc5", "coq")


def as_expected(result: Mapping[str, Any]) -> bool:
    """The JSON form of :attr:`ClaimResult.as_expected` (one rule, in provers.results)."""
    from metricproofs.provers.results import verdict_as_expected

    return verdict_as_expected(result["expected"], result["verdict"])


def _method_sort_key(method: Mapping[str, Any]) -> tuple[int, str]:
    name = method["method"]
    return (_METHOD_ORDER.index(name) if name in _METHOD_ORDER else len(_METHOD_ORDER), name)


_METHOD_ABBREV = {"z3-bounded": "z3b", "z3-induction": "z3i", "sympy": "sym", "cvc5": "cvc5", "coq": "coq"}
_VERDICT_MARK = {"proved": r"\checkmark", "refuted": r"\times", "unknown": "?", "error": "!"}


def _methods_cell(result: Mapping[str, Any]) -> str:
    """Abbreviated methods; a method whose verdict differs from the claim's is marked."""
    parts = []
    for method in sorted(result["methods"], key=_method_sort_key):
        text = tex_escape(_METHOD_ABBREV.get(method["method"], method["method"]))
        if method.get("max_classes") is not None:
            text += rf"$_{{{int(method['max_classes'])}}}$"
        if method["verdict"] != result["verdict"]:
            text += r"$^{" + _VERDICT_MARK.get(method["verdict"], "?") + "}$"
        parts.append(r"\mbox{" + text + "}")
    return " ".join(parts) if parts else "--"


def _results_by_id(prove_json: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {r["id"]: r for r in prove_json["results"]}


def _ordered_claims(prove_json: Mapping[str, Any], catalogue_json: Mapping[str, Any]) -> list[str]:
    """Catalogue order first, then any result id the catalogue does not know."""
    ids = [c["id"] for c in catalogue_json["claims"]]
    ids += [r["id"] for r in prove_json["results"] if r["id"] not in ids]
    return ids


def _render_catalogue(prove_json, catalogue_json) -> str:
    results = _results_by_id(prove_json)
    claims = {c["id"]: c for c in catalogue_json["claims"]}
    lines = [
        _HEADER,
        r"\begingroup\footnotesize",
        r"\setlength{\tabcolsep}{3pt}",
        r"\renewcommand{\arraystretch}{1.15}",
        r"\begin{xltabular}{\linewidth}{@{}>{\raggedright\arraybackslash}p{3.1cm}"
        r">{\raggedright\arraybackslash}X"
        r">{\raggedright\arraybackslash}p{0.95cm}"
        r">{\raggedright\arraybackslash}p{1.35cm}"
        r">{\raggedright\arraybackslash}p{2.2cm}r@{}}",
        r"\caption{The catalogue, as checked by one \texttt{metricproofs prove} run. "
        r"\emph{exp.}: the catalogue's expected truth; \emph{verdict}: what the run established "
        r"($^\dagger$: contrary to expectation). Methods: z3b$_K$ = \texttt{z3-bounded} for every "
        r"class count $k\le K$, z3i = \texttt{z3-induction}, sym = \texttt{sympy}, cvc5, coq; "
        r"a superscript ? or ! marks a method that answered unknown or failed. "
        r"Time: the sum over methods, in seconds.}\label{tab:catalogue}\\",
        r"\toprule",
        r"id & statement & exp. & verdict & methods & time (s)\\",
        r"\midrule",
        r"\endfirsthead",
        r"\multicolumn{6}{@{}l}{\emph{Table~\ref{tab:catalogue}, continued}}\\",
        r"\toprule",
        r"id & statement & exp. & verdict & methods & time (s)\\",
        r"\midrule",
        r"\endhead",
        r"\bottomrule",
        r"\endfoot",
    ]
    for claim_id in _ordered_claims(prove_json, catalogue_json):
        claim = claims.get(claim_id)
        result = results.get(claim_id)
        statement = tex_escape(claim["statement"]) if claim else r"\emph{(not in the catalogue)}"
        expected = tex_escape(result["expected"] if result else claim["expected"])
        if result is None:
            verdict, methods, seconds = r"\emph{not run}", "--", "--"
        else:
            verdict = _VERDICT_TEX.get(result["verdict"], tex_escape(result["verdict"]))
            if not as_expected(result):
                verdict += r"$^{\dagger}$"
            methods = _methods_cell(result)
            seconds = _fmt_seconds(sum(float(m.get("seconds") or 0.0) for m in result["methods"]))
        lines.append(f"{tex_id(claim_id)} & {statement} & {expected} & {verdict} & {methods} & {seconds}\\\\")
    lines += [r"\end{xltabular}", r"\endgroup", ""]
    return "\n".join(lines)


def _render_counterexamples(prove_json, catalogue_json) -> str:
    results = _results_by_id(prove_json)
    rows = []
    for claim_id in _ordered_claims(prove_json, catalogue_json):
        result = results.get(claim_id)
        if not result or not result.get("counterexample"):
            continue
        cx = result["counterexample"]
        extra = []
        if cx.get("labels") is not None:
            extra.append(r"\emph{labels} " + _fmt_value_list(cx["labels"]))
        if cx.get("sample_weight") is not None:
            extra.append(r"\emph{weights} " + _fmt_value_list(cx["sample_weight"]))
        values = cx.get("values") or {}
        value_text = "; ".join(
            rf"{tex_escape(name)} $=$ {_fmt_number(values[name])}" for name in sorted(values)
        )
        rows.append(
            f"{tex_id(claim_id)} & {_fmt_value_list(cx.get('y_true'))} & {_fmt_value_list(cx.get('y_pred'))}"
            f" & {'; '.join(extra) if extra else '--'} & {value_text or '--'}\\\\"
        )
    lines = [
        _HEADER,
        r"\begingroup\footnotesize",
        r"\setlength{\tabcolsep}{3pt}",
        r"\renewcommand{\arraystretch}{1.15}",
        r"\begin{xltabular}{\linewidth}{@{}>{\raggedright\arraybackslash}p{3.6cm}"
        r">{\raggedright\arraybackslash}p{1.9cm}"
        r">{\raggedright\arraybackslash}p{1.9cm}"
        r">{\raggedright\arraybackslash}p{1.7cm}"
        r">{\raggedright\arraybackslash}X@{}}",
        r"\caption{Counterexamples to the false beliefs, as found by the refuting method and "
        r"re-evaluated by the reference implementation. Multi-label rows are 0/1 indicator "
        r"vectors, one per sample.}\label{tab:counterexamples}\\",
        r"\toprule",
        r"id & \texttt{y\_true} & \texttt{y\_pred} & labels, weights & values\\",
        r"\midrule",
        r"\endfirsthead",
        r"\multicolumn{5}{@{}l}{\emph{Table~\ref{tab:counterexamples}, continued}}\\",
        r"\toprule",
        r"id & \texttt{y\_true} & \texttt{y\_pred} & labels, weights & values\\",
        r"\midrule",
        r"\endhead",
        r"\bottomrule",
        r"\endfoot",
    ]
    if rows:
        lines += rows
    else:
        lines.append(r"\multicolumn{5}{@{}l}{\emph{(this run produced no counterexample)}}\\")
    lines += [r"\end{xltabular}", r"\endgroup", ""]
    return "\n".join(lines)


_SHORT_DEFINITION = 330  # characters of LaTeX source that fit half a line, roughly


_CASES = re.compile(
    r"^\\begin\{cases\} (?P<default>[^&]+?) & \\text\{for\}\\: (?P<condition>.+?) "
    r"\\\\(?P<value>.+) & \\text\{otherwise\} \\end\{cases\}$",
    re.S,
)


def _split_zero_division_cases(latex: str) -> tuple[str, str, str] | None:
    """sympy's two-branch ``cases`` (a zero-division default, then the value) as
    (value, default, condition), so that a long definition can take two lines."""
    match = _CASES.match(latex)
    if not match or "\\begin{cases}" in match.group("value") or "&" in match.group("value"):
        return None
    return match.group("value").strip(), match.group("default").strip(), match.group("condition").strip()


def _render_definitions(definitions: Sequence[tuple[str, str]]) -> str:
    """One display per definition; ``name`` and ``latex`` are both LaTeX math (sympy.latex).

    Short definitions are set in two columns; long ones get the full width, scaled down
    only if they would otherwise overflow it.
    """
    short = [(n, l) for n, l in definitions if len(n) + len(l) <= _SHORT_DEFINITION]
    long = [(n, l) for n, l in definitions if len(n) + len(l) > _SHORT_DEFINITION]
    lines = [_HEADER, r"\begingroup\small\setlength{\parindent}{0pt}\setlength{\parskip}{4pt}"]
    if short:
        lines.append(r"\begin{multicols}{2}\raggedright")
        for name, latex in short:
            lines.append(r"\adjustbox{max width=\columnwidth}{$\displaystyle " + name + " = " + latex + r"$}\par")
        lines.append(r"\end{multicols}")
    for name, latex in long:
        split = _split_zero_division_cases(latex)
        if split is None:
            lines.append(r"\adjustbox{max width=\linewidth}{$\displaystyle " + name + " = " + latex + r"$}\par")
        else:
            value, default, condition = split
            lines.append(r"\adjustbox{max width=\linewidth}{$\displaystyle " + name + " = " + value + r"$}\par")
            lines.append(
                r"\hspace*{2em}\adjustbox{max width=\dimexpr\linewidth-2em\relax}{$"
                r"\textstyle\text{and } " + name + " = " + default + r" \text{ when } " + condition + r"$}\par"
            )
    lines += [r"\endgroup", ""]
    return "\n".join(lines)


def _render_worked_example(worked: Mapping[str, Any]) -> str:
    names = worked["label_names"]
    n = len(worked["y_true"])
    head = " & ".join(str(i + 1) for i in range(n))
    lines = [
        _HEADER,
        r"\begin{table}[ht]\centering\small",
        r"\caption{The seed note's example, recomputed by \texttt{metricproofs.reference}. "
        r"Left: the nine samples. Right: per-label counts from the confusion matrix "
        r"(rows true, columns predicted).}\label{tab:worked}",
        r"\begin{tabular}[t]{@{}l" + "c" * n + r"@{}}",
        r"\toprule",
        rf"sample & {head}\\",
        r"\midrule",
        r"true & " + " & ".join(tex_escape(x) for x in worked["y_true"]) + r"\\",
        r"pred & " + " & ".join(tex_escape(x) for x in worked["y_pred"]) + r"\\",
        r"\bottomrule",
        r"\end{tabular}\qquad",
        r"\begin{tabular}[t]{@{}lrrrr@{}}",
        r"\toprule",
        r"label & TP & FP & FN & support\\",
        r"\midrule",
    ]
    for row in worked["per_label"]:
        lines.append(
            f"{tex_escape(row['label'])} & {row['tp']} & {row['fp']} & {row['fn']} & {row['support']}\\\\"
        )
    tot = worked["totals"]
    lines += [
        r"\midrule",
        f"sum & {tot['tp']} & {tot['fp']} & {tot['fn']} & {tot['support']}\\\\",
        r"\bottomrule",
        r"\end{tabular}",
        r"\end{table}",
        "",
    ]
    ex = worked["exact"]
    fl = worked["reference"]
    lines += [
        r"\begin{equation*}",
        r"P_L=\frac{\sum_l \mathit{TP}_l}{\sum_l(\mathit{TP}_l+\mathit{FP}_l)}"
        rf"=\frac{{{tot['tp']}}}{{{tot['tp']}+{tot['fp']}}}={_frac_tex(ex['precision'])},\qquad",
        r"R_L=\frac{\sum_l \mathit{TP}_l}{\sum_l(\mathit{TP}_l+\mathit{FN}_l)}"
        rf"=\frac{{{tot['tp']}}}{{{tot['tp']}+{tot['fn']}}}={_frac_tex(ex['recall'])},",
        r"\end{equation*}",
        r"\begin{equation*}",
        rf"F_1=\frac{{2P_LR_L}}{{P_L+R_L}}={_frac_tex(ex['f1'])},\qquad"
        rf"\text{{accuracy}}=\frac{{\operatorname{{tr}}C}}{{N}}=\frac{{{worked['trace']}}}{{{worked['n']}}}"
        rf"={_frac_tex(ex['accuracy'])}.",
        r"\end{equation*}",
        r"\noindent In floating point, the reference implementation's micro-averaged precision, "
        r"recall and $F_1$ (\texttt{average=\char13 micro\char13}) and its accuracy return "
        + (
            rf"${fl['precision']!r}$ for all four."
            if len({fl["precision"], fl["recall"], fl["f1"], fl["accuracy"]}) == 1
            else rf"$P={fl['precision']!r}$, $R={fl['recall']!r}$, $F_1={fl['f1']!r}$ and "
            rf"accuracy ${fl['accuracy']!r}$."
        ),
        "",
    ]
    return "\n".join(lines)


def _frac_tex(text: str) -> str:
    num, _, den = str(text).partition("/")
    return rf"\tfrac{{{num}}}{{{den}}}" if den else num


def _render_induction(prove_json, catalogue_json) -> str:
    """The z3-induction details (schema and discharged obligations); identical details once."""
    results = _results_by_id(prove_json)
    groups: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    for claim_id in _ordered_claims(prove_json, catalogue_json):
        result = results.get(claim_id)
        if not result:
            continue
        for method in result["methods"]:
            if method["method"] == "z3-induction":
                groups.setdefault(method.get("detail") or "", []).append((claim_id, method))
    lines = [_HEADER]
    if not groups:
        lines += [r"\emph{(No claim was checked by \texttt{z3-induction} in this run.)}", ""]
        return "\n".join(lines)
    lines.append(r"\begingroup\footnotesize\raggedright")
    lines.append(r"\begin{description}[style=unboxed,leftmargin=0pt,itemsep=2pt,font=\normalfont]")
    for detail, members in groups.items():
        who = ", ".join(
            rf"{tex_id(cid)} ({tex_escape(m['verdict'])}, {_fmt_seconds(float(m.get('seconds') or 0.0))}\,s)"
            for cid, m in members
        )
        text = tex_escape(detail) if detail else r"\emph{(no detail)}"
        lines.append(rf"\item[] {who}: {text}")
    lines += [r"\end{description}", r"\endgroup", ""]
    return "\n".join(lines)


def _render_claims(prove_json, catalogue_json) -> str:
    """The appendix: the named hypotheses once, then each claim's hypotheses, proof, references
    (the statements are in the catalogue table)."""
    hypotheses: dict[str, str] = {}
    for claim in catalogue_json["claims"]:
        for hyp in claim.get("hypotheses") or []:
            hypotheses.setdefault(hyp["name"], hyp["statement"])
    lines = [_HEADER, r"\begingroup\footnotesize", r"\paragraph{Named hypotheses.}"]
    lines.append(r"\begin{description}[style=unboxed,leftmargin=0pt,itemsep=1pt,font=\normalfont\sffamily]")
    for name in sorted(hypotheses):
        lines.append(rf"\item[{tex_escape(name)}:] {tex_escape(hypotheses[name])}")
    lines.append(r"\end{description}")
    lines.append(r"\begin{description}[style=unboxed,leftmargin=0pt,itemsep=2pt,font=\normalfont]")
    for claim in catalogue_json["claims"]:
        refs = claim.get("references") or []
        cite = (r" \citep{" + ",".join(refs) + "}") if refs else ""
        names = [h["name"] for h in claim.get("hypotheses") or []]
        hyp_text = (r" \emph{Assumes} " + ", ".join(rf"\textsf{{{tex_escape(n)}}}" for n in names) + ".") if names else ""
        word = "Proof" if claim["expected"] == "holds" else "Why it fails"
        lines.append(
            rf"\item[{tex_id(claim['id'])}] \emph{{({tex_escape(claim['expected'])})}}"
            rf"{hyp_text} \emph{{{word}:}} {tex_escape(claim['proof'])}{cite}"
        )
    lines += [r"\end{description}", r"\endgroup", ""]
    return "\n".join(lines)


def _render_float_caveat(context: Mapping[str, Any] | None) -> str:
    fe = (context or {}).get("float_example")
    if not fe:
        return _HEADER + r"\emph{(No floating-point example was computed for this build.)}" + "\n"
    text = (
        r"For example, with $y_{\mathrm{true}}=$ " + _fmt_value_list(fe["y_true"])
        + r", $y_{\mathrm{pred}}=$ " + _fmt_value_list(fe["y_pred"])
        + r" and weights " + _fmt_value_list(fe["sample_weight"])
        + r", summing per label and then over labels in IEEE double precision gives "
        + rf"$P = {fe['numpy']['precision']!r}$ but $R = {fe['numpy']['recall']!r}$"
    )
    sk = fe.get("sklearn")
    if sk:
        same = sk["precision"] == fe["numpy"]["precision"] and sk["recall"] == fe["numpy"]["recall"]
        text += r"; scikit-learn " + tex_escape(sk["version"]) + " returns " + (
            r"the same two values" if same else rf"$P={sk['precision']!r}$ and $R={sk['recall']!r}$"
        )
    ref = fe.get("reference")
    if ref:
        if ref["precision"] == ref["recall"]:
            text += (
                r", while \texttt{metricproofs.reference}, which computes the micro average over all "
                r"labels through the proven identity (one weighted count of agreements), returns "
                rf"${ref['precision']!r}$ for both"
            )
        else:
            text += rf", and \texttt{{metricproofs.reference}} returns $P={ref['precision']!r}$, $R={ref['recall']!r}$"
    return _HEADER + text + ".\n"


def _recheck_sentence(method_counts: Mapping[str, int]) -> str:
    """Whether this run included the independent re-checks, in one sentence."""
    done = [rf"{name} checked {method_counts[name]} claim{'s' if method_counts[name] != 1 else ''}"
            for name in ("cvc5", "coq") if method_counts.get(name)]
    missing = [name for name in ("cvc5", "coq") if not method_counts.get(name)]
    parts = []
    if done:
        parts.append("In this run " + " and ".join(done) + ".")
    if missing:
        flags = " and ".join(rf"\texttt{{--method {name}}}" for name in missing)
        parts.append(
            "This run used each claim's default methods; the "
            + " and ".join({"cvc5": "cvc5 re-check", "coq": "Coq check"}[name] for name in missing)
            + rf" (\texttt{{metricproofs prove}} with {flags}) "
            + ("are" if len(missing) > 1 else "is") + " run separately and not reported in the table."
        )
    return " ".join(parts)


def _bound_summary(bounds: Sequence[int]) -> str:
    """"$K=20$ (14 claims), $K=2$ (1 claim)": the bounds of the true claims, largest first."""
    if not bounds:
        return "--"
    parts = []
    for bound in sorted(set(bounds), reverse=True):
        count = sum(1 for b in bounds if b == bound)
        parts.append(rf"$K={bound}$ ({count} claim{'s' if count != 1 else ''})")
    return ", ".join(parts)


def _render_macros(prove_json, catalogue_json, context) -> str:
    results = prove_json["results"]
    n = len(results)
    counts = {v: sum(1 for r in results if r["verdict"] == v) for v in ("proved", "refuted", "unknown", "error")}
    holds = sum(1 for r in results if r["expected"] == "holds")
    fails = sum(1 for r in results if r["expected"] == "fails")
    n_as_expected = sum(1 for r in results if as_expected(r))
    bounds = [int(m["max_classes"]) for r in results for m in r["methods"]
              if m["method"] == "z3-bounded" and m.get("max_classes") is not None]
    bounded_holds = [int(m["max_classes"]) for r in results if r["expected"] == "holds" for m in r["methods"]
                     if m["method"] == "z3-bounded" and m.get("max_classes") is not None]
    total_seconds = sum(float(m.get("seconds") or 0.0) for r in results for m in r["methods"])
    method_counts = {name: sum(1 for r in results if any(m["method"] == name for m in r["methods"]))
                     for name in _METHOD_ORDER}
    counterexamples = sum(1 for r in results if r.get("counterexample"))
    ctx = context or {}
    versions = ctx.get("versions", {})

    def macro(name: str, value: Any) -> str:
        return rf"\newcommand{{\{name}}}{{{value}}}"

    lines = [
        _HEADER,
        macro("mpVersion", tex_escape(prove_json.get("metricproofs", __version__))),
        macro("mpNumClaims", n),
        macro("mpNumCatalogue", len(catalogue_json["claims"])),
        macro("mpNumHolds", holds),
        macro("mpNumFails", fails),
        macro("mpNumProved", counts["proved"]),
        macro("mpNumRefuted", counts["refuted"]),
        macro("mpNumUnknown", counts["unknown"]),
        macro("mpNumError", counts["error"]),
        macro("mpNumAsExpected", n_as_expected),
        macro("mpNumCounterexamples", counterexamples),
        macro("mpMaxBound", max(bounds) if bounds else "--"),
        macro("mpMinBoundHolds", min(bounded_holds) if bounded_holds else "--"),
        macro("mpBoundSummary", _bound_summary(bounded_holds)),
        macro("mpSumSeconds", _fmt_seconds(total_seconds)),
        macro("mpWallSeconds", _fmt_seconds(ctx["prove_wall_seconds"]) if "prove_wall_seconds" in ctx else "--"),
    ]
    for name in _METHOD_ORDER:
        lines.append(macro(f"mpCount{_macro_word(name)}", method_counts[name]))
    lines.append(macro("mpRecheckSentence", _recheck_sentence(method_counts)))
    for key, label in (("python", "Python"), ("z3", "ZThree"), ("sympy", "Sympy"), ("cvc5", "CVCfive"),
                       ("coq", "Coq"), ("numpy", "Numpy")):
        lines.append(macro(f"mpVersion{label}", tex_escape(versions.get(key) or "n/a")))
    lines.append("")
    return "\n".join(lines)


#: Every fragment render_fragments writes, in the order paper.tex first needs them.
FRAGMENT_NAMES = (
    "macros.tex",
    "definitions.tex",
    "catalogue.tex",
    "counterexamples.tex",
    "worked_example.tex",
    "induction.tex",
    "claims.tex",
    "float_caveat.tex",
)

_DIGIT_WORDS = ("Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")


def _macro_word(name: str) -> str:
    """A method name as letters only, usable in a TeX macro name: z3-bounded -> ZThreeBounded."""
    out = []
    for part in name.split("-"):
        word = "".join(_DIGIT_WORDS[int(ch)] if ch.isdigit() else ch for ch in part)
        out.append(word[:1].upper() + word[1:])
    return "".join(out)


def render_fragments(
    prove_json: Mapping[str, Any],
    catalogue_json: Mapping[str, Any],
    definitions: Iterable[tuple[str, str]],
    worked_example: Mapping[str, Any],
    context: Mapping[str, Any] | None = None,
) -> dict[str, str]:
    """Every generated ``.tex`` fragment, as ``{filename: text}``; a pure function.

    ``prove_json`` is DESIGN section 4's ``prove --json`` object; ``catalogue_json`` is
    :func:`metricproofs.catalogue.catalogue_json`; ``definitions`` are
    ``(name, latex)`` pairs; ``worked_example`` is :func:`compute_worked_example`'s
    result; ``context`` (tool versions, the float example) is :func:`compute_context`'s.
    """
    definitions = list(definitions)
    fragments = {
        "macros.tex": _render_macros(prove_json, catalogue_json, context),
        "definitions.tex": _render_definitions(definitions),
        "catalogue.tex": _render_catalogue(prove_json, catalogue_json),
        "counterexamples.tex": _render_counterexamples(prove_json, catalogue_json),
        "worked_example.tex": _render_worked_example(worked_example),
        "induction.tex": _render_induction(prove_json, catalogue_json),
        "claims.tex": _render_claims(prove_json, catalogue_json),
        "float_caveat.tex": _render_float_caveat(context),
    }
    assert tuple(fragments) == FRAGMENT_NAMES
    return fragments


# ---------------------------------------------------------------------------------------
# Inputs computed at paper time
# ---------------------------------------------------------------------------------------


def compute_worked_example() -> dict[str, Any]:
    """The worked example's counts and values (:func:`metricproofs.examples.worked_example`)."""
    from metricproofs.examples import worked_example

    return worked_example()


def _micro_by_label_sums(y_true, y_pred, weights, k):
    """Micro P and R the generic way: per-label weighted sums, then sums over labels."""
    import numpy as np

    C = np.zeros((k, k))
    for t, p, w in zip(y_true, y_pred, weights):
        C[t, p] += w
    tp = float(np.diag(C).sum())
    return tp / float(C.sum(axis=0).sum()), tp / float(C.sum(axis=1).sum())


def find_float_example() -> dict[str, Any] | None:
    """The first (in a fixed enumeration) weighted dataset with micro P != R in float64."""
    weights = (0.1, 0.2, 0.3, 0.7)
    for n in range(2, 5):
        for y_true in itertools.product(range(2), repeat=n):
            for y_pred in itertools.product(range(2), repeat=n):
                for w in itertools.product(weights, repeat=n):
                    p, r = _micro_by_label_sums(y_true, y_pred, w, 2)
                    if p != r:
                        return {
                            "y_true": list(y_true),
                            "y_pred": list(y_pred),
                            "sample_weight": list(w),
                            "numpy": {"precision": p, "recall": r},
                        }
    return None


def compute_context(prove_wall_seconds: float | None = None) -> dict[str, Any]:
    """Tool versions and the float-weight example; stored as ``generated/context.json``."""
    versions: dict[str, str | None] = {"python": platform.python_version()}
    try:
        import z3

        versions["z3"] = z3.get_version_string()
    except Exception:  # noqa: BLE001 - a missing tool is recorded, not fatal
        versions["z3"] = None
    for module in ("sympy", "numpy", "cvc5"):
        try:
            versions[module] = str(__import__(module).__version__)
        except Exception:  # noqa: BLE001
            versions[module] = None
    versions["coq"] = _coq_version()
    context: dict[str, Any] = {"versions": versions}
    if prove_wall_seconds is not None:
        context["prove_wall_seconds"] = round(prove_wall_seconds, 3)
    example = find_float_example()
    if example is not None:
        try:
            from sklearn import __version__ as skv
            from sklearn.metrics import precision_score, recall_score

            kw = dict(average="micro", sample_weight=example["sample_weight"])
            example["sklearn"] = {
                "version": skv,
                "precision": float(precision_score(example["y_true"], example["y_pred"], **kw)),
                "recall": float(recall_score(example["y_true"], example["y_pred"], **kw)),
            }
        except ImportError:
            pass
        try:
            from metricproofs import reference

            p, r, _, _ = reference.precision_recall_fscore_support(
                example["y_true"], example["y_pred"], average="micro", sample_weight=example["sample_weight"]
            )
            example["reference"] = {"precision": float(p), "recall": float(r)}
        except ImportError:
            pass
    context["float_example"] = example
    return context


def _coq_version() -> str | None:
    coqc = shutil.which("coqc")
    if not coqc:
        return None
    try:
        out = subprocess.run([coqc, "--version"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for word_index, word in enumerate(out.split()):
        if word == "version":
            return out.split()[word_index + 1]
    return None


# ---------------------------------------------------------------------------------------
# The CLI verb
# ---------------------------------------------------------------------------------------


def _dump_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, indent=2) + "\n"


def load_catalogue_and_definitions() -> tuple[dict[str, Any], list[tuple[str, str]]]:
    from metricproofs.catalogue import catalogue_json
    from metricproofs.definitions import latex_definitions

    return catalogue_json(), [(str(name), str(latex)) for name, latex in latex_definitions()]


def render_from_directory(paper_dir: Path) -> dict[str, str]:
    """Re-render the fragments from the committed ``prove.json`` and ``context.json``."""
    generated = Path(paper_dir) / "generated"
    prove_json = json.loads((generated / "prove.json").read_text(encoding="utf-8"))
    context_path = generated / "context.json"
    context = json.loads(context_path.read_text(encoding="utf-8")) if context_path.exists() else None
    catalogue, definitions = load_catalogue_and_definitions()
    return render_fragments(prove_json, catalogue, definitions, compute_worked_example(), context)


def pdf_pages(pdf: Path) -> int | None:
    pdfinfo = shutil.which("pdfinfo")
    if not pdfinfo:
        return None
    try:
        out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def build_pdf(paper_dir: Path, err: TextIO) -> tuple[int, float]:
    """Run latexmk in ``paper_dir``; return (exit code, seconds)."""
    start = time.perf_counter()
    proc = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "paper.tex"],
        cwd=paper_dir,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        log = Path(paper_dir) / "paper.log"
        tail = ""
        if log.exists():
            lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
            errors = [i for i, line in enumerate(lines) if line.startswith("!")]
            if errors:
                tail = " | ".join(lines[errors[0]: errors[0] + 3])
        print(f"metricproofs paper: latexmk failed (exit {proc.returncode}); see {log}"
              + (f": {tail}" if tail else ""), file=err)
        return 1, seconds
    return 0, seconds


def write_generated(paper_dir: Path, prove_json: Mapping[str, Any],
                    prove_wall_seconds: float | None = None) -> dict[str, str]:
    """Write ``prove.json``, ``context.json`` and every fragment into ``paper_dir/generated``."""
    generated = Path(paper_dir) / "generated"
    generated.mkdir(parents=True, exist_ok=True)
    context = compute_context(prove_wall_seconds=prove_wall_seconds)
    catalogue, definitions = load_catalogue_and_definitions()
    fragments = render_fragments(prove_json, catalogue, definitions, compute_worked_example(), context)
    files = {"prove.json": _dump_json(prove_json), "context.json": _dump_json(context), **fragments}
    for name, text in files.items():
        (generated / name).write_text(text, encoding="utf-8")
    return files
