"""Run every benchmark script in this folder (`make bench`); each prints its own figures.

``python -m benchmarks.run --markdown`` prints the list of scripts (name and the first line of each
docstring) as the Markdown table of docs/speed.md; it runs nothing.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path


def scripts() -> list[Path]:
    """The benchmark scripts, in the order `make bench` runs them."""
    return sorted(Path(__file__).parent.glob("bench_*.py"))


def markdown() -> str:
    """The benchmark scripts and what each measures, as a Markdown table (docs/speed.md shows it verbatim)."""
    lines = ["| script | what it measures |", "|---|---|"]
    for script in scripts():
        doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8"))) or ""
        first = (doc.splitlines()[0] if doc else "(no docstring)").replace("|", r"\|")
        lines.append(f"| `benchmarks/{script.name}` | {first} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run bench_*.py one after another on one core and report which failed (or, with --markdown, list them)."""
    if "--markdown" in (sys.argv[1:] if argv is None else argv):
        print(markdown(), end="")
        return 0
    failed = []
    for script in scripts():
        print(f"== {script.stem}", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.stem)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
