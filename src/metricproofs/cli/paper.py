"""``metricproofs paper [--dir DIR] [--no-pdf]``: regenerate the paper's fragments, build the PDF."""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path
from typing import TextIO

from metricproofs.errors import UsageError

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``metricproofs paper [--dir DIR] [--no-pdf]``.

    Proves every claim, writes ``DIR/generated/prove.json``, ``context.json`` and the
    ``.tex`` fragments, then builds ``DIR/paper.pdf`` with latexmk (unless ``--no-pdf``).
    Exit codes: 0 built and every verdict as expected; 1 a verdict contradicts
    expectation or the LaTeX build failed; 2 usage error or latexmk missing;
    3 some verdict unknown.
    """
    from metricproofs import paper

    paper_dir = Path(getattr(args, "dir", "paper") or "paper")
    no_pdf = bool(getattr(args, "no_pdf", False))
    if not (paper_dir / "paper.tex").is_file():
        raise UsageError(f"no paper.tex in --dir {str(paper_dir)!r}; expected the repository's paper/ directory")
    if not no_pdf and shutil.which("latexmk") is None:
        print(
            f"metricproofs paper: latexmk not found; install the Debian packages {paper.LATEXMK_PACKAGES} "
            "(or pass --no-pdf to only regenerate the fragments)",
            file=err,
        )
        return 2

    from metricproofs.provers import prove

    start = time.perf_counter()
    report = prove()
    wall = time.perf_counter() - start
    prove_json = report.to_json()

    generated = paper_dir / "generated"
    files = paper.write_generated(paper_dir, prove_json, prove_wall_seconds=wall)
    results = prove_json["results"]
    unexpected = [r["id"] for r in results if not paper.as_expected(r) and r["verdict"] not in ("unknown",)]
    unknown = [r["id"] for r in results if r["verdict"] == "unknown"]
    print(f"proved/refuted {len(results)} claims in {wall:.1f} s; wrote {len(files)} files to {generated}", file=out)

    code = 0
    if not no_pdf:
        code, seconds = paper.build_pdf(paper_dir, err)
        if code == 0:
            pages = paper.pdf_pages(paper_dir / "paper.pdf")
            print(f"built {paper_dir / 'paper.pdf'}" + (f" ({pages} pages)" if pages else "")
                  + f" in {seconds:.1f} s", file=out)
    if unexpected:
        print(f"metricproofs paper: verdicts contradict expectation for: {', '.join(unexpected)}", file=err)
        return 1
    if code:
        return code
    if unknown:
        print(f"metricproofs paper: unknown verdicts for: {', '.join(unknown)}", file=err)
        return 3
    return 0
