"""The index and the claim pages: the catalogue and a prove run, as HTML strings.

Summary
    :func:`index_page` lists every claim of the catalogue with its verdict and methods;
    :func:`claim_page` shows one claim: statement, named hypotheses, the human proof, how
    each method checked it, the counterexample (a call to paste, the values it gives, and
    the small matrix, with a link that opens it in the playground), the certificates and Coq
    theorems that re-check it, references and how to cite. Nothing here names a claim: the
    pages render whatever the catalogue and the results hold.
"""

from __future__ import annotations

import json
import math
import re
from fractions import Fraction
from typing import Any, Mapping
from urllib.parse import quote

from metricproofs import citation
from metricproofs.site.bib import reference_parts
from metricproofs.site.inputs import SiteInputs, results_by_id, single_label_matrix
from metricproofs.site.layout import esc, link, page, table, verdict_badge
from metricproofs.witnesses import Dataset

__all__ = ["index_page", "claim_page", "source_page", "claim_path", "playground_href", "format_number", "CERTIFICATE_GOALS"]

#: what each kind of certificate file asks the solver (the file's own header says it in full)
CERTIFICATE_GOALS = {
    "hypotheses": "the hypotheses alone have a model (nothing is vacuous)",
    "definedness": "no denominator can be zero under the hypotheses",
    "lemmas": "the lemmas used hold under these hypotheses",
    "negation": "some dataset satisfies the hypotheses and violates the claim",
}
#: the answer a negation file must get, by the claim's expectation
NEGATION_ANSWER = {"holds": "unsat: none does, at this k", "fails": "sat: its model is a counterexample"}


def claim_path(claim_id: str) -> str:
    """Where a claim's page lives, relative to the site's top folder (DESIGN section 7)."""
    return f"claims/{claim_id}.html"


def playground_href(matrix: list[list[int]], labels: list[int] | None, root: str = "") -> str:
    """The playground's address for a matrix and a label subset (the fragment of DESIGN section 7)."""
    fragment = "matrix=" + ";".join(",".join(str(x) for x in row) for row in matrix)
    if labels is not None and labels != list(range(len(matrix))):
        fragment += "&labels=" + ",".join(str(x) for x in labels)
    return f"{root}playground.html#{fragment}"


def format_number(value: Any) -> str:
    """A value from a counterexample: whole numbers plain, short fractions exact, else 6 digits."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return repr(value)
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        short = Fraction(value).limit_denominator(1000)
        if float(short) == value:
            return f"{short.numerator}/{short.denominator} \u2248 {value:.6g}"
        return repr(value)
    return str(value)


def _verdict(result: Mapping[str, Any] | None) -> str | None:
    return None if result is None else str(result.get("verdict"))


def _classes(method: Mapping[str, Any]) -> str:
    bound = method.get("max_classes")
    if bound is None:
        return "every k"
    return f"k \u2264 {bound}"


def _method_summary(result: Mapping[str, Any] | None) -> str:
    if result is None:
        return "not run"
    parts = [f"{esc(m.get('method'))} ({esc(m.get('verdict'))}, {esc(_classes(m))})" for m in result.get("methods", [])]
    return ", ".join(parts) or "no method ran"


# --- the index -------------------------------------------------------------------------------


def _worked_section(inputs: SiteInputs, root: str = "", heading: str = "Start here: nine predictions, four equal numbers",
                    anchor: str = "start") -> str:
    worked = inputs.worked
    if not worked:
        return ""
    names = worked["label_names"]
    cm = worked["confusion_matrix"]
    head = ["true \\ predicted", *[esc(n) for n in names]]
    rows = [[f"<strong>{esc(names[r])}</strong>", *[esc(x) for x in cm[r]]] for r in range(len(names))]
    per = [[esc(row["label"]), esc(row["tp"]), esc(row["fp"]), esc(row["fn"])] for row in worked["per_label"]]
    totals = worked["totals"]
    per.append(["<strong>sum</strong>", esc(totals["tp"]), esc(totals["fp"]), esc(totals["fn"])])
    exact = worked["exact"]
    href = playground_href(cm, None, root=root) + "&names=" + ",".join(quote(str(n)) for n in names)
    return f"""
<section aria-labelledby="{anchor}">
<h2 id="{anchor}">{esc(heading)}</h2>
<p>Nine samples over the labels {esc(", ".join(names))}: <code>y_true = {esc(worked["y_true"])}</code> and
<code>y_pred = {esc(worked["y_pred"])}</code>. Their confusion matrix (rows: true label, columns: predicted):</p>
<div class="side-by-side">
{table(head, rows, caption="Confusion matrix", css="matrix small")}
{table(["label", "TP", "FP", "FN"], per, caption="Per label", css="small")}
</div>
<p>Each of the {esc(worked["n"] - worked["trace"])} errors (the off-diagonal cells) is a false positive of the label
that was predicted <em>and</em> a false negative of the label that was true, so the FP column and the FN column
add up to the same total. Micro precision {esc(totals["tp"])}/({esc(totals["tp"])}+{esc(totals["fp"])}) and micro recall
{esc(totals["tp"])}/({esc(totals["tp"])}+{esc(totals["fn"])}) then have the same denominator, N = {esc(worked["n"])}:
micro P = micro R = micro F1 = accuracy = <strong>{esc(exact["accuracy"])}</strong>.</p>
<p class="cta">{link(href, "Open this example in the playground")} and change a cell, or leave a label out of the
average to watch the equality break.</p>
</section>
"""


def _claims_table(inputs: SiteInputs, expected: str) -> str:
    results = results_by_id(inputs.prove)
    rows = []
    for claim in inputs.claims:
        if claim.expected != expected:
            continue
        result = results.get(claim.id)
        rows.append([
            link(claim_path(claim.id), claim.title) + f'<br><code class="id">{esc(claim.id)}</code>',
            verdict_badge(claim.expected, _verdict(result)),
            _method_summary(result),
        ])
    if not rows:
        return "<p>None in this catalogue.</p>"
    return table(["claim", "verdict", "checked by"], rows, css="claims")


def _cite_section() -> str:
    return f"""
<section aria-labelledby="cite">
<h2 id="cite">How to cite</h2>
<p>Cite the version you used (<code>metricproofs cite --format bibtex|apa|cff</code> prints these):</p>
<pre class="cite" tabindex="0" aria-label="BibTeX">{esc(citation.bibtex())}</pre>
<p class="apa">{esc(citation.apa()).replace(chr(10), "<br>")}</p>
</section>
"""


def index_page(inputs: SiteInputs) -> str:
    """``index.html``: what is proved, the worked example, every claim with its verdict."""
    results = results_by_id(inputs.prove)
    verdicts = [_verdict(results.get(claim.id)) for claim in inputs.claims]
    holds = sum(1 for claim in inputs.claims if claim.expected == "holds")
    counted = {word: verdicts.count(word) for word in ("proved", "refuted", "unknown", "error")}
    missing = verdicts.count(None)
    summary = (f"{len(inputs.claims)} claims: {holds} identities that hold and {len(inputs.claims) - holds} "
               f"false beliefs. In this prove run {counted['proved']} were proved and {counted['refuted']} refuted")
    if counted["unknown"] or counted["error"]:
        summary += f"; {counted['unknown']} unknown and {counted['error']} error"
    if missing:
        summary += f"; {missing} not in the run"
    body = f"""
<h1>Micro precision, recall and F1 are accuracy: the proofs, claim by claim</h1>
<p class="lead">In single-label classification every error is a false positive of one label and a false negative of
another, so the sum of false positives equals the sum of false negatives. From that one fact, micro-averaged
precision, recall and F1 over all labels all equal accuracy. This site shows each claim around it, the ones
that hold and the look-alikes that fail, with the machine-checked verdict, the proof in words and, for the
false ones, a counterexample you can paste into Python. The {link("playground.html", "playground")}
lets you try it on any confusion matrix.</p>
<p>{esc(summary)}. <em>Proved</em> means a solver found no counterexample to the negated claim (or the symbolic
difference reduced to 0); <em>refuted</em> comes with a counterexample re-evaluated by the reference
implementation.</p>
{_worked_section(inputs)}
<section aria-labelledby="holds">
<h2 id="holds">Identities that hold</h2>
{_claims_table(inputs, "holds")}
</section>
<section aria-labelledby="fails">
<h2 id="fails">False beliefs, each with a counterexample</h2>
{_claims_table(inputs, "fails")}
</section>
{_cite_section()}
"""
    return page("Claims", body, root="", version=inputs.version, results_note=inputs.results_note, current="claims")


# --- a claim page --------------------------------------------------------------------------


def _hypotheses(claim: Any) -> str:
    items = "".join(f"<dt><code>{esc(h.name)}</code></dt><dd>{esc(h.statement)}</dd>" for h in claim.hypotheses)
    return f'<dl class="hypotheses">{items}</dl>'


def _methods(result: Mapping[str, Any] | None) -> str:
    if result is None:
        return "<p>This claim is not in the prove run the site was written from.</p>"
    rows = [[f"<code>{esc(m.get('method'))}</code>", esc(m.get("verdict")), esc(_classes(m)),
             esc(f"{float(m.get('seconds') or 0):.2f} s"), esc(m.get("detail", ""))]
            for m in result.get("methods", [])]
    return table(["method", "verdict", "class counts", "time", "what it did"], rows, css="methods")


def _call_text(claim: Any, counterexample: Mapping[str, Any]) -> str | None:
    """The paste-able call the prover prints for this counterexample (the claim's own ``call``)."""
    if claim.call is None:
        return None
    data = Dataset(counterexample.get("y_true"), counterexample.get("y_pred"), counterexample.get("labels"),
                   counterexample.get("sample_weight"))
    try:
        call = claim.call(data)
    except Exception:  # a call the catalogue cannot print for this data: show the data only
        return None
    functions = list(dict.fromkeys(re.findall(r"(?<![\w.])([A-Za-z_]\w*)\(", call)))
    if functions:
        return f"from sklearn.metrics import {', '.join(functions)}\n{call}"
    return call


def _small_matrix(matrix: list[list[int]], labels: list[int] | None) -> str:
    k = len(matrix)
    chosen = set(range(k) if labels is None else labels)
    head = ["true \\ predicted", *[f"{c}" + ("" if c in chosen else " (not in S)") for c in range(k)]]
    rows = [[f"<strong>{r}</strong>" + ("" if r in chosen else " (not in S)"), *[esc(x) for x in matrix[r]]]
            for r in range(k)]
    return table(head, rows, caption="Its confusion matrix", css="matrix small")


def _indicator_rows(counterexample: Mapping[str, Any]) -> str:
    y_true, y_pred = counterexample.get("y_true") or [], counterexample.get("y_pred") or []
    if not y_true or not all(isinstance(row, list) for row in [*y_true, *y_pred]):
        return ""
    rows = [[esc(i), esc(t), esc(p)] for i, (t, p) in enumerate(zip(y_true, y_pred))]
    return table(["sample", "true labels (0/1 per label)", "predicted labels (0/1 per label)"], rows,
                 caption="The samples, as indicator rows", css="small")


def _counterexample(claim: Any, result: Mapping[str, Any] | None) -> str:
    counterexample = (result or {}).get("counterexample")
    if not counterexample:
        if claim.expected == "fails":
            return "<p>This prove run has no counterexample for this claim.</p>"
        return ""
    parts = ["<h2 id=\"counterexample\">Counterexample</h2>",
             "<p>The prove run found it and confirmed it before showing it (how: the method's detail above). "
             "Paste this into Python with scikit-learn installed:</p>"]
    call = _call_text(claim, counterexample)
    if call:
        parts.append(f'<pre class="call" tabindex="0" aria-label="Python call">{esc(call)}</pre>')
    else:
        data = {key: counterexample.get(key) for key in ("y_true", "y_pred", "labels", "sample_weight")}
        parts.append(f'<pre class="call" tabindex="0">{esc(json.dumps(data))}</pre>')
    values = counterexample.get("values") or {}
    if values:
        rows = [[f"<code>{esc(name)}</code>", esc(format_number(value))] for name, value in values.items()]
        parts.append(table(["value", "it gives"], rows, caption="What the call gives", css="small values"))
    single = single_label_matrix(counterexample)
    if single is not None:
        parts.append(_small_matrix(single.matrix, single.labels))
        href = playground_href(single.matrix, single.labels, root="../")
        parts.append(f'<p class="cta">{link(href, "Open this counterexample in the playground")}</p>')
    else:
        parts.append(_indicator_rows(counterexample))
    return "\n".join(parts)


def _certificates(inputs: SiteInputs, claim: Any) -> str:
    files = list(inputs.certificates.get(claim.id, ()))
    theorems = list(inputs.coq.get(claim.id, ()))
    if not files and not theorems:
        return ("<h2 id=\"recheck\">Re-check it yourself</h2><p>No certificate files were available when this site "
                "was written (<code>metricproofs export --smt2 DIR</code> writes them).</p>")
    parts = ["<h2 id=\"recheck\">Re-check it yourself</h2>"]
    if files:
        by_k: dict[int, list[tuple[str, str]]] = {}
        goals_seen: list[str] = []
        for rel in files:
            name = rel.rsplit("/", 1)[-1]
            match = re.fullmatch(r"k(\d+)-([\w-]+)\.smt2", name)
            k, goal = (int(match.group(1)), match.group(2)) if match else (0, name)
            by_k.setdefault(k, []).append((goal, rel))
            if goal not in goals_seen:
                goals_seen.append(goal)
        order = [g for g in CERTIFICATE_GOALS if g in goals_seen] + [g for g in goals_seen if g not in CERTIFICATE_GOALS]
        rows = []
        for k in sorted(by_k):
            present = dict(by_k[k])
            cells = [link(f"../certificates/{present[g]}.html", g) if g in present else "" for g in order]
            rows.append([f"k = {k}" if k else "", *cells])
        meaning = "".join(
            f"<li><strong>{esc(goal)}</strong>: {esc(CERTIFICATE_GOALS.get(goal, goal))}"
            + (f" ({esc(NEGATION_ANSWER.get(claim.expected, ''))})" if goal == "negation" else "") + "</li>"
            for goal in order)
        example = files[-1]
        parts.append("<p>Plain SMT-LIB2 files, written from the same definitions the provers use; z3 and cvc5 both "
                     "read them, and each file's header says which answer (sat or unsat) it must get and why. "
                     "Each file asks whether</p>"
                     f'<ul class="goals">{meaning}</ul>')
        parts.append(table(["classes", *[esc(g) for g in order]], rows, css="certs"))
        parts.append(f"<p>Re-check one from the repository root: <code>z3 proofs/smt2/{esc(example)}</code> "
                     f"(or <code>cvc5</code>).</p>")
    if theorems:
        items = "".join(
            f"<li><code>{esc(name)}</code>" + (f" ({esc(qualifier)})" if qualifier else "")
            + f" in {link(f'../coq/{source}.html', source)}</li>"
            for name, qualifier, source in theorems)
        parts.append("<p>Coq theorems tagged with this claim (for every class count):</p>"
                     f"<ul>{items}</ul><p><code>make -C proofs/coq</code> builds them and prints what each "
                     "assumes.</p>")
    return "\n".join(parts)


def _references(inputs: SiteInputs, claim: Any) -> str:
    items = []
    for key in claim.references:
        fields = inputs.bib.get(key)
        if not fields:
            items.append(f"<li><code>{esc(key)}</code></li>")
            continue
        ref = reference_parts(fields)
        text = f"{esc(ref['authors'])} ({esc(ref['year'])}). <cite>{esc(ref['title'])}</cite>."
        if ref["venue"]:
            text += f" {esc(ref['venue'])}."
        if ref["link"]:
            text += f" {link(ref['link'], ref['link'], rel='noreferrer')}"
        items.append(f'<li id="ref-{esc(key)}">{text} <span class="key">[{esc(key)}]</span></li>')
    return f"<h2 id=\"references\">References</h2><ul class=\"refs\">{''.join(items)}</ul>" if items else ""


def _claim_links(inputs: SiteInputs, ids: Any) -> str:
    titles = {c.id: c.title for c in inputs.claims}
    return ", ".join(link(f"{i}.html", titles[i]) if i in titles else f"<code>{esc(i)}</code>" for i in ids)


def _related(inputs: SiteInputs, claim: Any) -> str:
    """Lemmas used, the false beliefs that drop a hypothesis, and (for those) the claims they break."""
    parts = []
    lemmas = tuple(getattr(claim, "lemmas", ()) or ())
    if lemmas:
        parts.append(f"<p>The proof uses: {_claim_links(inputs, lemmas)}.</p>")
    drops = tuple(getattr(claim, "when_hypotheses_drop", ()) or ())
    if drops:
        parts.append("<p>What the hypotheses are for: each of these false beliefs drops or changes one of them, "
                     f"and has a counterexample: {_claim_links(inputs, drops)}.</p>")
    broken = [c.id for c in inputs.claims if claim.id in tuple(getattr(c, "when_hypotheses_drop", ()) or ())]
    if broken:
        parts.append(f"<p>This belief is what becomes of these identities when a hypothesis is dropped: "
                     f"{_claim_links(inputs, broken)}.</p>")
    if not parts:
        return ""
    return '<section aria-labelledby="related"><h2 id="related">Related claims</h2>' + "".join(parts) + "</section>"


def claim_page(inputs: SiteInputs, claim: Any) -> str:
    """``claims/ID.html``: everything about one claim."""
    result = results_by_id(inputs.prove).get(claim.id)
    kind = "An identity that holds" if claim.expected == "holds" else "A false belief"
    proof_head = "Proof" if claim.expected == "holds" else "Why it fails"
    formula = claim.formula()
    try:
        import sympy

        latex = sympy.latex(formula.conclusion)
    except Exception:  # the LaTeX is a courtesy; a printer gap must not lose the page
        latex = ""
    formal = (f'<details><summary>The conclusion as the provers read it (LaTeX)</summary>'
              f'<pre tabindex="0">{esc(latex)}</pre></details>') if latex else ""
    key = getattr(claim, "key_argument", "") or ""
    key_argument = f'<p class="key-argument"><strong>The key idea.</strong> {esc(key)}</p>' if key else ""
    worked = (_worked_section(inputs, root="../", heading="The worked example", anchor="worked")
              if getattr(claim, "worked_example", False) else "")
    body = f"""
<p class="crumbs">{link("../index.html", "All claims")} / <code>{esc(claim.id)}</code></p>
<h1>{esc(claim.title)}</h1>
<p>{verdict_badge(claim.expected, _verdict(result))} <span class="kind">{esc(kind)}</span></p>
<section aria-labelledby="statement"><h2 id="statement">Statement</h2>
<p class="statement">{esc(claim.statement)}</p>
<h3>Hypotheses</h3>
{_hypotheses(claim)}
{formal}
</section>
<section aria-labelledby="proof"><h2 id="proof">{proof_head}</h2>
{key_argument}<p>{esc(claim.proof)}</p>
</section>
{worked}
{_related(inputs, claim)}
<section aria-labelledby="checked"><h2 id="checked">How it was checked</h2>
{_methods(result)}
</section>
<section aria-label="Counterexample">{_counterexample(claim, result)}</section>
<section aria-label="Re-check it yourself">{_certificates(inputs, claim)}</section>
<section aria-label="References">{_references(inputs, claim)}</section>
<section aria-labelledby="cite-this"><h2 id="cite-this">How to cite</h2>
<p>Name the claim by its id, <code>{esc(claim.id)}</code>, and cite the version you used:</p>
<pre class="cite" tabindex="0" aria-label="BibTeX">{esc(citation.bibtex())}</pre>
</section>
"""
    return page(claim.title, body, root="../", version=inputs.version, results_note=inputs.results_note)


def source_page(inputs: SiteInputs, title: str, text: str, *, root: str, raw_name: str, how: str) -> str:
    """A certificate or proof source shown as text, with a link to the raw file beside it."""
    body = f"""
<p class="crumbs">{link(root + "index.html", "All claims")} / <code>{esc(title)}</code></p>
<h1><code>{esc(title)}</code></h1>
<p>{esc(how)} The raw file: {link(raw_name, raw_name)}.</p>
<pre class="source" tabindex="0" aria-label="{esc(title)}">{esc(text)}</pre>
"""
    return page(title, body, root=root, version=inputs.version, results_note=inputs.results_note)
