"""Machine-readable benchmark figures: what each script measured, kept in benchmarks/results.json.

A benchmark script ends with ``record(__file__, [figure(...), ...])``. When it runs under
`make bench` / ``python -m benchmarks.run``, the runner sets ``WARTA_BENCH_RESULTS`` to a file of
its own and the figures are written there; ``run`` then stores them in ``results.json`` under the
script's name, with the date and a description of the machine. Run by hand, a script writes
nothing. ``markdown`` turns ``results.json`` into the table of docs/speed.md
(``python -m benchmarks.run --figures``), so that table is never copied by hand.
"""

from __future__ import annotations

import json
import os
import platform
from datetime import datetime, timezone
from pathlib import Path

RESULTS = Path(__file__).with_name("results.json")
ENV = "WARTA_BENCH_RESULTS"  # set by benchmarks.run: where a script writes its figures


def figure(what: str, value: float, unit: str, *, target: str | None = None, note: str | None = None) -> dict:
    """One measured figure: ``value`` in ``unit`` (``target``: the figure it must reach, as text)."""
    return {"what": what, "value": round(value, 3), "unit": unit, "target": target, "note": note}


def record(script: str, figures: list[dict]) -> None:
    """Hand a script's figures to the runner (nothing when the script runs on its own)."""
    path = os.environ.get(ENV)
    if path:
        Path(path).write_text(json.dumps({"script": Path(script).stem, "figures": figures}, ensure_ascii=False),
                              encoding="utf-8")


def machine() -> dict:
    """What the figures were measured on."""
    try:
        model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), platform.processor())
    except OSError:
        model = platform.processor()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpu": model or "?", "cores": os.cpu_count(), "system": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "load_average": round(load, 1) if load is not None else None}


def merge(results: dict, script: str, figures: list[dict], *, when: datetime | None = None,
          on: dict | None = None) -> dict:
    """``results`` with ``script``'s entry replaced by these figures, measured ``when`` ``on`` a machine."""
    when = when or datetime.now(timezone.utc)
    entry = {"date": when.strftime("%Y-%m-%d %H:%M UTC"), "machine": on or machine(), "figures": figures}
    return {**results, "scripts": {**results.get("scripts", {}), script: entry}}


def load(path: Path = RESULTS) -> dict:
    """The stored results (empty when there are none yet)."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"scripts": {}}


def save(results: dict, path: Path = RESULTS) -> None:
    """Write ``results`` with its scripts in name order."""
    ordered = {"scripts": dict(sorted(results.get("scripts", {}).items()))}
    path.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _number(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", r"\|")


def markdown(results: dict) -> str:
    """The figures of ``results`` as docs/speed.md's table: one row per figure, and when and where."""
    lines = ["| what | figure | target | benchmark | measured |", "|---|---|---|---|---|"]
    for script, entry in sorted(results.get("scripts", {}).items()):
        m = entry["machine"]
        where = f"{entry['date']}, {m['cores']} cores, load {m['load_average']}"
        for f in entry["figures"]:
            value = f"{_number(f['value'])} {f['unit']}" + (f" ({f['note']})" if f.get("note") else "")
            lines.append(f"| {_cell(f['what'])} | {_cell(value)} | {_cell(f.get('target'))} "
                         f"| `benchmarks/{script}.py` | {where} |")
    return "\n".join(lines) + "\n"

