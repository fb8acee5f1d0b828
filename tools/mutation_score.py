"""Summarise a mutmut run over the reference, the definitions and the encoder, and hold it to the 90% goal.

Reads mutmut's per-file result files (``mutants/src/metricproofs/**/*.py.meta``), prints
killed / survived / no-test / timeout counts and the score per file and in total, and lists
every surviving mutant that ``tools/mutation-equivalents.txt`` does not explain.

Score = (killed + timeout) / all mutants. Mutants no test reaches count as survivors, so
the figure cannot be raised by running fewer tests. Exit 1 when the total score is below
the goal (default 90%), 0 otherwise, so ``make mutation`` fails loudly on a regression.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 36: "timeout",
          -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout", None: "not checked"}
ROOT = Path(__file__).resolve().parent.parent


def results(meta_dir: Path) -> dict[str, dict[str, str]]:
    """``{source file: {mutant name: status}}`` from mutmut's ``.meta`` files."""
    found: dict[str, dict[str, str]] = {}
    for meta in sorted(meta_dir.rglob("*.py.meta")):  # provers/smt.py's sits in a subfolder
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        source = meta.relative_to(meta_dir).as_posix().removesuffix(".meta")
        found[source] = {name: STATUS.get(code, "suspicious") for name, code in codes.items()}
    return found


def equivalents(path: Path) -> dict[str, str]:
    """Mutant name -> reason, from lines ``NAME  reason`` (``#`` starts a comment)."""
    listed: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                name, _, reason = line.partition(" ")
                listed[name] = reason.strip()
    return listed


def score(counts: Counter) -> float:
    total = sum(counts.values())
    return 0.0 if total == 0 else (counts["killed"] + counts["timeout"]) / total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meta-dir", type=Path, default=ROOT / "mutants" / "src" / "metricproofs")
    parser.add_argument("--equivalents", type=Path, default=ROOT / "tools" / "mutation-equivalents.txt")
    parser.add_argument("--goal", type=float, default=0.90)
    args = parser.parse_args(argv)
    goal = args.goal / 100 if args.goal > 1 else args.goal  # --goal 90 and --goal 0.9 both mean 90%

    by_file = results(args.meta_dir)
    if not by_file:
        print(f"no mutmut results under {args.meta_dir}: run `make mutation` first", file=sys.stderr)
        return 2
    explained = equivalents(args.equivalents)
    overall: Counter = Counter()
    unexplained: list[str] = []
    for source, statuses in by_file.items():
        counts = Counter(statuses.values())
        overall.update(counts)
        other = sum(counts.values()) - counts["killed"] - counts["timeout"] - counts["survived"] - counts["no tests"]
        print(f"{source:26} {sum(counts.values()):5} mutants  killed {counts['killed']:5}  timeout "
              f"{counts['timeout']:3}  survived {counts['survived']:4}  no tests {counts['no tests']:3}  "
              f"other {other:2}  score {100 * score(counts):5.1f}%")
        unexplained += [name for name, status in sorted(statuses.items())
                        if status not in ("killed", "timeout") and name not in explained]
    total_score = score(overall)
    survivors = sum(overall.values()) - overall["killed"] - overall["timeout"]
    print(f"{'total':26} {sum(overall.values()):5} mutants  score {100 * total_score:.1f}% "
          f"(goal {100 * goal:.0f}%); {survivors} not killed, "
          f"{survivors - len(unexplained)} of them explained in {args.equivalents.name}")
    if unexplained:
        print(f"{len(unexplained)} surviving mutants not explained (see `mutmut show NAME`):")
        for name in unexplained:
            print(f"  {name}")
    return 0 if total_score >= goal else 1


if __name__ == "__main__":
    sys.exit(main())
