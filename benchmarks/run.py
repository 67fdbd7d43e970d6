"""Run every benchmark script in this folder (`make bench`); each prints its own figures.

``python -m benchmarks.run`` runs them all one after another and stores the figures they record in
benchmarks/results.json (with the date and the machine); ``python -m benchmarks.run bench_store
bench_time`` runs only those, replacing only their entries; arguments after ``--`` go to each script
(``python -m benchmarks.run bench_store -- --sizes 10000``). ``--markdown`` prints the list of
scripts (name and the first line of each docstring) and ``--figures`` the table of the stored
figures, both as docs/speed.md shows them; neither runs anything.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import results


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


def run(script: Path, extra: list[str] = ()) -> tuple[int, list[dict] | None]:
    """Run one script (with ``extra`` arguments); its exit code and the figures it recorded (None if none)."""
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as folder:
        out = Path(folder) / "figures.json"
        env = {**os.environ, results.ENV: str(out)}
        code = subprocess.run([sys.executable, str(script), *extra], check=False, env=env).returncode
        figures = json.loads(out.read_text(encoding="utf-8"))["figures"] if out.is_file() else None
    return code, figures


def main(argv: list[str] | None = None) -> int:
    """Run bench_*.py (all, or those named) one after another, store what they record in
    results.json and report which failed; or, with --markdown / --figures, print a docs table."""
    args = sys.argv[1:] if argv is None else argv
    args, extra = (args[:args.index("--")], args[args.index("--") + 1:]) if "--" in args else (args, [])
    if "--markdown" in args:
        print(markdown(), end="")
        return 0
    if "--figures" in args:
        print(results.markdown(results.load()), end="")
        return 0
    chosen = [s for s in scripts() if not args or s.stem in args]
    unknown = set(args) - {s.stem for s in scripts()}
    if unknown:
        print(f"no benchmark named {', '.join(sorted(unknown))}; see benchmarks/", file=sys.stderr)
        return 2
    failed = []
    for script in chosen:
        print(f"== {script.stem}", flush=True)
        code, figures = run(script, extra)
        if code != 0:
            failed.append(script.stem)
        elif figures:
            results.save(results.merge(results.load(), script.stem, figures))
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
