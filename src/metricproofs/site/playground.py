"""``playground.html``: an editable confusion matrix whose page recomputes every metric exactly.

Summary
    The page is static HTML; ``assets/playground.js`` builds the k x k inputs and computes
    in exact fractions. Its start state is the URL fragment of DESIGN section 7 (a
    contract). The "load" buttons are fed from data written into the page here: the worked
    example of :mod:`metricproofs.examples` and every single-label counterexample of the
    prove run, each linked to the page of its claim.
"""

from __future__ import annotations

import json
from typing import Any

from metricproofs.site.inputs import SiteInputs, results_by_id, single_label_matrix
from metricproofs.site.layout import link, page
from metricproofs.site.pages import claim_path

__all__ = ["playground_page", "presets", "SUBSET_CLAIM", "BALANCE_CLAIM"]

#: contract ids (DESIGN section 3) the explanations point to, when the catalogue has them
SUBSET_CLAIM = "micro-subset-precision-equals-recall"
BALANCE_CLAIM = "fp-fn-balance"


def presets(inputs: SiteInputs) -> dict[str, Any]:
    """The worked example and the counterexamples the page's buttons load."""
    worked = None
    if inputs.worked:
        exact = inputs.worked["exact"]
        values = sorted(set(exact.values()))
        same = f"every micro average is {values[0]}" if len(values) == 1 else "micro averages " + ", ".join(values)
        worked = {
            "title": "the worked example",
            "matrix": inputs.worked["confusion_matrix"],
            "labels": None,
            "names": list(inputs.worked["label_names"]),
            "note": f"Loaded the worked example: {inputs.worked['n']} samples over labels "
                    f"{', '.join(inputs.worked['label_names'])}; {same}.",
        }
    results = results_by_id(inputs.prove)
    loadable = []
    for claim in inputs.claims:
        single = single_label_matrix((results.get(claim.id) or {}).get("counterexample"))
        if single is None:
            continue
        loadable.append({
            "title": claim.title,
            "matrix": single.matrix,
            "labels": single.labels,
            "names": None,
            "note": f"Loaded the counterexample to \u201c{claim.statement}\u201d",
            "href": claim_path(claim.id),
            "link_text": "Why it fails",
        })
    return {"worked": worked, "counterexamples": loadable}


def _json_for_script(data: Any) -> str:
    return json.dumps(data, ensure_ascii=True).replace("</", "<\\/")


def playground_page(inputs: SiteInputs) -> str:
    """The playground page (markup only; the behaviour is in assets/playground.js)."""
    ids = {claim.id for claim in inputs.claims}
    subset_link = (f" {link(claim_path(SUBSET_CLAIM), 'Why does leaving out a label break it?')}"
                   if SUBSET_CLAIM in ids else "")
    balance_link = link(claim_path(BALANCE_CLAIM), "the proof") if BALANCE_CLAIM in ids else "the proof"
    body = f"""
<h1>Confusion-matrix playground</h1>
<p class="lead">Rows are the true labels, columns the predicted labels (as scikit-learn's
<code>confusion_matrix</code>). Type a count into any cell, or use the arrow keys to add or take away one sample.
Every number below is computed exactly, as a fraction, and shown with a four-digit decimal beside it.</p>

<div class="controls" role="group" aria-label="Load or reshape the matrix">
<button type="button" id="load-worked">Load the worked example</button>
<span id="counterexample-group"><label for="counterexample">Counterexample:</label>
<select id="counterexample"></select>
<button type="button" id="load-counterexample">Load</button></span>
<span class="reshape"><button type="button" id="add-label">Add a label</button>
<button type="button" id="remove-label">Remove the last label</button>
<button type="button" id="clear">All zeros</button>
<span class="k">k = <span id="k-now"></span> labels</span></span>
</div>
<p id="preset-note" class="note" aria-live="polite"></p>
<p id="input-status" class="error" role="alert"></p>

<div class="workbench">
<div class="matrix-wrap" tabindex="-1">
<table id="matrix" class="playground"></table>
<p id="cell-note" class="note" aria-live="polite">Move into a cell to see where it is counted.</p>
<p id="border-legend" class="note legend" hidden><span class="swatch inward"></span> an FP in S with no FN in S
(true label outside S) <span class="swatch outward"></span> an FN in S with no FP in S (predicted label outside S)</p>
<fieldset id="subset" class="subset"></fieldset>
</div>

<section class="identity" aria-labelledby="identity-head">
<h2 id="identity-head">The identity</h2>
<dl class="sums">
<dt>\u03a3 FP over S</dt><dd><span data-value="sum-fp" class="value"></span></dd>
<dt>\u03a3 FN over S</dt><dd><span data-value="sum-fn" class="value"></span></dd>
<dt>\u03a3 TP over S</dt><dd><span data-value="sum-tp" class="value"></span></dd>
<dt>N (all samples)</dt><dd><span data-value="n" class="value"></span></dd>
<dt>trace (correct)</dt><dd><span data-value="trace" class="value"></span></dd>
</dl>
<dl class="metrics">
<dt>micro precision = \u03a3 TP / (\u03a3 TP + \u03a3 FP)</dt><dd><span data-value="micro-precision" class="value"></span></dd>
<dt>micro recall = \u03a3 TP / (\u03a3 TP + \u03a3 FN)</dt><dd><span data-value="micro-recall" class="value"></span></dd>
<dt>micro F1 = 2 \u03a3 TP / (2 \u03a3 TP + \u03a3 FP + \u03a3 FN)</dt><dd><span data-value="micro-f1" class="value"></span></dd>
<dt>accuracy = trace / N (all labels)</dt><dd><span data-value="accuracy" class="value"></span></dd>
</dl>
<p id="verdict" class="verdict" aria-live="polite"></p>
<p id="explanation" class="explanation" hidden>Restricted to S, an error from a label outside S predicted as a label
in S is a false positive in S with no false negative in S to match it (and the reverse).{subset_link}</p>
</section>
</div>

<section aria-labelledby="per-label-head">
<h2 id="per-label-head">Per label</h2>
<div class="table-wrap"><table class="per-label">
<caption>TP is the diagonal cell; FP the rest of the label's column; FN the rest of its row.</caption>
<thead><tr><th scope="col">label</th><th scope="col">in S</th><th scope="col">TP</th><th scope="col">FP</th>
<th scope="col">FN</th><th scope="col">support</th><th scope="col">precision</th><th scope="col">recall</th>
<th scope="col">F1</th></tr></thead>
<tbody id="per-label-body"></tbody>
</table></div>
</section>

<section aria-labelledby="averages-head">
<h2 id="averages-head">Micro and macro averages over S</h2>
<div class="table-wrap"><table class="averages">
<thead><tr><th scope="col"></th><th scope="col">micro (pool the counts, then divide)</th>
<th scope="col">macro (divide per label, then take the mean)</th></tr></thead>
<tbody>
<tr><th scope="row">precision</th><td><span data-mirror="micro-precision" class="mirror"></span></td><td><span data-value="macro-precision" class="value"></span></td></tr>
<tr><th scope="row">recall</th><td><span data-mirror="micro-recall" class="mirror"></span></td><td><span data-value="macro-recall" class="value"></span></td></tr>
<tr><th scope="row">F1</th><td><span data-mirror="micro-f1" class="mirror"></span></td><td><span data-value="macro-f1" class="value"></span></td></tr>
</tbody></table></div>
<p class="note">Macro averages give a label whose precision, recall or F1 is 0/0 the value 0 (scikit-learn's
<code>zero_division</code> default) and take the mean over the labels in S. Macro precision and macro recall
usually differ even where the micro ones cannot.</p>
</section>

<section aria-labelledby="try-head" class="exercises">
<h2 id="try-head">Things to try</h2>
<ol>
<li>Load the worked example and move into an off-diagonal cell: the same cell is highlighted in its label's FP
(its column) and in the true label's FN (its row).</li>
<li>Add one to any off-diagonal cell. \u03a3 FP and \u03a3 FN both grow by one, N grows by one, and micro P, micro R
and accuracy stay equal to each other ({balance_link}).</li>
<li>Untick a label in the label set S (scikit-learn's <code>labels=</code>). Micro P and micro R now usually differ:
an error that crosses the border of S is counted on one side only.</li>
<li>Compare micro and macro: can you make macro recall larger than micro recall?</li>
<li>Load a counterexample and open its claim page to read why the belief fails.</li>
</ol>
<p class="note">The address bar always holds the current matrix (<code>#matrix=3,1,0;2,4,1;0,0,5&amp;labels=0,2</code>:
rows separated by <code>;</code>, <code>labels</code> the indices in S): copy it to share a matrix with a class.</p>
</section>
<script type="application/json" id="presets">{_json_for_script(presets(inputs))}</script>
"""
    return page("Playground", body, root="", version=inputs.version, results_note=inputs.results_note,
                scripts=("assets/playground.js",), current="playground")
