"""Writing paper/generated/ and building the PDF with latexmk."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any, Mapping, TextIO

from metricproofs.paper.fragments import render_fragments
from metricproofs.paper.inputs import compute_context, compute_worked_example

__all__ = ["LATEXMK_PACKAGES", "write_generated", "render_from_directory", "load_catalogue_and_definitions",
           "build_pdf", "pdf_pages"]

#: the Debian packages that give latexmk and the LaTeX classes the paper uses
LATEXMK_PACKAGES = "latexmk texlive-latex-base texlive-latex-recommended texlive-latex-extra"


def _dump_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, indent=2) + "\n"


def load_catalogue_and_definitions() -> tuple[dict[str, Any], list[tuple[str, str]]]:
    from metricproofs.catalogue import catalogue_json
    from metricproofs.definitions import latex_definitions

    return catalogue_json(), [(str(name), str(latex)) for name, latex in latex_definitions()]


def load_conformance(paper_dir: Path) -> dict[str, Any] | None:
    """conformance/RESULTS.json beside the paper directory (the repository's), if there is one."""
    path = Path(paper_dir).resolve().parent / "conformance" / "RESULTS.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def render_from_directory(paper_dir: Path) -> dict[str, str]:
    """Re-render the fragments from the committed ``prove.json`` and ``context.json``."""
    generated = Path(paper_dir) / "generated"
    prove_json = json.loads((generated / "prove.json").read_text(encoding="utf-8"))
    context_path = generated / "context.json"
    context = json.loads(context_path.read_text(encoding="utf-8")) if context_path.exists() else None
    catalogue, definitions = load_catalogue_and_definitions()
    return render_fragments(prove_json, catalogue, definitions, compute_worked_example(), context,
                            load_conformance(paper_dir))


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
    fragments = render_fragments(prove_json, catalogue, definitions, compute_worked_example(), context,
                                 load_conformance(paper_dir))
    files = {"prove.json": _dump_json(prove_json), "context.json": _dump_json(context), **fragments}
    for name, text in files.items():
        (generated / name).write_text(text, encoding="utf-8")
    return files
