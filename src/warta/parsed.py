"""Parsed data files kept between runs: the YAML rule files' data, found again by their text.

Parsing the shipped YAML files (gazetteer, lexicons, rule lists: about 30 files, 44,000 nodes) costs
about 0.35 s of CPU at every start, in every process that loads the pipeline, even with libyaml;
reading the same data back with ``pickle`` costs about 0.02 s. ``load(where, text)`` gives the data
an earlier process parsed from exactly this ``text`` of the file ``where``, ``store(where, text, data)``
keeps it. There is one entry per file (named by a hash of ``where``; an edit overwrites it), and the
entry holds a hash of the text it was parsed from: ``load`` gives a miss when the text differs, so an
edited file is parsed again. The folder is ``WARTA_CACHE_DIR``, else ``$XDG_CACHE_HOME/warta`` or
``~/.cache/warta``; ``WARTA_CACHE_DIR=off`` (or none, 0, false) keeps nothing. Anything wrong with the
folder or an entry (missing, unreadable, truncated, not writable) is a miss: the text is parsed as
without a cache.

Entries are pickles read with an unpickler that builds only plain data (what a safe YAML loader
makes: mappings, lists, strings, numbers, dates), never other objects.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from warta import settings

MISSING = object()  # what ``load`` gives for a text it has no data for
OFF = "off"
VERSION = 2  # of the entries' format: a change starts a new folder
# the classes a safe YAML loader builds besides the built-in containers, strings and numbers
PLAIN = {("datetime", "date"): datetime.date, ("datetime", "datetime"): datetime.datetime,
         ("datetime", "timezone"): datetime.timezone, ("datetime", "timedelta"): datetime.timedelta}


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        try:
            return PLAIN[module, name]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not plain data") from None


def folder(parser: str) -> Path | None:
    """Where the entries of ``parser`` (a name and version) are kept; ``None`` when switched off."""
    where = settings.value("cache_dir")
    if where is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        where = os.path.join(base, "warta")
    elif where == OFF:
        return None
    return Path(where) / f"parsed-{VERSION}-{parser}"


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _entry(where: str, parser: str) -> Path | None:
    folder_ = folder(parser)
    if folder_ is None:
        return None
    return folder_ / (_hash(str(where))[:40] + ".pickle")


def load(where: str, text: str, parser: str) -> Any:
    """The data parsed by ``parser`` from ``text`` (the file ``where``) in an earlier run; ``MISSING``
    if there is none, or if the file's entry was parsed from another text."""
    entry = _entry(where, parser)
    if entry is None:
        return MISSING
    try:
        with entry.open("rb") as handle:
            kept, data = _PlainUnpickler(io.BufferedReader(handle)).load()
    except Exception:  # noqa: BLE001 - absent, unreadable or damaged: parse again
        return MISSING
    return data if kept == _hash(text) else MISSING


def store(where: str, text: str, parser: str, data: Any) -> None:
    """Keep ``data``, parsed from ``text`` (the file ``where``) by ``parser``, for later runs, in place
    of the file's earlier entry (written whole or not at all)."""
    entry = _entry(where, parser)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=entry.parent, prefix=".", suffix=".tmp", delete=False)
        try:
            with handle:
                pickle.dump((_hash(text), data), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, entry)
        except BaseException:
            os.unlink(handle.name)
            raise
    except Exception:  # noqa: BLE001 - a read-only or full disk: the next run parses again
        pass
