"""The layering of src/metricproofs: definitions -> catalogue -> provers -> verbs, imports only downward.

Read from the source with ``ast`` (every import, including those inside functions), so a
lazy import that runs up a layer is caught as surely as a top-level one. Also: facts about
a claim live in its Claim, so claim ids are not spelled out as strings elsewhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from metricproofs.catalogue import CATALOGUE

SRC = Path(__file__).resolve().parents[2] / "src" / "metricproofs"

#: modules no prover may import: the verbs and everything that sits above the provers
ABOVE_PROVERS = ("metricproofs.cli", "metricproofs.certificates", "metricproofs.paper", "metricproofs.site",
                 "metricproofs.scoring", "metricproofs.testing")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module name an import statement in ``path`` names (absolute, resolved if relative)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


MODULES = {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _importers_of(target: str) -> set[str]:
    return {name for name, path in MODULES.items()
            if any(imp == target or imp.startswith(target + ".") for imp in _imports(path))}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("metricproofs.provers")))
def test_provers_import_nothing_above_them(name: str) -> None:
    upward = sorted(imp for imp in _imports(MODULES[name]) if imp.startswith(ABOVE_PROVERS))
    assert not upward, f"{name} imports {upward}: a prover must not reach up into a verb or an artefact writer"


def test_only_the_verbs_import_the_cli() -> None:
    outside = {n for n in _importers_of("metricproofs.cli") if not n.startswith("metricproofs.cli")}
    assert outside <= {"metricproofs.__main__"}, outside


def test_certificates_are_imported_only_by_the_export_verb() -> None:
    assert _importers_of("metricproofs.certificates") <= {"metricproofs.cli.export"}


def test_definitions_and_catalogue_import_no_prover() -> None:
    for name in ("metricproofs.definitions", "metricproofs.catalogue", "metricproofs.evaluation"):
        upward = sorted(imp for imp in _imports(MODULES[name])
                        if imp.startswith(("metricproofs.provers", *ABOVE_PROVERS)))
        assert not upward, f"{name} imports {upward}"


def test_claim_ids_are_spelled_out_in_the_catalogue_only() -> None:
    """At most five claim-id string literals outside catalogue.py (facts about a claim are its fields)."""
    ids = {claim.id for claim in CATALOGUE}
    where: list[str] = []
    for name, path in MODULES.items():
        if name == "metricproofs.catalogue":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in ids:
                where.append(f"{name}:{node.lineno} {node.value}")
    assert len(where) <= 5, "\n".join(where)
