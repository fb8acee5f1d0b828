"""The citation metadata: CITATION.cff is valid CFF 1.2.0 for this version, and
``metricproofs cite`` prints version-pinned, well-formed citations."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from metricproofs import citation
from metricproofs._version import __version__
from metricproofs.cli import run

ROOT = Path(__file__).resolve().parents[2]
CFF = ROOT / "CITATION.cff"


def _top_level_keys(text: str) -> dict[str, str]:
    """Top-level ``key: value`` pairs of a simple YAML file (no yaml dependency)."""
    keys = {}
    for line in text.splitlines():
        if not line or line.startswith((" ", "#", "-")):
            continue
        key, sep, value = line.partition(":")
        assert sep, f"not a 'key: value' line in CITATION.cff: {line!r}"
        keys[key] = value.strip().strip('"')
    return keys


def _block(text: str, key: str) -> list[str]:
    """The indented lines under a top-level ``key:``."""
    lines = text.splitlines()
    start = lines.index(f"{key}:") + 1
    block = []
    for line in lines[start:]:
        if line and not line.startswith(" "):
            break
        block.append(line)
    return block


def test_cff_has_required_keys_and_package_version():
    text = CFF.read_text(encoding="utf-8")
    keys = _top_level_keys(text)
    for required in ("cff-version", "message", "title", "authors", "version", "license",
                     "keywords", "preferred-citation"):
        assert required in keys, f"CITATION.cff lacks {required!r}"
    assert keys["cff-version"] == "1.2.0"
    assert keys["version"] == __version__
    assert keys["license"] == "MIT"
    assert any("name:" in line for line in _block(text, "authors"))


def test_cff_preferred_citation_points_at_the_paper():
    text = CFF.read_text(encoding="utf-8")
    block = "\n".join(_block(text, "preferred-citation"))
    assert re.search(r"^  type: (article|report)$", block, re.M)
    assert "year: 2026" in block
    assert citation.PAPER_TITLE in block
    tex = (ROOT / "paper" / "paper.tex").read_text(encoding="utf-8")
    title = re.search(r"\\title\{(.*?)\}\n\\author", tex, re.S).group(1)
    flat = re.sub(r"\$F_1\$", "F1", re.sub(r"\\\\\s*", " ", title)).strip()
    assert flat == citation.PAPER_TITLE, "paper.tex's title and the citation's title differ"


def test_cff_file_is_what_cite_prints():
    assert CFF.read_text(encoding="utf-8") == citation.cff(__version__)


def _cite(fmt: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["cite", "--format", fmt], out=out, err=err)
    assert err.getvalue() == ""
    return code, out.getvalue()


def test_bibtex_is_balanced_and_version_pinned():
    code, text = _cite("bibtex")
    assert code == 0
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0, "a closing brace without an opening one"
    assert depth == 0, "unbalanced braces in the BibTeX output"
    entries = re.findall(r"^@(\w+)\{([^,]+),", text, re.M)
    assert [kind for kind, _ in entries] == ["misc", "techreport"]
    assert __version__ in text
    assert f"version      = {{{__version__}}}" in text


def test_default_format_is_bibtex():
    out = io.StringIO()
    assert run(["cite"], out=out, err=io.StringIO()) == 0
    assert out.getvalue() == citation.bibtex(__version__)


@pytest.mark.parametrize("fmt", ["apa", "cff"])
def test_other_formats_carry_the_version(fmt):
    code, text = _cite(fmt)
    assert code == 0
    assert __version__ in text


def test_unknown_format_is_a_usage_error():
    err = io.StringIO()
    assert run(["cite", "--format", "mla"], out=io.StringIO(), err=err) == 2
    assert err.getvalue().count("\n") == 1
