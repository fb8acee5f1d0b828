"""``metricproofs site DIR [--results FILE]``: write the static teaching site."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import TextIO

from metricproofs.errors import UsageError

__all__ = ["run"]


def _read_results(path: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read --results {path!r}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"--results {path!r} is not JSON ({exc}); give the output of 'metricproofs prove --json'") from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise UsageError(f"--results {path!r} has no \"results\" list; give the output of 'metricproofs prove --json'")
    return data


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the site to DIR from a fresh prove run (or from ``--results FILE``).

    Exit codes: 0 written and every verdict as expected; 1 written, but a verdict contradicts
    expectation; 2 usage error; 3 written, some verdict unknown.
    """
    from metricproofs.provers.results import verdict_as_expected
    from metricproofs.site import gather, render_site, write_site

    if args.results:
        prove_json = _read_results(args.results)
        note = f"the prove results in {Path(args.results).name}"
    else:
        from metricproofs.provers import prove

        start = time.perf_counter()
        prove_json = prove().to_json()
        print(f"proved/refuted {len(prove_json['results'])} claims in {time.perf_counter() - start:.1f} s", file=out)
        note = f"a prove run made on {time.strftime('%Y-%m-%d', time.gmtime())}"
    inputs, texts = gather(prove_json, note)
    count = write_site(Path(args.dir), render_site(inputs, texts))
    print(f"wrote {count} files to {args.dir}; open {Path(args.dir) / 'index.html'} in a browser", file=out)
    results = prove_json["results"]
    if any(r.get("verdict") not in ("unknown",) and not verdict_as_expected(r.get("expected"), r.get("verdict"))
           for r in results):
        print("metricproofs site: some verdicts contradict expectation; the pages say which", file=err)
        return 1
    if any(r.get("verdict") == "unknown" for r in results):
        print("metricproofs site: some verdicts are unknown; the pages say which", file=err)
        return 3
    return 0
