"""The confusion matrix as a picture: TP on the diagonal, FP and FN in the margins, the identity below.

Summary
    :func:`write_plot` draws a :class:`~metricproofs.scoring.report.Report` with matplotlib
    (the ``plot`` extra), as PNG or SVG by the file's extension: the matrix as a heatmap
    (rows true, columns predicted; the diagonal, TP, in blue and outlined; errors in red),
    each label's FN (its row without the diagonal) as a bar on the right, each label's FP
    (its column without the diagonal) as a bar below, and a caption stating
    sum FP = sum FN = errors = N - trace with this data's numbers. Every number shown
    comes from the report. Up to :data:`ALL_LABELS` labels every label is named; beyond,
    the :data:`TOP_LABELS` labels with the most rows are named and the rest drawn unnamed.

    The picture is written to a temporary file beside the target and renamed into place,
    so an error never leaves a half-written file; :func:`check_plot_path` refuses a bad
    target before any data is read.

Main definitions
    :func:`check_plot_path`, :func:`write_plot`.
"""

from __future__ import annotations

import os
import tempfile
from typing import TYPE_CHECKING, Any

import numpy as np

from metricproofs.errors import InputError

if TYPE_CHECKING:
    from metricproofs.scoring.report import Report

__all__ = ["check_plot_path", "write_plot", "ALL_LABELS", "TOP_LABELS"]

ALL_LABELS = 50
TOP_LABELS = 20
_FORMATS = {".png": "png", ".svg": "svg"}
_TP_COLOUR, _ERROR_COLOUR, _INK = "#2b6cb0", "#c53030", "#1a202c"


def check_plot_path(path: str) -> str:
    """The output format ('png' or 'svg') for ``path``, or an InputError saying what to fix."""
    fmt = _FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt is None:
        raise InputError(f"--plot {path!r}: the file name must end in .png or .svg")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputError(f"--plot {path!r}: the folder {folder!r} does not exist; create it first")
    if os.path.isdir(path):
        raise InputError(f"--plot {path!r} is a directory; give a file name ending in .png or .svg")
    if not os.access(folder, os.W_OK):
        raise InputError(f"--plot {path!r}: the folder {folder!r} is not writable")
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise InputError("--plot needs matplotlib: pip install 'metricproofs[plot]'") from None
    return fmt


def _short(label: Any, width: int = 14) -> str:
    text = str(label)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _number(x: Any) -> str:
    """Counts as integers with thousands separators, weights with 4 significant digits."""
    if isinstance(x, (int, np.integer)):
        return f"{int(x):,}"
    return f"{float(x):,.4g}"


def _caption(report: "Report") -> str:
    fp, fn = sum(report.fp), sum(report.fn)
    micro = report.accuracy.text().replace(" = ", " \u2248 ") if report.accuracy.fraction else report.accuracy.text()
    return (f"\u03a3 FP = {_number(fp)}   =   \u03a3 FN = {_number(fn)}   =   errors = N \u2212 trace = "
            f"{_number(report.total)} \u2212 {_number(report.correct)} = {_number(report.errors)}\n"
            f"so micro precision = micro recall = micro F1 = accuracy = {micro}")


def _figure(report: "Report") -> Any:
    """The matplotlib figure of the report (Agg canvas, no display needed)."""
    from matplotlib.colors import LinearSegmentedColormap, PowerNorm
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    m = np.asarray(report.matrix, dtype=np.float64)
    k = m.shape[0]
    fp, fn = np.asarray(report.fp, dtype=np.float64), np.asarray(report.fn, dtype=np.float64)
    named = list(range(k)) if k <= ALL_LABELS else sorted(np.argsort(-np.asarray(report.support, dtype=float),
                                                                     kind="stable")[:TOP_LABELS].tolist())
    side = min(9.0, 3.2 + 0.16 * k)  # inches of the matrix itself
    fig = Figure(figsize=(side + 3.2, side + 3.4), dpi=150, layout="constrained")
    grid = fig.add_gridspec(2, 2, width_ratios=(side, 1.6), height_ratios=(side, 1.6))
    ax = fig.add_subplot(grid[0, 0])
    ax_fn = fig.add_subplot(grid[0, 1], sharey=ax)
    ax_fp = fig.add_subplot(grid[1, 0], sharex=ax)

    diag = np.eye(k, dtype=bool)
    blues = LinearSegmentedColormap.from_list("tp", ["#ebf4ff", _TP_COLOUR])
    reds = LinearSegmentedColormap.from_list("err", ["#ffffff", "#feb2b2", _ERROR_COLOUR])
    off = np.ma.masked_where(diag | (m == 0), m)
    on = np.ma.masked_where(~diag, m)
    top_err = float(off.max()) if off.count() else 1.0
    ax.imshow(np.zeros_like(m), cmap="Greys", vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    ax.imshow(off, cmap=reds, norm=PowerNorm(0.5, vmin=0, vmax=top_err), aspect="auto", interpolation="nearest")
    ax.imshow(on, cmap=blues, vmin=0, vmax=max(float(on.max()), 1e-12), aspect="auto", interpolation="nearest")
    if k <= ALL_LABELS:  # thin white lines between cells, the diagonal outlined
        ax.set_xticks(np.arange(-0.5, k, 1), minor=True)
        ax.set_yticks(np.arange(-0.5, k, 1), minor=True)
        ax.grid(which="minor", color="white", linewidth=1.5 if k <= 12 else 0.4)
        ax.tick_params(which="minor", length=0)
        for j in range(k):
            ax.add_patch(Rectangle((j - 0.5, j - 0.5), 1, 1, fill=False, edgecolor=_INK, linewidth=1.4 if k <= 12 else 0.7))
    else:
        ax.plot([-0.5, k - 0.5], [-0.5, k - 0.5], color=_INK, linewidth=0.6, alpha=0.5)
    if k <= 12:
        size = 13 if k <= 5 else 10
        for i in range(k):
            for j in range(k):
                if m[i, j] or i == j:
                    light = (i == j and m[i, j] > 0.55 * on.max()) or (i != j and m[i, j] > 0.6 * top_err)
                    ax.text(j, i, _number(report.matrix[i, j]), ha="center", va="center", fontsize=size,
                            color="white" if light else _INK, fontweight="bold" if i == j else "normal")
    tick_size = 12 if k <= 5 else 10 if k <= 15 else 8 if k <= 30 else 7
    labels = [_short(report.labels[j]) for j in named]
    ax.set_xticks(named, labels, fontsize=tick_size, rotation=0 if k <= 8 and max(map(len, labels)) <= 4 else 90)
    ax.set_yticks(named, labels, fontsize=tick_size)
    ax.xaxis.set_ticks_position("top")
    ax.xaxis.set_label_position("top")
    some = "" if k <= ALL_LABELS else f"  (the {TOP_LABELS} labels with the most true rows are named)"
    ax.set_xlabel("predicted label" + some, fontsize=12, color=_INK, labelpad=8)
    ax.set_ylabel("true label", fontsize=12, color=_INK)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)

    rows = np.arange(k)
    ax_fn.barh(rows, fn, height=0.7, color=_ERROR_COLOUR, alpha=0.85)
    ax_fp.bar(rows, fp, width=0.7, color=_ERROR_COLOUR, alpha=0.85)
    ax_fn.set_xlim(0, max(float(fn.max()), 1e-12) * (1.45 if k <= 25 else 1.05))
    ax_fp.set_ylim(0, max(float(fp.max()), 1e-12) * (1.35 if k <= 25 else 1.05))
    ax_fp.invert_yaxis()  # bars hang below the columns they sum
    if k <= 25:
        size = 10 if k <= 10 else 7
        for i in range(k):
            ax_fn.text(fn[i], i, " " + _number(report.fn[i]), va="center", ha="left", fontsize=size, color=_INK)
            ax_fp.text(i, fp[i], _number(report.fp[i]), ha="center", va="top", fontsize=size, color=_INK,
                       rotation=0 if k <= 10 else 90)
    ax_fn.set_title("FN per label\n(row sum without\nthe diagonal)", fontsize=10, color=_INK)
    ax_fp.set_ylabel("FP per label\n(column sum\nwithout the\ndiagonal)", fontsize=10, color=_INK)
    for a in (ax_fn, ax_fp):
        a.tick_params(which="both", length=0, labelleft=False, labeltop=False, labelbottom=False)
        for spine in a.spines.values():
            spine.set_visible(False)

    fig.suptitle(f"Confusion matrix: {os.path.basename(report.source.name)}  ({len(report.labels)} labels, "
                 f"N = {_number(report.total)})", fontsize=13, color=_INK)
    ax_caption = fig.add_subplot(grid[1, 1])
    ax_caption.axis("off")
    ax_caption.text(0.0, 0.5, "blue: TP (diagonal)\nred: errors\n(darker = more)", fontsize=9, color=_INK,
                    va="center", transform=ax_caption.transAxes)
    fig.text(0.5, 0.005, _caption(report), ha="center", va="bottom", fontsize=11, color=_INK,
             bbox={"boxstyle": "round,pad=0.5", "facecolor": "#f7fafc", "edgecolor": "#cbd5e0"})
    fig.get_layout_engine().set(h_pad=0.12, rect=(0, 0.07, 1, 0.93))
    return fig


def write_plot(report: "Report", path: str) -> None:
    """Write the picture to ``path`` (.png or .svg), atomically: a temporary file, then rename."""
    fmt = check_plot_path(path)
    fig = _figure(report)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, tmp = tempfile.mkstemp(prefix=".plot-", suffix=f".{fmt}", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write the plot {path!r}: {exc.strerror or exc}") from None
    try:
        import matplotlib

        # SVG keeps its text as text (searchable, editable on a slide), not as outlines
        with os.fdopen(handle, "wb") as out, matplotlib.rc_context({"svg.fonttype": "none"}):
            fig.savefig(out, format=fmt, facecolor="white")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would make the picture private
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write the plot {path!r}: {exc.strerror or exc}") from None
        raise
