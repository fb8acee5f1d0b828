"""The teaching site in a real browser: Debian's chromium, headless, driven over WebDriver.

The playground's numbers (read back from the DOM's data-fraction attributes, the contract of
DESIGN section 7) are compared with metricproofs' own exact evaluation of the sympy
definitions, for random matrices and label subsets given through the URL fragment; edits
made with the keyboard update them; every claim page opens; and chromium's network log shows
that no page asked for anything but files of the site.
"""

from __future__ import annotations

import json
import math
import os
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _browser import Browser, available
from metricproofs import definitions as d
from metricproofs.catalogue import CATALOGUE
from metricproofs.evaluation import evaluate
from metricproofs.site import gather, render_site, write_site

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PROVE_JSON = ROOT / "paper" / "generated" / "prove.json"
TAB, ARROW_UP = "\ue004", "\ue013"

_missing = available()
if _missing and os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
    raise RuntimeError(f"the browser tests must run in CI: {_missing} (.ci/run installs them)")
if _missing:
    pytest.skip(f"no browser: {_missing}", allow_module_level=True)

#: every value the page shows, read from the DOM: data-value name -> data-fraction text
READ_VALUES = """
const out = {};
for (const node of document.querySelectorAll('[data-value]')) out[node.getAttribute('data-value')] = node.getAttribute('data-fraction');
return out;
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prove = json.loads(PROVE_JSON.read_text(encoding="utf-8"))
    inputs, texts = gather(prove, "the committed prove results")
    folder = tmp_path_factory.mktemp("site")
    write_site(folder, render_site(inputs, texts))
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as session:
        yield session


def _fraction_text(value: Any) -> str:
    """metricproofs' exact value in the page's notation: reduced P/Q, or 'undefined' for 0/0."""
    if isinstance(value, float) and math.isnan(value):
        return "undefined"
    value = Fraction(value)
    return f"{value.numerator}/{value.denominator}"


def _expected(matrix: list[list[int]], chosen: list[int] | None) -> dict[str, str]:
    """What the definitions give for this matrix and label subset (None: every label)."""
    k = len(matrix)
    c = d.confusion_counts()
    labels = None if chosen is None else d.S
    env: dict[str, Any] = {"k": k, "C": matrix}
    if chosen is not None:
        env["s"] = [int(lab in chosen) for lab in range(k)]
    per_label = {name: fn for name, fn in (
        ("tp", c.tp), ("fp", c.fp), ("fn", c.fn), ("support", lambda lab: d.support(c, lab)),
        ("precision", lambda lab: d.precision(c, lab)), ("recall", lambda lab: d.recall(c, lab)),
        ("f1", lambda lab: d.f1(c, lab)))}
    out = {
        "sum-fp": evaluate(d.micro_fp(c, labels), **env),
        "sum-fn": evaluate(d.micro_fn(c, labels), **env),
        "sum-tp": evaluate(d.micro_tp(c, labels), **env),
        "micro-precision": evaluate(d.micro_precision(c, labels), **env),
        "micro-recall": evaluate(d.micro_recall(c, labels), **env),
        "micro-f1": evaluate(d.micro_f1(c, labels), **env),
        "accuracy": evaluate(d.accuracy(c), k=k, C=matrix),
        "n": evaluate(d.total(c), k=k, C=matrix),
        "trace": evaluate(d.trace(c), k=k, C=matrix),
        # scikit-learn's macro averages: a 0/0 label counts with zero_division = 0
        "macro-precision": evaluate(d.macro(c, lambda cc, lab: d.precision(cc, lab, 0), labels), **env),
        "macro-recall": evaluate(d.macro(c, lambda cc, lab: d.recall(cc, lab, 0), labels), **env),
        "macro-f1": evaluate(d.macro(c, lambda cc, lab: d.f1(cc, lab, 0), labels), **env),
    }
    for lab in range(k):
        for name, fn in per_label.items():
            out[f"{name}-{lab}"] = evaluate(fn(d.l), k=k, C=matrix, l=lab)
    return {name: _fraction_text(value) for name, value in out.items()}


def _fragment(matrix: list[list[int]], chosen: list[int] | None) -> str:
    text = "#matrix=" + ";".join(",".join(str(x) for x in row) for row in matrix)
    return text if chosen is None else text + "&labels=" + ",".join(str(x) for x in chosen)


@st.composite
def matrices_and_subsets(draw: st.DrawFn) -> tuple[list[list[int]], list[int] | None]:
    k = draw(st.integers(2, 8))
    entries = st.one_of(st.integers(0, 4), st.integers(0, 60), st.integers(10**17, 10**30))
    matrix = draw(st.lists(st.lists(entries, min_size=k, max_size=k), min_size=k, max_size=k))
    chosen = draw(st.one_of(st.none(), st.sets(st.integers(0, k - 1)).map(sorted)))
    return matrix, chosen


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=matrices_and_subsets())
def test_playground_values_equal_the_exact_evaluation(site: Path, browser: Browser,
                                                      case: tuple[list[list[int]], list[int] | None]) -> None:
    matrix, chosen = case
    browser.get((site / "playground.html").as_uri() + _fragment(matrix, chosen))
    shown = browser.execute(READ_VALUES)
    expected = _expected(matrix, chosen)
    assert {name: shown.get(name) for name in expected} == expected
    for name in ("micro-precision", "micro-recall", "accuracy", "sum-fp", "sum-fn"):
        assert name in shown, name


def test_a_fragment_change_without_reload_updates_the_values(site: Path, browser: Browser) -> None:
    browser.get((site / "playground.html").as_uri() + "#matrix=3,1,0;2,4,1;0,0,5")
    # by hand: N = 16, trace = 12, so sum FP = sum FN = 4 and micro P = R = accuracy = 3/4
    assert browser.execute(READ_VALUES)["micro-precision"] == "3/4"
    browser.execute("window.location.hash = arguments[0];", "#matrix=3,1,0;2,4,1;0,0,5&labels=0,2")
    shown = browser.execute(READ_VALUES)
    # S = {0, 2}: TP = 3 + 5 = 8; FP = (2 + 0) + (0 + 1) = 3; FN = (1 + 0) + (0 + 0) = 1
    assert (shown["sum-fp"], shown["sum-fn"]) == ("3/1", "1/1")
    assert (shown["micro-precision"], shown["micro-recall"], shown["accuracy"]) == ("8/11", "8/9", "3/4")
    # label 1 is outside S: its row's errors into S are FP-only cells, S's errors into it FN-only cells
    cells = "return [...document.querySelectorAll('#matrix td.' + arguments[0] + ' input')].map(i => i.id).sort()"
    assert browser.execute(cells, "inward") == ["cell-1-0", "cell-1-2"]
    assert browser.execute(cells, "outward") == ["cell-0-1", "cell-2-1"]


def test_worked_example_and_keyboard_edits(site: Path, browser: Browser) -> None:
    browser.get((site / "playground.html").as_uri())
    assert browser.execute("return document.getElementById('input-status').textContent") == ""
    browser.click(browser.find("#load-worked"))
    shown = browser.execute(READ_VALUES)
    # the nine samples: 5 correct, 4 errors, so every micro average is 5/9
    assert [shown[n] for n in ("micro-precision", "micro-recall", "micro-f1", "accuracy")] == ["5/9"] * 4
    assert (shown["sum-fp"], shown["sum-fn"]) == ("4/1", "4/1")
    assert browser.execute("return document.getElementById('verdict').className") == "verdict equal"

    # type 3 into (true A, predicted B), which held 1: N = 11, errors = 6
    cell = browser.find("#cell-0-1")
    browser.clear(cell)
    browser.type(cell, "3")
    shown = browser.execute(READ_VALUES)
    assert (shown["n"], shown["sum-fp"], shown["sum-fn"], shown["micro-precision"]) == ("11/1", "6/1", "6/1", "5/11")
    # keyboard only: Tab from (A, B) to (A, C), then Tab onwards to (B, A) and arrow up: (B, A) 1 -> 2
    assert browser.execute("return document.activeElement.id") == "cell-0-1"
    browser.keys(TAB)
    assert browser.execute("return document.activeElement.id") == "cell-0-2"
    browser.keys(TAB)
    assert browser.execute("return document.activeElement.id") == "cell-1-0"
    browser.keys(ARROW_UP)
    shown = browser.execute(READ_VALUES)
    assert (shown["n"], shown["sum-fp"], shown["accuracy"]) == ("12/1", "7/1", "5/12")
    note = browser.execute("return document.getElementById('cell-note').textContent")
    assert "false positive of A" in note and "false negative of B" in note

    # leave A out of S: matrix [[2,3,1],[2,1,0],[0,1,2]], S = {B, C}
    # TP = 1 + 2 = 3; FP = (3 + 1) + (1 + 0) = 5; FN = (2 + 0) + (0 + 1) = 3
    browser.click(browser.find("#in-s-0"))
    shown = browser.execute(READ_VALUES)
    assert (shown["sum-fp"], shown["sum-fn"]) == ("5/1", "3/1")
    assert (shown["micro-precision"], shown["micro-recall"], shown["accuracy"]) == ("3/8", "1/2", "5/12")
    assert browser.execute("return document.getElementById('verdict').className") == "verdict unequal"
    assert not browser.execute("return document.getElementById('explanation').hidden")
    assert browser.execute("return document.querySelector('#explanation a').getAttribute('href')") == \
        "claims/micro-subset-precision-equals-recall.html"
    assert browser.execute("return window.location.hash") == "#matrix=2,3,1;2,1,0;0,1,2&labels=1,2&names=A,B,C"


def test_adding_and_removing_labels(site: Path, browser: Browser) -> None:
    browser.get((site / "playground.html").as_uri() + "#matrix=1,2;3,4")
    browser.click(browser.find("#add-label"))
    assert len(browser.find_all("#matrix input")) == 9
    assert browser.execute(READ_VALUES)["micro-precision"] == "1/2"  # 5 correct of 10; the new label is empty
    browser.click(browser.find("#remove-label"))
    browser.click(browser.find("#remove-label"))  # k = 2 is the smallest: the button is disabled
    assert len(browser.find_all("#matrix input")) == 4
    assert browser.execute("return document.getElementById('remove-label').disabled") is True


def test_a_bad_fragment_is_refused_in_words_and_shows_no_number_from_it(site: Path, browser: Browser) -> None:
    browser.get((site / "playground.html").as_uri() + "#matrix=1,2;3")
    status = browser.execute("return document.getElementById('input-status').textContent")
    assert "row 2 has 1 entries" in status
    assert browser.execute(READ_VALUES)["micro-precision"] == "5/9"  # the worked example instead
    cell = browser.find("#cell-0-0")
    browser.clear(cell)
    browser.type(cell, "-1")
    shown = browser.execute(READ_VALUES)
    assert set(shown.values()) == {"invalid"}


def test_counterexample_buttons_give_the_reference_values(site: Path, browser: Browser) -> None:
    prove = {r["id"]: r for r in json.loads(PROVE_JSON.read_text(encoding="utf-8"))["results"]}
    titles = {claim.title: claim.id for claim in CATALOGUE}
    browser.get((site / "playground.html").as_uri())
    options = browser.execute("return [...document.querySelectorAll('#counterexample option')].map(o => o.textContent)")
    assert len(options) >= 5
    names = {"micro_precision": "micro-precision", "micro_recall": "micro-recall", "micro_f1": "micro-f1",
             "accuracy": "accuracy", "macro_precision": "macro-precision", "macro_recall": "macro-recall",
             "macro_f1": "macro-f1"}
    compared = 0
    for index, title in enumerate(options):
        browser.execute("document.getElementById('counterexample').value = arguments[0];", str(index))
        browser.click(browser.find("#load-counterexample"))
        shown = browser.execute(READ_VALUES)
        # the reference implementation's floats, from the prove run, against the page's fractions
        for reference_name, value in prove[titles[title]]["counterexample"]["values"].items():
            if reference_name in names:
                assert float(Fraction(shown[names[reference_name]])) == pytest.approx(value, rel=1e-12), title
                compared += 1
        href = browser.execute("return document.querySelector('#preset-note a').getAttribute('href')")
        assert href == f"claims/{titles[title]}.html"
    assert compared >= 10


def test_every_page_opens_offline_and_asks_only_for_files(site: Path, browser: Browser) -> None:
    browser.get((site / "index.html").as_uri())
    links = browser.execute(
        "return [...document.querySelectorAll('a[href^=\"claims/\"]')].map(a => a.href)")
    assert len(set(links)) == len(CATALOGUE)
    pages = [(site / "index.html").as_uri(), (site / "playground.html").as_uri(), *sorted(set(links))]
    certificate = next((site / "certificates").rglob("*.smt2.html"), None)
    if certificate is not None:
        pages.append(certificate.as_uri())
    browser.requests()
    browser.console_errors()
    titles = {claim.id: claim.title for claim in CATALOGUE}
    for url in pages:
        browser.get(url)
        heading = browser.execute("return document.querySelector('h1').textContent")
        stem = url.rsplit("/", 1)[-1].removesuffix(".html")
        if stem in titles:
            assert heading == titles[stem]
        assert browser.execute("return document.styleSheets.length") >= 1, url
        outside = [u for u in browser.requests() if not u.startswith(("file://", "data:"))]
        assert outside == [], url
        assert browser.console_errors() == [], url


def test_no_page_scrolls_sideways_at_phone_width(site: Path, browser: Browser) -> None:
    # Wide tables may scroll inside their own box; the page itself must fit a 390 px phone.
    pages = [site / "index.html", site / "playground.html", *sorted((site / "claims").glob("*.html"))]
    browser.set_size(390, 844)
    try:
        for page in pages:
            browser.get(page.as_uri())
            assert browser.execute("return document.documentElement.scrollWidth") <= 390, page.name
    finally:
        browser.set_size(1280, 900)
