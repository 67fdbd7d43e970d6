"""Scores temporal expressions against TimeML (.tml) gold files, TempEval-3 style.

Strict and relaxed (overlapping) span P/R/F1, then type and value accuracy on the relaxed
matches, and the value F1 (a match counts only when its value is also right). Each file is
normalised against its own DCT (the ``<DCT><TIMEX3 value=…>`` of the file).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from warta.article import Timex
from warta.errors import InputError

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(slots=True)
class TmlDoc:
    """One TimeML document: its plain text, creation time and gold expressions."""

    name: str
    text: str
    dct: str | None
    gold: list[Timex] = field(default_factory=list)


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def parse_tml(raw: str, name: str = "<tml>") -> TmlDoc:
    """The text inside ``<TEXT>``, its TIMEX3 gold spans (offsets into that text) and the DCT."""
    raw = raw.replace("\r\n", "\n")
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    dct = dict(_ATTR.findall(dct_match.group(1))).get("value") if dct_match else None
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    if body is None:
        raise InputError(name, "no <TEXT> element; is this a TimeML file?")
    text, gold, open_timex, pos = [], [], None, 0
    length = 0
    content = body.group(1)
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[pos:tag.start()])
        text.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, kind, attrs = tag.group(1) == "/", tag.group(2), tag.group(3)
        if kind != "TIMEX3":
            continue
        if not closing:
            if open_timex is not None:
                raise InputError(name, f"nested TIMEX3 at character {tag.start()}")
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, values = open_timex
            gold.append(Timex(start, length, "", values.get("type", ""), values.get("value")))
            open_timex = None
    chunk = html.unescape(content[pos:])
    text.append(chunk)
    plain = "".join(text)
    for t in gold:
        t.text = plain[t.start:t.end]
    return TmlDoc(name, plain, dct, gold)


def read_tml(path: Path) -> TmlDoc:
    """Read one .tml file (UTF-8, else Windows-1252 as the IndoTimex files are)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from None
    return parse_tml(_decode(raw), str(path))


def read_dir(folder: Path) -> list[TmlDoc]:
    """Every .tml file of a folder (or one file), sorted by name."""
    if folder.is_file():
        return [read_tml(folder)]
    if not folder.is_dir():
        raise InputError(str(folder), "no such file or folder")
    files = sorted(folder.glob("*.tml"))
    if not files:
        raise InputError(str(folder), "no .tml files in this folder")
    return [read_tml(p) for p in files]


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _overlaps(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def score(docs: list[TmlDoc], find: Callable[[str, str | None], list[Timex]]) -> dict:
    """Strict/relaxed span P/R/F1, type and value accuracy on relaxed matches, value F1."""
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    errors: list[dict] = []
    for doc in docs:
        system = find(doc.text, doc.dct)
        n_gold += len(doc.gold)
        n_sys += len(system)
        used: set[int] = set()
        exact = {(t.start, t.end) for t in system}
        strict += sum((g.start, g.end) in exact for g in doc.gold)
        for g in doc.gold:
            match = next((i for i, s in enumerate(system) if i not in used and _overlaps(g, s)), None)
            if match is None:
                errors.append({"doc": doc.name, "kind": "missed", "text": g.text, "gold": g.value})
                continue
            used.add(match)
            s = system[match]
            relaxed += 1
            type_ok += s.type == g.type
            value_ok += s.value == g.value
            if s.value != g.value:
                errors.append({"doc": doc.name, "kind": "value", "text": s.text, "gold": g.value, "system": s.value})
        errors += [{"doc": doc.name, "kind": "spurious", "text": s.text, "system": s.value}
                   for i, s in enumerate(system) if i not in used]
    return {
        "documents": len(docs), "gold": n_gold, "system": n_sys,
        "strict": _prf(strict, n_sys, n_gold), "relaxed": _prf(relaxed, n_sys, n_gold),
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "value_accuracy": value_ok / relaxed if relaxed else 0.0,
        "value": _prf(value_ok, n_sys, n_gold),
        "errors": errors,
    }


def evaluate(folder: Path) -> dict:
    """Score ``warta.time.find_timex`` on a folder of TimeML files."""
    from warta.time import find_timex

    return score(read_dir(folder), lambda text, dct: find_timex(text, dct))


def format_report(result: dict) -> str:
    """A few readable lines: counts, then one line per figure."""
    lines = [f"documents {result['documents']}  gold {result['gold']}  system {result['system']}"]
    if not result["gold"]:
        lines.append("warning: the gold files hold no TIMEX3 inside <TEXT>; only the DCT is annotated, "
                     "so nothing can be scored")
    for key in ("strict", "relaxed", "value"):
        s = result[key]
        lines.append(f"{key:<9} P {s['p']:.4f}  R {s['r']:.4f}  F1 {s['f1']:.4f}")
    lines.append(f"type accuracy  {result['type_accuracy']:.4f}")
    lines.append(f"value accuracy {result['value_accuracy']:.4f}")
    return "\n".join(lines)
