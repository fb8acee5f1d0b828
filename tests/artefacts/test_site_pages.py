"""The teaching site's pages, without a browser: every claim has a page, linked; what a page says.

The site is rendered from the committed paper/generated/prove.json (a real prove run), so
these tests need no solver. The browser tests (test_site_browser.py) drive the playground.
"""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from metricproofs.catalogue import CATALOGUE
from metricproofs.cli import run
from metricproofs.site import gather, render_site, write_site
from metricproofs.site.bib import latex_to_text, parse_bib, reference_parts
from metricproofs.site.inputs import single_label_matrix
from metricproofs.site.pages import playground_href

ROOT = Path(__file__).resolve().parents[2]
PROVE_JSON = ROOT / "paper" / "generated" / "prove.json"


class _Links(HTMLParser):
    """Every (tag, attribute, value) that names another resource, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action", "poster", "data") and value is not None:
                self.refs.append((tag, name, value))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prove = json.loads(PROVE_JSON.read_text(encoding="utf-8"))
    inputs, texts = gather(prove, "the committed prove results")
    folder = tmp_path_factory.mktemp("site")
    write_site(folder, render_site(inputs, texts))
    return folder


def test_every_claim_has_a_page_and_the_index_links_each(site: Path) -> None:
    links = {value for tag, _, value in _parse((site / "index.html").read_text(encoding="utf-8")).refs if tag == "a"}
    for claim in CATALOGUE:
        assert f"claims/{claim.id}.html" in links, claim.id
        assert (site / "claims" / f"{claim.id}.html").is_file(), claim.id
    pages = {path.stem for path in (site / "claims").glob("*.html")}
    assert pages == {claim.id for claim in CATALOGUE}
    assert "playground.html" in links


def test_every_relative_link_of_every_page_resolves(site: Path) -> None:
    for page in site.rglob("*.html"):
        for tag, _, value in _parse(page.read_text(encoding="utf-8")).refs:
            if re.match(r"^[a-z]+:", value):
                continue
            target = value.split("#", 1)[0]
            if target:
                assert (page.parent / target).resolve().exists(), f"{page.relative_to(site)}: {tag} -> {value}"


def test_no_page_loads_anything_from_elsewhere(site: Path) -> None:
    # Only <a> may point outside the site (a reference a reader may follow); nothing is loaded
    # from an absolute address, and no stylesheet or script has one.
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js"):
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".html":
                for tag, attr, value in _parse(text).refs:
                    if tag != "a":
                        assert not re.match(r"^([a-z]+:)?//|^[a-z]+:", value), f"{path.name}: <{tag} {attr}={value}>"
            else:
                assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import|https?://", text), path.name


def test_claim_pages_show_statement_hypotheses_proof_and_references(site: Path) -> None:
    bib = parse_bib((ROOT / "paper" / "references.bib").read_text(encoding="utf-8"))
    for claim in CATALOGUE:
        text = " ".join(" ".join(_parse((site / "claims" / f"{claim.id}.html").read_text(encoding="utf-8")).text).split())
        assert " ".join(claim.statement.split()) in text, claim.id
        assert " ".join(claim.proof.split()) in text, claim.id
        for hypothesis in claim.hypotheses:
            assert hypothesis.name in text and " ".join(hypothesis.statement.split()) in text, (claim.id, hypothesis.name)
        for key in claim.references:  # a key missing from the .bib is shown as the key itself
            assert (bib[key]["title"] if key in bib else key) in text, (claim.id, key)
        assert ("Proof" if claim.expected == "holds" else "Why it fails") in text
        hrefs = {value for tag, _, value in _parse((site / "claims" / f"{claim.id}.html").read_text(encoding="utf-8")).refs}
        for other in claim.when_hypotheses_drop:  # each false belief that drops a hypothesis is linked
            assert f"{other}.html" in hrefs, (claim.id, other)


def test_a_refuted_claim_page_shows_the_call_its_values_and_a_playground_link(site: Path) -> None:
    prove = json.loads(PROVE_JSON.read_text(encoding="utf-8"))
    shown = 0
    for result in prove["results"]:
        counterexample = result["counterexample"]
        if not counterexample:
            continue
        claim = next(c for c in CATALOGUE if c.id == result["id"])
        html = (site / "claims" / f"{claim.id}.html").read_text(encoding="utf-8")
        text = " ".join(_parse(html).text)
        for name in counterexample["values"]:
            assert name in text, (claim.id, name)
        assert repr(counterexample["y_true"]) in text, claim.id
        labels = [*counterexample["y_true"], *counterexample["y_pred"], *(counterexample["labels"] or [])]
        if counterexample["sample_weight"] is None and all(isinstance(x, int) and 0 <= x < 8 for x in labels):
            assert "playground.html#matrix=" in html, claim.id  # a counted single-label dataset: a matrix
            shown += 1
    assert shown >= 5


def test_the_pasteable_call_imports_every_function_it_calls() -> None:
    from metricproofs.site.pages import _call_text

    class Claim:
        call = staticmethod(lambda data: f"precision_score({data.y_true!r}, [1]) == recall_score({data.y_true!r}, [1])")

    text = _call_text(Claim, {"y_true": [0], "y_pred": [1], "labels": None, "sample_weight": None})
    assert text == "from sklearn.metrics import precision_score, recall_score\n" \
                   "precision_score([0], [1]) == recall_score([0], [1])"


def test_single_label_matrix_counts_by_hand() -> None:
    # y_true = [0, 1, 2, 2], y_pred = [0, 1, 0, 2]: one each on the diagonal, one (2 -> 0) off it
    got = single_label_matrix({"y_true": [0, 1, 2, 2], "y_pred": [0, 1, 0, 2], "labels": None, "sample_weight": None})
    assert got is not None and got.matrix == [[1, 0, 0], [0, 1, 0], [1, 0, 1]] and got.labels is None
    weighted = single_label_matrix({"y_true": [1, 1, 0], "y_pred": [1, 0, 0], "labels": [1], "sample_weight": [2.0, 3, 4]})
    assert weighted is not None and weighted.matrix == [[4, 0], [3, 2]] and weighted.labels == [1]
    assert single_label_matrix({"y_true": [0, 1], "y_pred": [1, 1], "labels": None, "sample_weight": [0.5, 1]}) is None
    assert single_label_matrix({"y_true": [[1, 0]], "y_pred": [[1, 1]], "labels": None, "sample_weight": None}) is None
    assert single_label_matrix({"y_true": [9], "y_pred": [0], "labels": None, "sample_weight": None}) is None
    assert single_label_matrix(None) is None


def test_playground_address_is_the_contract_fragment() -> None:
    assert playground_href([[3, 1, 0], [2, 4, 1], [0, 0, 5]], [0, 2]) == "playground.html#matrix=3,1,0;2,4,1;0,0,5&labels=0,2"
    assert playground_href([[1, 0], [0, 1]], [0, 1]) == "playground.html#matrix=1,0;0,1"
    assert playground_href([[1, 0], [0, 1]], None, root="../") == "../playground.html#matrix=1,0;0,1"


def test_references_read_like_references() -> None:
    bib = parse_bib((ROOT / "paper" / "references.bib").read_text(encoding="utf-8"))
    assert "Sch\u00fctze" in bib["manning2008"]["author"]
    assert "Bj\u00f8rner" in bib["demoura2008"]["author"]
    assert "\u010cert\u00edk" in bib["meurer2017"]["author"]
    sokolova = reference_parts(bib["sokolova2009"])
    assert sokolova["authors"] == "Marina Sokolova and Guy Lapalme"
    assert sokolova["link"] == "https://doi.org/10.1016/j.ipm.2009.03.002"
    assert sokolova["venue"] == "Information Processing & Management 45(4), 427\u2013437"
    assert reference_parts(bib["opitz2019"])["link"] == "https://arxiv.org/abs/1911.03347"
    assert reference_parts(bib["meurer2017"])["authors"] == "Aaron Meurer et al."
    assert latex_to_text(r"Macro {F1} and Ga{\"e}l, {\'E}douard \& f1\_score") == "Macro F1 and Ga\u00ebl, \u00c9douard & f1_score"


def test_site_verb_writes_from_results_and_refuses_bad_input(tmp_path: Path) -> None:
    committed = json.loads(PROVE_JSON.read_text(encoding="utf-8"))
    settled = {**committed, "results": [r for r in committed["results"] if r["verdict"] in ("proved", "refuted")]}
    results = tmp_path / "settled.json"
    results.write_text(json.dumps(settled), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run(["site", str(tmp_path / "s"), "--results", str(results)], out, err) == 0, err.getvalue()
    assert (tmp_path / "s" / "index.html").is_file() and (tmp_path / "s" / "playground.html").is_file()
    assert json.loads((tmp_path / "s" / "prove.json").read_text(encoding="utf-8")) == settled
    # exit codes follow the verdicts shown: 3 with an unknown, 1 with a verdict against expectation
    first = settled["results"][0]
    for verdict, code in (("unknown", 3), ("refuted" if first["expected"] == "holds" else "proved", 1)):
        changed = {**settled, "results": [{**first, "verdict": verdict}, *settled["results"][1:]]}
        results.write_text(json.dumps(changed), encoding="utf-8")
        err = io.StringIO()
        assert run(["site", str(tmp_path / "u"), "--results", str(results)], io.StringIO(), err) == code
        assert err.getvalue().count("\n") == 1
        results.write_text(json.dumps(settled), encoding="utf-8")
    # a second run replaces the first, here from the results the first one saved
    saved = tmp_path / "saved.json"
    saved.write_text((tmp_path / "s" / "prove.json").read_text(encoding="utf-8"), encoding="utf-8")
    assert run(["site", str(tmp_path / "s"), "--results", str(saved)], io.StringIO(), io.StringIO()) == 0

    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine", encoding="utf-8")
    cases = [
        (["site", str(tmp_path / "t"), "--results", str(tmp_path / "missing.json")], "cannot read --results"),
        (["site", str(tmp_path / "t"), "--results", str(tmp_path / "bad.json")], "is not JSON"),
        (["site", str(tmp_path / "other"), "--results", str(PROVE_JSON)], "is not empty and holds no earlier site"),
    ]
    for argv, words in cases:
        err = io.StringIO()
        assert run(argv, io.StringIO(), err) == 2
        assert words in err.getvalue() and err.getvalue().count("\n") == 1, err.getvalue()
    assert (tmp_path / "other" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_site_assets_are_package_data() -> None:
    from importlib import resources

    for name in ("site.css", "playground.js"):
        assert (resources.files("metricproofs.site") / "assets" / name).is_file(), name
