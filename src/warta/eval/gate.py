"""The quality gate: scores every stage on its dev data and compares the figures with pinned floors.

The floors live in ``tests/eval_baseline.json``; ``tests/test_quality_gate.py`` fails when a figure
drops more than ``epsilon`` below its floor. Re-measure and re-pin with::

    python -m warta.eval.gate --update [--allow-regression]

which raises floors freely but refuses to lower one (or drop one) unless ``--allow-regression``.
``python -m warta.eval.gate --markdown`` prints the pinned floors as the Markdown table of docs/quality.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from warta.errors import ResourceError, WartaError

EPSILON = 0.005
ROOT = Path(__file__).resolve().parents[3]  # the repository root in an editable checkout
DEFAULT_BASELINE = ROOT / "tests" / "eval_baseline.json"
DEFAULT_DATASETS = ROOT / "../shared/datasets"
BASELINE_KEYS = {"epsilon", "measured_on", "data", "floors", "note"}

Figures = dict[str, float]


@dataclass(frozen=True, slots=True)
class Suite:
    """One stage scored on one dev file through its scorer in ``warta.eval``."""

    name: str
    data: str  # path under the datasets folder, or under the repository when in_repo
    run: Callable[[Path], Figures]  # figures by metric name; {} when the gold holds nothing to score
    in_repo: bool = False

    def path(self, datasets: Path) -> Path:
        """Where this suite's gold data is."""
        return (ROOT if self.in_repo else datasets) / self.data


def _model():
    from warta import pipeline

    return pipeline.nlp()


def run_ner(path: Path) -> Figures:
    """Span F1 per label and micro on a token TAB BIO-tag file."""
    from warta.eval import ner

    table = ner.evaluate(_model(), path)
    return {f"{label}_f1": row.f for label, row in table.items()}


def run_ud(path: Path) -> Figures:
    """UPOS, UAS, LAS and lemma accuracy on a CoNLL-U file."""
    from warta.eval import ud

    scores = ud.evaluate(_model(), path)
    return {k: v for k, v in scores.items() if k in ("UPOS", "UAS", "LAS", "lemma")}


def run_timex(path: Path) -> Figures:
    """Strict, relaxed and value F1 on TimeML files; nothing when the gold marks no TIMEX3."""
    from warta.eval import timex

    result = timex.evaluate(path)
    # IndoTimex dev as shipped annotates only the DCT: every figure would be 0 and gate nothing
    if not result["gold"]:
        return {}
    return {"strict_f1": result["strict"]["f1"], "relaxed_f1": result["relaxed"]["f1"],
            "value_f1": result["value"]["f1"], "type_accuracy": result["type_accuracy"]}


def run_quotes(path: Path) -> Figures:
    """Exact and token statement F1 and speaker accuracy on PFSA-ID."""
    from warta.eval.quotes import score_pfsa

    scores = score_pfsa(path).as_dict()
    return {k: scores[k] for k in ("exact_f1", "token_f1", "speaker_accuracy")}


def run_actors(path: Path) -> Figures:
    """Entity-set F1 on canonical names and on (name, country), and gold surface recall."""
    from warta.eval import entities

    scores = entities.evaluate(path).as_dict()
    return {"names_f1": scores["names"]["f1"], "name_country_f1": scores["name_country"]["f1"],
            "surface_recall": scores["surface_recall"]}


def run_events(path: Path) -> Figures:
    """Event P/R/F1 on (type, source country, target country) and the share matched at the gold trigger."""
    from warta.eval import events

    scores = events.evaluate(path).as_dict()
    return {"f1": scores["events"]["f1"], "p": scores["events"]["p"], "r": scores["events"]["r"],
            "trigger_overlap": scores["trigger_overlap"]}


def run_realnews(path: Path) -> Figures:
    """Entity and event F1, speakers and timex values on real news passages, scored as the held-out ones.

    Precision and recall are not pinned: a rule that trades one for the other at a higher F1 is progress.
    """
    from warta.eval import realnews

    return {k: v for k, v in realnews.figures(path).items() if not k.endswith(("_p", "_r"))}


SUITES: tuple[Suite, ...] = (
    Suite("ner", "ner/nerui/nerui_dev.01.tsv", run_ner),
    Suite("ud", "ud/gsd_id_gsd-ud-dev.conllu", run_ud),
    Suite("timex", "timex/indotimex_dev", run_timex),
    # the actors engineer's hand-written dev passages: no shared dataset links entities to actors
    Suite("actors", "tests/actors/dev_passages.jsonl", run_actors, in_repo=True),
    Suite("quotes", "quotes/pfsa_id_dev.txt", run_quotes),
    # the events engineer's hand-annotated dev passages (fully annotated, so precision counts)
    Suite("events", "tests/events/dev_passages.jsonl", run_events, in_repo=True),
    # real news passages of 35 outlets annotated by written conventions: the headline figures
    # (the pipeline runs once over them; the four stages are scored from its records)
    Suite("realnews", "../corpus/realnews_dev/passages.jsonl", run_realnews),
)


def suite(name: str) -> Suite:
    """The suite called ``name``."""
    for s in SUITES:
        if s.name == name:
            return s
    raise KeyError(name)


def measure_suite(s: Suite, datasets: Path) -> Figures:
    """The figures of one suite as ``suite.metric`` keys, rounded to 4 places."""
    return {f"{s.name}.{k}": round(v, 4) for k, v in s.run(s.path(datasets)).items()}


def measure(datasets: Path, suites: tuple[Suite, ...] = SUITES) -> Figures:
    """The figures of every suite."""
    figures: Figures = {}
    for s in suites:
        figures.update(measure_suite(s, datasets))
    return figures


def check(floors: Figures, measured: Figures, epsilon: float = EPSILON, prefix: str = "") -> list[str]:
    """One message per pinned figure (under ``prefix``) that is missing or below its floor minus epsilon."""
    problems = []
    for key, floor in sorted(floors.items()):
        if not key.startswith(prefix):
            continue
        if key not in measured:
            problems.append(f"{key}: pinned at {floor:.4f} but no longer measured")
        elif measured[key] < floor - epsilon:
            problems.append(f"{key}: {measured[key]:.4f} is below the floor {floor:.4f} (-{epsilon})")
    return problems


def updated(floors: Figures, measured: Figures, epsilon: float = EPSILON,
            allow_regression: bool = False) -> tuple[Figures, list[str]]:
    """New floors from ``measured`` and the refusals (drops beyond epsilon, figures gone).

    A figure that dropped by at most ``epsilon`` keeps its old floor, so small drops cannot
    accumulate one re-pin at a time. With ``allow_regression`` every floor becomes what was measured.
    """
    if allow_regression:
        return dict(sorted(measured.items())), []
    new, refused = {}, []
    for key, value in measured.items():
        old = floors.get(key)
        new[key] = value if old is None or value >= old else old
        if old is not None and value < old - epsilon:
            refused.append(f"{key}: {value:.4f} would lower the floor {old:.4f}")
    refused += [f"{key}: pinned at {floors[key]:.4f} but no longer measured" for key in floors if key not in measured]
    return dict(sorted(new.items())), refused


def load_baseline(path: Path) -> dict:
    """The baseline file, checked: a JSON object with known keys and numeric floors."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResourceError(f"{path}: baseline not found; create it with python -m warta.eval.gate --update") from None
    except (OSError, ValueError) as error:
        raise ResourceError(f"{path}: not a readable JSON file ({error})") from None
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: expected a JSON object")
    unknown = set(data) - BASELINE_KEYS
    if unknown:
        raise ResourceError(f"{path}: unknown keys {sorted(unknown)}; allowed: {sorted(BASELINE_KEYS)}")
    floors = data.get("floors")
    if not isinstance(floors, dict) or not all(isinstance(v, (int, float)) for v in floors.values()):
        raise ResourceError(f"{path}: 'floors' must map metric names to numbers")
    if not isinstance(data.get("epsilon", EPSILON), (int, float)):
        raise ResourceError(f"{path}: 'epsilon' must be a number")
    return data


def baseline_record(floors: Figures, epsilon: float = EPSILON) -> dict:
    """The JSON object written to the baseline file."""
    return {
        "note": "Floors of tests/test_quality_gate.py; re-pin with python -m warta.eval.gate --update",
        "measured_on": date.today().isoformat(),
        "epsilon": epsilon,
        "data": {s.name: s.data for s in SUITES},
        "floors": floors,
    }


def report(floors: Figures, measured: Figures) -> str:
    """One line per figure: measured value, floor and the difference."""
    lines = [f"{'metric':<24} {'measured':>8} {'floor':>8} {'diff':>8}"]
    for key in sorted(set(floors) | set(measured)):
        m, f = measured.get(key), floors.get(key)
        diff = f"{m - f:+8.4f}" if m is not None and f is not None else f"{'':>8}"
        lines.append(f"{key:<24} {'-' if m is None else f'{m:.4f}':>8} {'-' if f is None else f'{f:.4f}':>8} {diff}")
    return "\n".join(lines)


def markdown(baseline: dict) -> str:
    """The pinned floors as a Markdown table (suite, gold data, metric, floor): docs/quality.md shows it verbatim."""
    data = baseline.get("data", {})
    lines = [
        f"Pinned floors of `tests/eval_baseline.json` (measured on {baseline.get('measured_on', '?')}; "
        f"the gate fails below floor − {baseline.get('epsilon', EPSILON)}).",
        "",
        "| suite | gold data | metric | floor |",
        "|---|---|---|---|",
    ]
    for key, floor in sorted(baseline["floors"].items()):
        suite_name, _, metric = key.partition(".")
        lines.append(f"| {suite_name} | `{data.get(suite_name, '?')}` | {metric} | {floor:.4f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None, measure: Callable[[Path], Figures] = measure) -> int:
    """Check (or with --update re-pin) the floors; exit code 1 on a regression or a refusal."""
    parser = argparse.ArgumentParser(prog="python -m warta.eval.gate", description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write the measured figures as the new floors")
    parser.add_argument("--allow-regression", action="store_true", help="with --update: also lower or drop floors")
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE, help="baseline JSON file")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS, help="the shared datasets folder")
    parser.add_argument("--markdown", action="store_true",
                        help="print the pinned floors as a Markdown table (docs/quality.md); measures nothing")
    args = parser.parse_args(argv)
    if args.markdown:
        try:
            print(markdown(load_baseline(args.baseline)), end="")
        except WartaError as error:
            print(f"Error: {error}", file=sys.stderr)
            return 1
        return 0
    if args.allow_regression and not args.update:
        parser.error("--allow-regression only makes sense with --update")
    if not args.datasets.is_dir():
        print(f"Error: {args.datasets}: datasets folder not found; give --datasets", file=sys.stderr)
        return 1
    try:
        old = load_baseline(args.baseline) if args.baseline.is_file() or not args.update else None
        started = time.perf_counter()
        measured = measure(args.datasets)
    except WartaError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    floors = old["floors"] if old else {}
    epsilon = old.get("epsilon", EPSILON) if old else EPSILON
    print(report(floors, measured))
    print(f"measured in {time.perf_counter() - started:.1f} s")
    if not args.update:
        problems = check(floors, measured, epsilon)
        for p in problems:
            print(f"REGRESSION {p}", file=sys.stderr)
        return 1 if problems else 0
    new, refused = updated(floors, measured, epsilon, args.allow_regression)
    if refused:
        for r in refused:
            print(f"REFUSED {r}", file=sys.stderr)
        print(f"Error: {args.baseline} not written; fix the regression or pass --allow-regression", file=sys.stderr)
        return 1
    args.baseline.write_text(json.dumps(baseline_record(new, epsilon), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(new)} floors to {args.baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
