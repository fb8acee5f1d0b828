"""``metricproofs list [--json]``: the catalogue, one claim a line (or one JSON object)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``metricproofs list [--json]``."""
    from metricproofs.catalogue import CATALOGUE, catalogue_json

    if args.json:
        print(json.dumps(catalogue_json(), indent=2), file=out)
        return 0
    width = max(len(claim.id) for claim in CATALOGUE)
    for claim in CATALOGUE:
        print(f"{claim.id:<{width}}  {claim.expected:<5}  {claim.title}", file=out)
    print(f"\n{len(CATALOGUE)} claims; 'metricproofs explain ID' for one, 'metricproofs prove' to check them.", file=out)
    return 0
