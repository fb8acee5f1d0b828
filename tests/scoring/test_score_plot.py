"""``score --plot``: real PNG and SVG files drawn by matplotlib.

What they protect: the picture is written (PNG by signature and size, SVG as parseable XML
whose text holds the caption's numbers and the label names); the caption states sum FP =
sum FN = errors with the seed's hand-counted numbers (4, 4, 9 - 5 = 4, 5/9); with more than
ALL_LABELS labels only the TOP_LABELS labels with most rows are named.
"""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from metricproofs.cli import run
from metricproofs.scoring import plot, score

SEED_CSV = "true,pred\n" + "".join(f"{t},{p}\n" for t, p in zip("AAAABBCCC", "AABCABBCC"))


def svg_text(path: Path) -> str:
    """All text of an SVG file, joined by spaces (it must parse as XML)."""
    return " ".join(" ".join(el.itertext()) for el in ET.parse(path).getroot().iter())


@pytest.mark.slow
def test_seed_png_and_svg_from_the_cli(tmp_path: Path) -> None:
    data = tmp_path / "seed.csv"
    data.write_text(SEED_CSV, encoding="utf-8")
    for name in ("cm.png", "cm.svg"):
        out, err = io.StringIO(), io.StringIO()
        assert run(["score", str(data), "--true", "true", "--pred", "pred", "--plot", str(tmp_path / name)], out, err) == 0
        assert err.getvalue() == "" and "accuracy: 5/9" in out.getvalue()
    png = (tmp_path / "cm.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 900 and height >= 900
    text = svg_text(tmp_path / "cm.svg")
    # seed: sum FP = 4 = sum FN = 4 = errors = N - trace = 9 - 5 = 4; micro = accuracy = 5/9
    for piece in ("\u03a3 FP = 4", "\u03a3 FN = 4", "9 \u2212 5 = 4", "5/9", "FN per label", "FP per label"):
        assert piece in text
    assert {"A", "B", "C"} <= set(text.split())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".plot-")]


@pytest.mark.slow
@pytest.mark.parametrize("k", [50, 120])
def test_many_labels_name_all_or_the_top_ones(tmp_path: Path, k: int) -> None:
    rng = np.random.default_rng(k)
    # label i occurs about i + 1 times as truth, so the top labels by support are the largest
    t = np.repeat(np.arange(k), np.arange(1, k + 1))
    p = np.where(rng.random(t.size) < 0.7, t, rng.integers(0, k, t.size))
    names = [f"L{i:03d}" for i in range(k)]
    report = score(pd.DataFrame({"t": [names[i] for i in t], "p": [names[i] for i in p]}), true="t", pred="p")
    report.plot(str(tmp_path / "cm.svg"))
    shown = {w for w in svg_text(tmp_path / "cm.svg").split() if w.startswith("L") and w[1:].isdigit()}
    expected = names if k <= plot.ALL_LABELS else names[-plot.TOP_LABELS:]
    assert shown == set(expected)
