"""The site's build step: gather the inputs from the source tree, render, write a folder.

Summary
    :func:`gather` reads what the pages need besides the prove results: the catalogue,
    paper/references.bib, the certificate files under proofs/smt2 and the tagged theorems of
    proofs/coq, and the worked example. :func:`render_site` turns a :class:`SiteInputs` and
    the texts of those files into ``{relative path: text}``; :func:`write_site` writes them.
    Run from an installed wheel without the repository, the site still has every claim
    page, with reference keys instead of full references and no certificate files.
"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from metricproofs.errors import UsageError
from metricproofs.site.bib import parse_bib
from metricproofs.site.inputs import SiteInputs
from metricproofs.site.pages import claim_page, claim_path, index_page, source_page
from metricproofs.site.playground import playground_page

__all__ = ["source_tree", "gather", "render_site", "write_site", "ASSETS", "MARKER"]

ASSETS = ("site.css", "playground.js")
#: written into every site folder, so that a second run may replace what the first wrote
MARKER = ".metricproofs-site"
_OWNED = ("index.html", "playground.html", "prove.json", "claims", "certificates", "coq", "assets", MARKER)


def source_tree() -> Path | None:
    """The repository this package runs from (an editable install), or the current folder if it is one."""
    import metricproofs

    for root in (Path(metricproofs.__file__).resolve().parents[2], Path.cwd()):
        if (root / "paper" / "references.bib").is_file() or (root / "proofs").is_dir():
            return root
    return None


def gather(prove: Mapping[str, Any], results_note: str, root: Path | None = None) -> tuple[SiteInputs, dict[str, str]]:
    """The inputs of the pages, and the texts of the files they show (``certificates/..``, ``coq/..``)."""
    from metricproofs._version import __version__
    from metricproofs.catalogue import CATALOGUE
    from metricproofs.examples import worked_example

    root = source_tree() if root is None else root
    bib: dict[str, dict[str, str]] = {}
    certificates: dict[str, list[str]] = {}
    coq: dict[str, list[tuple[str, str, str]]] = {}
    coq_files: list[str] = []
    texts: dict[str, str] = {}
    if root is not None:
        bib_file = root / "paper" / "references.bib"
        if bib_file.is_file():
            bib = parse_bib(bib_file.read_text(encoding="utf-8"))
        smt2 = root / "proofs" / "smt2"
        for claim in CATALOGUE:
            folder = smt2 / claim.id
            if folder.is_dir():
                names = sorted(path.name for path in folder.glob("*.smt2"))
                certificates[claim.id] = [f"{claim.id}/{name}" for name in names]
                for name in names:
                    texts[f"certificates/{claim.id}/{name}"] = (folder / name).read_text(encoding="utf-8")
        coq_dir = root / "proofs" / "coq"
        if coq_dir.is_dir():
            from metricproofs.provers.coq import coq_theorems

            for path in sorted(coq_dir.glob("*.v")):
                source = path.read_text(encoding="utf-8")
                coq_files.append(path.name)
                texts[f"coq/{path.name}"] = source
                for claim_id, theorems in coq_theorems(source).items():
                    coq.setdefault(claim_id, []).extend((name, qualifier, path.name) for name, qualifier in theorems)
    inputs = SiteInputs(claims=CATALOGUE, prove=prove, version=__version__, results_note=results_note, bib=bib,
                        certificates=certificates, coq=coq, coq_files=tuple(coq_files), worked=worked_example())
    return inputs, texts


def _asset(name: str) -> str:
    return (resources.files("metricproofs.site") / "assets" / name).read_text(encoding="utf-8")


def render_site(inputs: SiteInputs, texts: Mapping[str, str]) -> dict[str, str]:
    """Every file of the site: relative path -> text."""
    files: dict[str, str] = {
        "index.html": index_page(inputs),
        "playground.html": playground_page(inputs),
        MARKER: "This folder was written by 'metricproofs site'; a second run replaces it.\n",
        #: the results the pages show, so that 'metricproofs site DIR --results prove.json' re-renders them
        "prove.json": json.dumps(inputs.prove, indent=1) + "\n",
    }
    for claim in inputs.claims:
        files[claim_path(claim.id)] = claim_page(inputs, claim)
    for name in ASSETS:
        files[f"assets/{name}"] = _asset(name)
    for rel, text in texts.items():
        name = rel.rsplit("/", 1)[-1]
        root = "../" * rel.count("/")
        if rel.startswith("certificates/"):
            how = ("An SMT-LIB2 certificate. Save the raw file and run z3 or cvc5 on it; its header says which "
                   "answer it must get.")
        else:
            how = "A file of the Coq development (proofs/coq); make -C proofs/coq builds and checks it."
        files[rel] = text
        files[rel + ".html"] = source_page(inputs, rel.split("/", 1)[1], text, root=root, raw_name=name, how=how)
    return files


def write_site(directory: Path, files: Mapping[str, str]) -> int:
    """Write ``files`` under ``directory``; replaces an earlier site there, refuses any other folder."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{str(directory)!r} is a file; give a folder for the site")
    if directory.is_dir() and any(directory.iterdir()) and not (directory / MARKER).is_file():
        raise UsageError(f"{str(directory)!r} is not empty and holds no earlier site; give a new or empty folder")
    for name in _OWNED:
        path = directory / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    for rel, text in files.items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files)
