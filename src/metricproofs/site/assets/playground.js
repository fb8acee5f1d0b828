/* The confusion-matrix playground of the metricproofs teaching site.
 *
 * Plain JavaScript, no library, works from file://. Every number is exact: counts are
 * BigInt, every metric is a reduced fraction of BigInts (null stands for 0/0, "undefined"),
 * and the decimal shown beside a fraction is rounded from the fraction, never from a float.
 *
 * Start state (DESIGN section 7, a contract): the URL fragment
 *   #matrix=3,1,0;2,4,1;0,0,5&labels=0,2
 * rows = true labels, columns = predicted (as scikit-learn); labels= is the label subset S as
 * indices. An optional names=A,B,C gives display names. Every value shown sits in an element
 * with data-value="NAME" and data-fraction="P/Q" (or "undefined" for 0/0).
 */
"use strict";

(function () {
  var MIN_K = 2;
  var MAX_K = 8;

  // --- exact fractions ---------------------------------------------------------------------

  function gcd(a, b) {
    if (a < 0n) a = -a;
    if (b < 0n) b = -b;
    while (b !== 0n) {
      var t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** p/q reduced, or null when q = 0 (0/0 and x/0 are undefined). */
  function frac(p, q) {
    if (q === 0n) return null;
    if (q < 0n) {
      p = -p;
      q = -q;
    }
    var g = gcd(p, q);
    if (g === 0n) g = 1n;
    return { p: p / g, q: q / g };
  }

  function fracAdd(x, y) {
    return frac(x.p * y.q + y.p * x.q, x.q * y.q);
  }

  function fracText(x) {
    return x === null ? "undefined" : x.p.toString() + "/" + x.q.toString();
  }

  /** The decimal expansion of x rounded half up to `places` digits, from the fraction itself. */
  function decimalText(x, places) {
    var scale = 10n ** BigInt(places);
    var scaled = (2n * x.p * scale + x.q) / (2n * x.q);
    var whole = scaled / scale;
    var rest = (scaled % scale).toString().padStart(places, "0");
    return whole.toString() + "." + rest;
  }

  function showText(x) {
    if (x === null) return "undefined (0/0)";
    if (x.q === 1n) return x.p.toString();
    return x.p.toString() + "/" + x.q.toString() + " \u2248 " + decimalText(x, 4);
  }

  // --- the metrics, from the matrix ----------------------------------------------------------

  /** Every value the page shows, as fractions (integers have q = 1). */
  function compute(matrix, inS) {
    var k = matrix.length;
    var per = [];
    var n = 0n;
    var trace = 0n;
    for (var a = 0; a < k; a++) {
      for (var b = 0; b < k; b++) n += matrix[a][b];
      trace += matrix[a][a];
    }
    for (var l = 0; l < k; l++) {
      var tp = matrix[l][l];
      var fp = 0n;
      var fn = 0n;
      for (var o = 0; o < k; o++) {
        if (o === l) continue;
        fp += matrix[o][l];
        fn += matrix[l][o];
      }
      per.push({
        tp: tp, fp: fp, fn: fn, support: tp + fn, predicted: tp + fp,
        precision: frac(tp, tp + fp),
        recall: frac(tp, tp + fn),
        f1: frac(2n * tp, 2n * tp + fp + fn)
      });
    }
    var sTP = 0n, sFP = 0n, sFN = 0n, size = 0n;
    var zero = { p: 0n, q: 1n };
    var mP = zero, mR = zero, mF = zero;
    var inward = 0n;   // true label outside S, predicted inside S: an FP in S with no FN in S
    var outward = 0n;  // true label inside S, predicted outside S: an FN in S with no FP in S
    for (var i = 0; i < k; i++) {
      if (!inS[i]) continue;
      size += 1n;
      sTP += per[i].tp;
      sFP += per[i].fp;
      sFN += per[i].fn;
      // scikit-learn's macro averages give a 0/0 label the zero_division value 0
      mP = fracAdd(mP, per[i].precision || zero);
      mR = fracAdd(mR, per[i].recall || zero);
      mF = fracAdd(mF, per[i].f1 || zero);
      for (var j = 0; j < k; j++) {
        if (!inS[j]) {
          inward += matrix[j][i];
          outward += matrix[i][j];
        }
      }
    }
    var whole = function (v) { return { p: v, q: 1n }; };
    return {
      per: per,
      values: {
        "n": whole(n),
        "trace": whole(trace),
        "errors": whole(n - trace),
        "sum-tp": whole(sTP),
        "sum-fp": whole(sFP),
        "sum-fn": whole(sFN),
        "micro-precision": frac(sTP, sTP + sFP),
        "micro-recall": frac(sTP, sTP + sFN),
        "micro-f1": frac(2n * sTP, 2n * sTP + sFP + sFN),
        "accuracy": frac(trace, n),
        "macro-precision": size === 0n ? null : frac(mP.p, mP.q * size),
        "macro-recall": size === 0n ? null : frac(mR.p, mR.q * size),
        "macro-f1": size === 0n ? null : frac(mF.p, mF.q * size),
        "inward": whole(inward),
        "outward": whole(outward)
      }
    };
  }

  // --- state and the URL fragment -------------------------------------------------------------

  var state = { matrix: [], inS: [], names: [] };
  var lastHash = null;

  function defaultNames(k) {
    var out = [];
    for (var i = 0; i < k; i++) out.push(String(i));
    return out;
  }

  /** Parse a fragment; returns {matrix, inS, names} or {error: message}. */
  function parseFragment(hash) {
    var text = hash.charAt(0) === "#" ? hash.slice(1) : hash;
    var params = {};
    text.split("&").forEach(function (part) {
      if (!part) return;
      var eq = part.indexOf("=");
      var key = eq < 0 ? part : part.slice(0, eq);
      params[key] = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1));
    });
    if (params.matrix === undefined) return { error: "the address has no #matrix=...; showing the worked example" };
    var rows = params.matrix.split(";");
    var k = rows.length;
    if (k < MIN_K || k > MAX_K) return { error: "the matrix must have " + MIN_K + " to " + MAX_K + " rows, got " + k };
    var matrix = [];
    for (var r = 0; r < k; r++) {
      var cells = rows[r].split(",");
      if (cells.length !== k) return { error: "row " + (r + 1) + " has " + cells.length + " entries; a " + k + " x " + k + " matrix needs " + k };
      var row = [];
      for (var c = 0; c < k; c++) {
        var cell = cells[c].trim();
        if (!/^[0-9]+$/.test(cell)) return { error: "entry " + JSON.stringify(cell) + " is not a whole number >= 0" };
        row.push(BigInt(cell));
      }
      matrix.push(row);
    }
    var inS = [];
    for (var i = 0; i < k; i++) inS.push(params.labels === undefined);
    if (params.labels !== undefined && params.labels !== "") {
      var parts = params.labels.split(",");
      for (var p = 0; p < parts.length; p++) {
        var t = parts[p].trim();
        if (!/^[0-9]+$/.test(t) || Number(t) >= k) return { error: "label " + JSON.stringify(t) + " is not an index 0.." + (k - 1) };
        inS[Number(t)] = true;
      }
    }
    var names = defaultNames(k);
    if (params.names !== undefined) {
      var given = params.names.split(",");
      if (given.length === k) names = given.map(function (x) { return x.trim() || "?"; });
    }
    return { matrix: matrix, inS: inS, names: names };
  }

  function toFragment() {
    var text = "matrix=" + state.matrix.map(function (row) { return row.join(","); }).join(";");
    if (!state.inS.every(Boolean)) {
      var chosen = [];
      state.inS.forEach(function (v, i) { if (v) chosen.push(i); });
      text += "&labels=" + chosen.join(",");
    }
    if (state.names.join(",") !== defaultNames(state.matrix.length).join(",")) {
      text += "&names=" + state.names.map(encodeURIComponent).join(",");
    }
    return "#" + text;
  }

  function writeFragment() {
    var hash = toFragment();
    lastHash = hash;
    if (window.location.hash === hash) return;
    try {
      history.replaceState(null, "", hash);
    } catch (e) {
      /* some browsers refuse replaceState on file://; the page still works */
    }
  }

  // --- the page ----------------------------------------------------------------------------------

  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function valueSpan(name) {
    return el("span", { "data-value": name, "class": "value" });
  }

  function setValue(node, x) {
    node.setAttribute("data-fraction", fracText(x));
    node.textContent = showText(x);
    node.classList.toggle("undefined", x === null);
  }

  function setInvalid(node) {
    node.setAttribute("data-fraction", "invalid");
    node.textContent = "\u2014";
  }

  /** Build the matrix table, the per-label table and the S toggles for the current k. */
  function build() {
    var k = state.matrix.length;
    var names = state.names;

    // the matrix: k x k inputs, an FN column (row sums of errors) and an FP row (column sums)
    var table = $("matrix");
    table.textContent = "";
    var caption = el("caption", null, "Confusion matrix: rows are true labels, columns are predicted labels. "
      + "Off-diagonal cells are errors.");
    table.appendChild(caption);
    var head = el("thead");
    var hr = el("tr");
    hr.appendChild(el("td", { "class": "corner" }, "true \u2193 / predicted \u2192"));
    for (var c = 0; c < k; c++) hr.appendChild(el("th", { scope: "col", id: "col-" + c }, names[c]));
    hr.appendChild(el("th", { scope: "col", "class": "fn-head" }, "FN (row, off-diagonal)"));
    head.appendChild(hr);
    table.appendChild(head);
    var body = el("tbody");
    for (var r = 0; r < k; r++) {
      var tr = el("tr", { "data-row": String(r) });
      tr.appendChild(el("th", { scope: "row", id: "row-" + r }, names[r]));
      for (var cc = 0; cc < k; cc++) {
        var td = el("td", { "class": r === cc ? "cell tp" : "cell err", "data-row": String(r), "data-col": String(cc) });
        var input = el("input", {
          type: "number", min: "0", step: "1", inputmode: "numeric",
          id: "cell-" + r + "-" + cc,
          "data-row": String(r), "data-col": String(cc),
          "aria-label": "samples with true label " + names[r] + " predicted as " + names[cc]
            + (r === cc ? " (correct: a true positive of " + names[r] + ")"
              : " (an error: a false positive of " + names[cc] + " and a false negative of " + names[r] + ")")
        });
        input.value = state.matrix[r][cc].toString();
        td.appendChild(input);
        tr.appendChild(td);
      }
      var fnCell = el("td", { "class": "fn-sum", "data-row": String(r) });
      fnCell.appendChild(valueSpan("margin-fn-" + r));
      tr.appendChild(fnCell);
      body.appendChild(tr);
    }
    var fpRow = el("tr", { "class": "fp-row" });
    fpRow.appendChild(el("th", { scope: "row", "class": "fp-head" }, "FP (column, off-diagonal)"));
    for (var c2 = 0; c2 < k; c2++) {
      var fpCell = el("td", { "class": "fp-sum", "data-col": String(c2) });
      fpCell.appendChild(valueSpan("margin-fp-" + c2));
      fpRow.appendChild(fpCell);
    }
    var both = el("td", { "class": "both-sum" });
    both.appendChild(el("span", null, "\u03a3 FP = "));
    both.appendChild(valueSpan("sum-fp-all"));
    both.appendChild(el("br"));
    both.appendChild(el("span", null, "\u03a3 FN = "));
    both.appendChild(valueSpan("sum-fn-all"));
    fpRow.appendChild(both);
    body.appendChild(fpRow);
    table.appendChild(body);

    // the label subset S
    var toggles = $("subset");
    toggles.textContent = "";
    toggles.appendChild(el("legend", null, "Label set S (scikit-learn's labels=): average over"));
    for (var s = 0; s < k; s++) {
      var label = el("label", { "class": "toggle" });
      var box = el("input", { type: "checkbox", id: "in-s-" + s, "data-label": String(s) });
      box.checked = state.inS[s];
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + names[s]));
      toggles.appendChild(label);
    }

    // per-label table
    var per = $("per-label-body");
    per.textContent = "";
    for (var l = 0; l < k; l++) {
      var row = el("tr", { "data-label": String(l) });
      row.appendChild(el("th", { scope: "row" }, names[l]));
      row.appendChild(el("td", { "class": "in-s" }));
      ["tp", "fp", "fn", "support", "precision", "recall", "f1"].forEach(function (key) {
        var cell = el("td", { "class": "num " + key });
        cell.appendChild(valueSpan(key + "-" + l));
        row.appendChild(cell);
      });
      per.appendChild(row);
    }
    $("remove-label").disabled = k <= MIN_K;
    $("add-label").disabled = k >= MAX_K;
    $("k-now").textContent = String(k);
  }

  function readInputs() {
    var k = state.matrix.length;
    var ok = true;
    for (var r = 0; r < k; r++) {
      for (var c = 0; c < k; c++) {
        var input = $("cell-" + r + "-" + c);
        var text = input.value.trim();
        var good = /^[0-9]+$/.test(text);
        input.setAttribute("aria-invalid", good ? "false" : "true");
        if (good) state.matrix[r][c] = BigInt(text);
        else ok = false;
      }
    }
    for (var s = 0; s < k; s++) state.inS[s] = $("in-s-" + s).checked;
    return ok;
  }

  function allValueNodes() {
    return document.querySelectorAll("[data-value]");
  }

  function render() {
    var ok = readInputs();
    var k = state.matrix.length;
    var status = $("input-status");
    if (!ok) {
      status.textContent = "A highlighted cell is not a whole number \u2265 0: fix it to see the values.";
      allValueNodes().forEach(setInvalid);
      document.querySelectorAll("[data-mirror]").forEach(function (node) { node.textContent = "\u2014"; });
      $("verdict").textContent = "";
      return;
    }
    status.textContent = "";
    var result = compute(state.matrix, state.inS);
    var v = result.values;
    var nodes = allValueNodes();
    var allS = compute(state.matrix, state.matrix.map(function () { return true; })).values;
    nodes.forEach(function (node) {
      var name = node.getAttribute("data-value");
      var m = /^(?:margin-)?(tp|fp|fn|support|precision|recall|f1)-([0-9]+)$/.exec(name);
      if (m) {
        var entry = result.per[Number(m[2])];
        var x = entry[m[1]];
        setValue(node, typeof x === "bigint" ? { p: x, q: 1n } : x);
      } else if (name === "sum-fp-all") {
        setValue(node, allS["sum-fp"]);
      } else if (name === "sum-fn-all") {
        setValue(node, allS["sum-fn"]);
      } else if (Object.prototype.hasOwnProperty.call(v, name)) {
        setValue(node, v[name]);
      }
    });
    document.querySelectorAll("[data-mirror]").forEach(function (node) {
      var x = v[node.getAttribute("data-mirror")];
      node.textContent = showText(x);
    });
    for (var rr = 0; rr < k; rr++) {
      for (var cc = 0; cc < k; cc++) {
        var td = $("cell-" + rr + "-" + cc).parentNode;
        td.classList.toggle("inward", rr !== cc && !state.inS[rr] && state.inS[cc]);
        td.classList.toggle("outward", rr !== cc && state.inS[rr] && !state.inS[cc]);
        td.classList.toggle("outside", !state.inS[rr] && !state.inS[cc]);
      }
    }
    $("border-legend").hidden = state.inS.every(Boolean);
    for (var l = 0; l < k; l++) {
      var row = document.querySelector('#per-label-body tr[data-label="' + l + '"]');
      row.classList.toggle("outside", !state.inS[l]);
      row.querySelector(".in-s").textContent = state.inS[l] ? "yes" : "no";
      document.querySelectorAll('#matrix [data-col="' + l + '"].fp-sum, #matrix [data-row="' + l + '"].fn-sum')
        .forEach(function (cell) { cell.classList.toggle("outside", !state.inS[l]); });
    }
    explain(v);
    var active = document.activeElement;
    if (active && active.matches && active.matches("#matrix input")) onFocus({ target: active });
    writeFragment();
  }

  function same(x, y) {
    if (x === null || y === null) return x === y;
    return x.p === y.p && x.q === y.q;
  }

  /** The sentence under the numbers: why P = R here, or why not. */
  function explain(v) {
    var verdict = $("verdict");
    var all = state.inS.every(Boolean);
    var P = v["micro-precision"], R = v["micro-recall"];
    var box = $("explanation");
    verdict.className = "verdict";
    if (v["n"].p === 0n) {
      verdict.textContent = "The matrix is empty (N = 0): every ratio is 0/0, undefined. Add a sample.";
      box.hidden = true;
      return;
    }
    if (all) {
      verdict.classList.add("equal");
      verdict.textContent = "Over all labels, \u03a3 FP = \u03a3 FN = " + v["errors"].p + " (every error counted once in each), "
        + "so both denominators are N = " + v["n"].p + " and micro P = micro R = micro F1 = accuracy = "
        + showText(v["accuracy"]) + ".";
      box.hidden = true;
      return;
    }
    var text = "Over S only, \u03a3 FP = " + v["sum-fp"].p + " and \u03a3 FN = " + v["sum-fn"].p + ". ";
    var errors = function (x) { return x.p.toString() + (x.p === 1n ? " error has" : " errors have"); };
    text += errors(v["inward"]) + " a true label outside S and a predicted label in S (an FP in S with no FN in S); "
      + errors(v["outward"]) + " a true label in S and a predicted label outside S (an FN in S with no FP in S). ";
    if (same(P, R)) {
      verdict.classList.add("equal");
      text += "Here the two happen to balance, so micro P = micro R = " + showText(P) + "; change a cell to break it.";
    } else {
      verdict.classList.add("unequal");
      text += "They do not balance, so micro P = " + showText(P) + " \u2260 micro R = " + showText(R) + ".";
    }
    verdict.textContent = text;
    box.hidden = false;
  }

  // --- focus: show the cell counted twice ------------------------------------------------------

  function clearHighlight() {
    document.querySelectorAll("#matrix .hl, #per-label-body .hl").forEach(function (node) { node.classList.remove("hl"); });
  }

  function onFocus(event) {
    var input = event.target;
    if (!input.matches || !input.matches("#matrix input")) return;
    clearHighlight();
    var r = Number(input.getAttribute("data-row"));
    var c = Number(input.getAttribute("data-col"));
    var names = state.names;
    var count = input.value.trim() || "?";
    var note = $("cell-note");
    input.parentNode.classList.add("hl");
    if (r === c) {
      note.textContent = "Cell (true " + names[r] + ", predicted " + names[c] + ") = " + count
        + ": correct predictions, the true positives of " + names[r] + ". They sit on the diagonal and are in no FP or FN.";
      return;
    }
    var fpCell = document.querySelector('#matrix .fp-sum[data-col="' + c + '"]');
    var fnCell = document.querySelector('#matrix .fn-sum[data-row="' + r + '"]');
    fpCell.classList.add("hl");
    fnCell.classList.add("hl");
    var perFp = document.querySelector('#per-label-body tr[data-label="' + c + '"] .fp');
    var perFn = document.querySelector('#per-label-body tr[data-label="' + r + '"] .fn');
    perFp.classList.add("hl");
    perFn.classList.add("hl");
    note.textContent = "Cell (true " + names[r] + ", predicted " + names[c] + ") = " + count + (count === "1" ? " error. It is" : " errors. Each is") + " counted twice: "
      + "once as a false positive of " + names[c] + " (its column) and once as a false negative of " + names[r]
      + " (its row). That is why \u03a3 FP = \u03a3 FN.";
  }

  // --- loading states ------------------------------------------------------------------------------

  function load(matrix, inS, names) {
    state.matrix = matrix.map(function (row) { return row.slice(); });
    state.inS = inS.slice();
    state.names = names.slice();
    build();
    render();
  }

  function presets() {
    var node = $("presets");
    return node ? JSON.parse(node.textContent) : { worked: null, counterexamples: [] };
  }

  function bigMatrix(rows) {
    return rows.map(function (row) { return row.map(function (x) { return BigInt(x); }); });
  }

  function loadPreset(preset) {
    var k = preset.matrix.length;
    var inS = [];
    for (var i = 0; i < k; i++) inS.push(preset.labels === null || preset.labels.indexOf(i) >= 0);
    load(bigMatrix(preset.matrix), inS, preset.names || defaultNames(k));
    var note = $("preset-note");
    note.textContent = "";
    if (preset.note) note.appendChild(document.createTextNode(preset.note + " "));
    if (preset.href) {
      var link = el("a", { href: preset.href }, preset.link_text || "Read the claim");
      note.appendChild(link);
    }
  }

  function loadFromHash() {
    var given = window.location.hash;
    var parsed = parseFragment(given);
    lastHash = given;
    if (parsed.error) {
      var data = presets();
      if (data.worked) {
        loadPreset(data.worked);
      } else {
        load(bigMatrix([[1, 0], [0, 1]]), [true, true], defaultNames(2));
      }
      if (given && given !== "#") {
        $("input-status").textContent = "The address was not read: " + parsed.error + ".";
      }
      return;
    }
    $("preset-note").textContent = "";
    load(parsed.matrix, parsed.inS, parsed.names);
  }

  function resize(k) {
    var old = state.matrix;
    var matrix = [];
    for (var r = 0; r < k; r++) {
      var row = [];
      for (var c = 0; c < k; c++) row.push(r < old.length && c < old.length ? old[r][c] : 0n);
      matrix.push(row);
    }
    var inS = [];
    var names = [];
    for (var i = 0; i < k; i++) {
      inS.push(i < state.inS.length ? state.inS[i] : true);
      names.push(i < state.names.length ? state.names[i] : String(i));
    }
    load(matrix, inS, names);
  }

  function start() {
    var data = presets();
    $("matrix").addEventListener("input", render);
    $("matrix").addEventListener("focusin", onFocus);
    $("matrix").addEventListener("focusout", function () { clearHighlight(); });
    $("subset").addEventListener("change", render);
    $("add-label").addEventListener("click", function () { resize(state.matrix.length + 1); });
    $("remove-label").addEventListener("click", function () { resize(state.matrix.length - 1); });
    $("clear").addEventListener("click", function () {
      var k = state.matrix.length;
      load(state.matrix.map(function (row) { return row.map(function () { return 0n; }); }),
        state.inS.map(function () { return true; }), state.names);
      $("preset-note").textContent = "";
      void k;
    });
    var worked = $("load-worked");
    if (data.worked) {
      worked.addEventListener("click", function () { loadPreset(data.worked); });
    } else {
      worked.hidden = true;
    }
    var select = $("counterexample");
    data.counterexamples.forEach(function (preset, index) {
      select.appendChild(el("option", { value: String(index) }, preset.title));
    });
    if (data.counterexamples.length === 0) {
      $("counterexample-group").hidden = true;
    }
    $("load-counterexample").addEventListener("click", function () {
      var preset = data.counterexamples[Number(select.value)];
      if (preset) loadPreset(preset);
    });
    window.addEventListener("hashchange", function () {
      if (window.location.hash !== lastHash) loadFromHash();
    });
    loadFromHash();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
