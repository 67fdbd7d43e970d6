"""The document pipeline as data: which registered stages run, in which order, with which settings.

``load()`` reads the shipped ``pipeline.yaml`` (or the file ``WARTA_PIPELINE`` names) and checks it
when it is built: every stage is registered (``warta.stage``), takes the settings it is given, and
comes after the stages that fill what it requires. ``Plan.run`` runs the stages over one article; a
stage that fails is marked on the article (``Article.stage_errors``: ``{"stage", "status": "failed",
"reason"}``, and a warning ``stage NAME failed: why`` for people) and every later stage that needs what
it fills is skipped and marked too (``status: "skipped"``, ``cause``: the stage whose output is
missing), never run on partial data.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from contextlib import nullcontext
from typing import Any, Iterable

from warta import settings
from warta.article import StageMark
from warta.budget import Budget
from warta.errors import ResourceError, StageError, WartaError
from warta.resources import read_yaml
from warta.stage import BASE_FIELDS, REGISTRY, Stage

SHIPPED = Path(__file__).with_name("pipeline.yaml")
_NAME = re.compile(r"^[a-z][a-z_]*$")
_ENTRY_KEYS = {"name", "settings"}


@dataclass(frozen=True)
class Step:
    """One stage of a plan with its settings."""

    stage: Stage
    settings: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Plan:
    """Validated stages in order."""

    steps: tuple[Step, ...]
    where: str = "<pipeline>"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(step.stage.name for step in self.steps)

    def run(self, article, doc, budget: Budget | None = None):
        """Run the stages over ``article`` and its parsed ``doc``, each under what is left of the
        document's time ``budget`` (``warta.budget``); see the module docstring."""
        missing: dict[str, tuple[str, str]] = {}  # field → (stage that should have filled it, what happened)
        for step in self.steps:
            st = step.stage
            lacking = [f for f in st.requires if f in missing]
            if lacking:
                source, what = missing[lacking[0]]
                reason = f"it needs {lacking[0]} from stage {source}, which {what}"
                article.warnings.append(f"stage {st.name} skipped: {reason}")
                article.stage_errors.append(StageMark(st.name, "skipped", reason, cause=source))
                missing.update((f, (st.name, "was skipped")) for f in st.fills)
                continue
            try:
                with budget.stage(st.name) if budget is not None else nullcontext():
                    article = st.annotate(article, doc, **dict(step.settings))
            except Exception as err:  # a bug in one stage must not lose the document
                if isinstance(err, StageError):  # its message names the document and stage again
                    reason = err.reason
                else:
                    reason = str(err) if isinstance(err, WartaError) else f"{type(err).__name__}: {err}"
                article.warnings.append(f"stage {st.name} failed: {reason}")
                article.stage_errors.append(StageMark(st.name, "failed", reason))
                missing.update((f, (st.name, "failed")) for f in st.fills)
        return article


def registered(name: str, where: str = "<pipeline>") -> Stage:
    """The stage ``name``, registered by importing ``warta.<name>``."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise ResourceError(f"{where}: {name!r} is not a stage name")
    if name not in REGISTRY:
        try:
            importlib.import_module(f"warta.{name}")
        except ModuleNotFoundError:
            pass
    if name not in REGISTRY:
        known = ", ".join(sorted(REGISTRY)) or "none"
        raise ResourceError(f"{where}: no stage named {name!r} (warta.{name} registers none; known: {known})")
    return REGISTRY[name]


def build(entries: Iterable[str | dict], where: str = "<pipeline>") -> Plan:
    """A plan from stage names or ``{"name": ..., "settings": {...}}`` entries, checked."""
    steps: list[Step] = []
    filled: dict[str, str] = {f: "" for f in BASE_FIELDS}
    for entry in entries:
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict) or "name" not in entry:
            raise ResourceError(f"{where}: each stage is a mapping with a name, not {entry!r}")
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise ResourceError(f"{where}: stage {entry['name']!r}: unknown key(s) {', '.join(sorted(unknown))}; "
                                f"allowed: {', '.join(sorted(_ENTRY_KEYS))}")
        st = registered(entry["name"], where)
        if st.name in (s.stage.name for s in steps):
            raise ResourceError(f"{where}: stage {st.name!r} is listed twice")
        given = entry.get("settings") or {}
        if not isinstance(given, dict):
            raise ResourceError(f"{where}: stage {st.name!r}: settings must be a mapping")
        bad = set(given) - set(st.settings)
        if bad:
            allowed = ", ".join(sorted(st.settings)) or "none"
            raise ResourceError(f"{where}: stage {st.name!r} has no setting {', '.join(sorted(bad))} (settings: {allowed})")
        for need in st.requires:
            if need not in filled:
                by = [s.name for s in REGISTRY.values() if need in s.fills]
                hint = f" (stage {by[0]} fills it)" if by else ""
                raise ResourceError(f"{where}: stage {st.name!r} needs {need!r}, which no stage before it fills{hint}")
        filled.update(dict.fromkeys(st.fills, st.name))
        merged = {**st.settings, **given}
        steps.append(Step(st, tuple((k, merged[k]) for k in sorted(merged) if merged[k] is not None)))
    return Plan(tuple(steps), where)


def parse(data: Any, where: str) -> Plan:
    """A plan from the parsed YAML of a pipeline file."""
    if not isinstance(data, dict) or set(data) != {"stages"} or not isinstance(data["stages"], list):
        raise ResourceError(f"{where}: a pipeline file holds one key, stages: a list of stages")
    return build(data["stages"], where)


def load(path: str | Path | None = None) -> Plan:
    """The plan of ``path``, else of ``WARTA_PIPELINE``, else the shipped ``pipeline.yaml``."""
    return _load(str(path or settings.value("pipeline") or SHIPPED))


@lru_cache(maxsize=4)
def _load(path: str) -> Plan:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise ResourceError(f"{path}: cannot read the pipeline file ({err.strerror or err})") from None
    return parse(read_yaml(text, path), path)
