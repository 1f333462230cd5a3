"""Print ten random items, each under both reflective models, exactly as `supervise prompts` does.

A reader round (see README.md beside this file) gives one such sample to each reader. The same
seed gives the same items, so a fixed set of seeds can be read again after a change.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "frameworks"
MODELS = {"driscoll": "Driscoll: What? So what? Now what?", "gibbs": "Gibbs reflective cycle"}
_HEADER = re.compile(r"^[a-z0-9.-]+/\S+ · ")


def blocks(model: str) -> dict[str, list[str]]:
    """Every item's printed block under ``model``, by item reference."""
    command = ["prompts", "--content", str(FIXTURES), "--model", model]
    printed = subprocess.run(
        [sys.executable, "-m", "supervise", *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    found: dict[str, list[str]] = {}
    current: str | None = None
    for line in printed.splitlines():
        if _HEADER.match(line):
            current = line.split(" ", 1)[0]
            found[current] = [line]
        elif current and line.strip() and not line.startswith("[page"):
            found[current].append(line)
        elif not line.strip():
            current = None
    return found


def main() -> None:
    """Print the sample for the seed given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("seed", type=int)
    parser.add_argument("--items", type=int, default=10)
    args = parser.parse_args()
    printed = {model: blocks(model) for model in MODELS}
    refs = sorted(printed["driscoll"])
    for number, ref in enumerate(random.Random(args.seed).sample(refs, args.items), 1):
        for model, title in MODELS.items():
            print(f"### {number}. ({title})")
            print("\n".join(printed[model][ref]))
            print()


if __name__ == "__main__":
    main()
