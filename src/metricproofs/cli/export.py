"""``metricproofs export --smt2 DIR``: write the SMT-LIB2 certificates and say what was written."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from metricproofs.errors import UsageError

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the files; an existing non-directory target is a usage error."""
    from metricproofs.certificates import export_smt2

    target = Path(args.smt2)
    if target.exists() and not target.is_dir():
        raise UsageError(f"--smt2 {str(target)!r} exists and is not a directory")
    paths = export_smt2(target)
    size = sum(p.stat().st_size for p in paths)
    claims = len({p.parent.name for p in paths})
    print(f"wrote {len(paths)} SMT-LIB2 files ({size / 1024:.0f} KiB) for {claims} folders to {target}", file=out)
    return 0
