"""Scorer for article summaries against human-written ones (the summaries_dev CSV format).

The CSV has ``judul`` (title), ``tautan`` (URL), ``tanggal`` (date), ``isi_berita`` (text) and
``Summary`` (the reference). Each article goes through the real pipeline (its ``summary`` field is
the system summary); LEAD-3, the first three sentences of the same body, is scored beside it.
ROUGE-1/2/L F1 on lower-cased word tokens (``warta.eval.rouge``), averaged over articles, with the
mean length in words; the two halves of the file are reported too, to show the spread.
"""

from __future__ import annotations

import csv
from pathlib import Path

from warta.article import RawDocument, Source
from warta.errors import InputError
from warta.eval.rouge import scores

COLUMNS = ("judul", "isi_berita", "Summary")


def read_gold(path: Path) -> list[dict]:
    """The rows of a summaries CSV, checked for the columns the scorer needs."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(str(path), f"cannot read the CSV: {error}") from None
    if not rows:
        raise InputError(str(path), "no rows")
    missing = [c for c in COLUMNS if c not in rows[0]]
    if missing:
        raise InputError(str(path), f"missing column(s) {', '.join(missing)}")
    return rows


def iso_date(value: str | None) -> str | None:
    """The CSV's ``tanggal`` ("10/21/2025 20:53", month first) as ISO 8601 (Jakarta time), else None."""
    from datetime import datetime

    for fmt in ("%m/%d/%Y %H:%M", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.strptime((value or "").strip(), fmt).strftime("%Y-%m-%dT%H:%M:00+07:00")
        except ValueError:
            continue
    return None


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def _aggregate(pairs: list[tuple[str, str]]) -> dict:
    per = [scores(ref, text) for ref, text in pairs]
    out = {k: _mean([p[k] for p in per]) for k in ("rouge1", "rouge2", "rougeL")}
    out["words"] = round(sum(len(text.split()) for _, text in pairs) / max(len(pairs), 1), 1)
    return out


def evaluate(path: Path) -> dict:
    """ROUGE of the article summaries and of LEAD-3 over a summaries CSV."""
    from warta import pipeline

    path = Path(path)
    rows = read_gold(path)
    raws = [RawDocument(source=Source(path=str(path), url=r.get("tautan") or None, line=k + 2), text=r["isi_berita"],
                        title=r.get("judul") or None, published=iso_date(r.get("tanggal")),
                        raw=r["isi_berita"].encode("utf-8"))
            for k, r in enumerate(rows)]
    ours, lead = [], []
    failed = 0
    for row, item in zip(rows, pipeline.run(raws, workers=1)):
        if isinstance(item, pipeline.Failure):
            failed += 1  # scored as an empty summary for both
            ours.append((row["Summary"], ""))
            lead.append((row["Summary"], ""))
            continue
        art = item.article
        ours.append((row["Summary"], (art.summary or {}).get("text", "")))
        lead.append((row["Summary"], " ".join(art.body[s:e].strip() for s, e in art.sentences[:3])))
    half = len(rows) // 2
    return {
        "articles": len(rows), "failed": failed, "summary": _aggregate(ours), "lead3": _aggregate(lead),
        "halves": [{"summary": _aggregate(ours[:half]), "lead3": _aggregate(lead[:half])},
                   {"summary": _aggregate(ours[half:]), "lead3": _aggregate(lead[half:])}],
    }


def format_report(result: dict) -> str:
    """The figures as a few lines for a person."""
    def line(name, s):
        return f"{name:<8} ROUGE-1 {s['rouge1']:.3f}  ROUGE-2 {s['rouge2']:.3f}  ROUGE-L {s['rougeL']:.3f}  ({s['words']} words)"

    lines = [f"{result['articles']} articles" + (f", {result['failed']} failed (scored empty)" if result["failed"] else ""), line("summary", result["summary"]), line("LEAD-3", result["lead3"])]
    for k, h in enumerate(result["halves"], 1):
        lines.append(f"half {k}: summary ROUGE-L {h['summary']['rougeL']:.3f}, LEAD-3 {h['lead3']['rougeL']:.3f}")
    return "\n".join(lines)
