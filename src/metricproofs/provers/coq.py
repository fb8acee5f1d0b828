"""Method ``coq``: the Coq development in proofs/coq, built once per process and read back.

A theorem is tied to a claim by a tag in its source, ``(* catalogue: id *)``; the claim
counts as proved by Coq when a tagged theorem states the claim itself and its
``Print Assumptions`` answer is "Closed under the global context" (no axiom, no admit).
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from metricproofs.catalogue import Claim
from metricproofs.provers.results import MethodResult

__all__ = ["coq_dir", "coq_theorems", "check_with_coq", "CLOSED", "COQ_MAIN"]

METHOD_COQ = "coq"
CLOSED = "Closed under the global context"
COQ_MAIN = "MicroAveraging.v"


def coq_dir() -> Path | None:
    """proofs/coq of the source tree this package runs from (editable install), if present."""
    import metricproofs

    folder = Path(metricproofs.__file__).resolve().parents[2] / "proofs" / "coq"
    return folder if (folder / "_CoqProject").is_file() else None


def coq_theorems(source: str) -> dict[str, list[tuple[str, str]]]:
    """Catalogue id -> [(theorem, qualifier)] from ``(* catalogue: id, id (qualifier) *)`` tags.

    A qualifier in brackets after an id (e.g. "natural weights") marks a theorem that proves
    a special case or a reading of the claim; it is kept so the detail can say which.
    """
    found: dict[str, list[tuple[str, str]]] = {}
    pattern = re.compile(r"\b(?:Theorem|Corollary|Lemma)\s+([\w']+)\s*\(\*\s*catalogue:(.*?)\*\)", re.S)
    for match in pattern.finditer(source):
        name, tag = match.group(1), " ".join(match.group(2).split())
        for part in re.finditer(r"([a-z0-9]+(?:-[a-z0-9]+)+)\s*(?:\(([^)]*)\))?", tag):
            found.setdefault(part.group(1), []).append((name, part.group(2) or ""))
    return found


#: Qualifiers that restate the claim on samples rather than restricting it.
FULL_READINGS = {"", "samples", "weighted samples"}


@functools.lru_cache(maxsize=1)
def _coq_build(folder: str) -> tuple[dict[str, str], str]:
    """Build a temporary copy of proofs/coq once; theorem -> its Print Assumptions answer.

    The second item is an error text ("" when the build succeeded)."""
    coqc = shutil.which("coqc")
    assert coqc is not None
    source = Path(folder)
    files = [ln.strip() for ln in (source / "_CoqProject").read_text().splitlines() if ln.strip().endswith(".v")]
    with tempfile.TemporaryDirectory(prefix="metricproofs-coq-") as tmp:
        shutil.copy(source / "_CoqProject", tmp)
        outputs = {}
        for name in files:
            shutil.copy(source / name, tmp)
        for name in files:
            try:
                proc = subprocess.run([coqc, "-q", "-R", ".", "MetricProofs", name], cwd=tmp,
                                      capture_output=True, text=True, timeout=600)
            except subprocess.TimeoutExpired:
                return {}, f"coqc {name} timed out"
            if proc.returncode != 0:
                return {}, f"coqc {name} failed: {(proc.stdout + proc.stderr).strip()[:300]}"
            outputs[name] = proc.stdout
    main = (source / COQ_MAIN).read_text()
    printed = re.findall(r"Print\s+Assumptions\s+([\w.']+)\s*\.", _strip_coq_comments(main))
    blocks = _assumption_blocks(outputs.get(COQ_MAIN, ""))
    if len(blocks) != len(printed):
        return {}, f"{len(printed)} Print Assumptions commands but {len(blocks)} answers"
    return dict(zip(printed, blocks)), ""


def _strip_coq_comments(text: str) -> str:
    out, depth, i = [], 0, 0
    while i < len(text):
        two = text[i:i + 2]
        if two == "(*":
            depth, i = depth + 1, i + 2
        elif depth and two == "*)":
            depth, i = depth - 1, i + 2
        else:
            if depth == 0:
                out.append(text[i])
            i += 1
    return "".join(out)


def _assumption_blocks(output: str) -> list[str]:
    blocks: list[list[str]] = []
    for line in output.splitlines():
        if not line.strip():
            continue
        if line == CLOSED or (line.endswith(":") and not line.startswith(" ")) or not blocks:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return ["\n".join(b) for b in blocks]


def check_with_coq(claim: Claim) -> MethodResult | None:
    """Method ``coq``: the theorems tagged with the claim's id are closed (no axiom, no admit).

    ``proved`` (every k: ``max_classes`` None) when some theorem states the claim itself;
    ``unknown`` when the tagged theorems prove only a special case (the detail says which).
    ``None`` when coqc is not on PATH, proofs/coq is absent, or no theorem names the claim.
    """
    folder = coq_dir()
    if folder is None or shutil.which("coqc") is None:
        return None
    tagged = coq_theorems((folder / COQ_MAIN).read_text()).get(claim.id)
    if not tagged:
        return None
    start = time.perf_counter()
    answers, problem = _coq_build(str(folder))
    seconds = time.perf_counter() - start
    if problem:
        return MethodResult(METHOD_COQ, "error", seconds, None, f"Coq build failed: {problem}")
    names = ", ".join(f"{n} ({q})" if q else n for n, q in tagged)
    open_ = [n for n, _ in tagged if answers.get(n) != CLOSED]
    if open_:
        missing = [n for n in open_ if n not in answers]
        what = "has no Print Assumptions" if missing else "is not closed (rests on an axiom or admit)"
        return MethodResult(METHOD_COQ, "error", seconds, None, f"Coq theorem {', '.join(open_)} {what}")
    full = [n for n, q in tagged if q in FULL_READINGS]
    if full:
        return MethodResult(METHOD_COQ, "proved", seconds, None,
                            f"Coq theorems {names}: closed under the global context, for every k", scope="every k")
    return MethodResult(METHOD_COQ, "unknown", seconds, None,
                        f"Coq proves a special case only: {names} (closed); not counted as a proof of the claim")
