"""Declared document stages: each stage registers its ``annotate`` function under a name, with the
article fields it requires and fills and the settings it takes (as spaCy components do with
``@Language.factory``). The pipeline (``warta.pipeline``) assembles the stages a config names,
checks the declarations when it is built, and skips a stage whose input a failed stage did not fill.

```python
@stage("quotes", requires=["entities"], fills=["quotes"])
def annotate(article, doc): ...
```

A stage named ``x`` is registered by importing ``warta.x``. A stage that runs a rule inside the
spaCy pipeline declares it as a ``Pipe`` (``pipes=``), and a stage that reads the dependency parse
may choose the sentences the parser runs on (``parse_select=``, a registered function); the
pipeline builder (``warta.pipeline.build_nlp``) adds them to the language layer. A pipe's config
value ``{"@provided": NAME}`` is filled with what a stage of the plan ``provides`` under NAME (the
time stage's day and month names for the actors' entity split), so no stage imports another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

# What the extractor and the language layer give every article before any stage runs.
BASE_FIELDS = frozenset({
    "id", "source", "outlet", "title", "published", "published_inferred", "dateline", "authors", "editors",
    "tags", "cited_sources", "language", "body", "removed", "warnings", "sentences", "doc",
})


@dataclass(frozen=True)
class Pipe:
    """A spaCy component a stage runs inside the language pipeline: its registered factory, the
    component it follows, the trained component it needs (skipped without it, as in the blank
    pipeline) and its config (a ``{"@provided": NAME}`` value is what a stage of the plan provides)."""

    factory: str
    after: str | None = None
    needs: str | None = None
    config: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Stage:
    """A registered document stage: ``annotate(article, doc, **settings) -> Article``."""

    name: str
    annotate: Callable[..., Any]
    requires: tuple[str, ...] = ()
    fills: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)  # name → default
    help: str = ""
    pipes: tuple[Pipe, ...] = ()
    parse_select: dict | None = field(default=None, hash=False, compare=False)
    provides: dict[str, Callable[[], Any]] = field(default_factory=dict, hash=False, compare=False)


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: Iterable[str] = (), fills: Iterable[str] = (),
          settings: dict[str, Any] | None = None, pipes: Iterable[Pipe] = (),
          parse_select: dict | None = None, provides: dict[str, Callable[[], Any]] | None = None) -> Callable:
    """Register the decorated ``annotate(article, doc, **settings)`` as the document stage ``name``:
    it reads the article fields ``requires`` (filled by an earlier stage) and fills ``fills``;
    ``settings`` maps each keyword setting to its default."""

    def register(fn: Callable) -> Callable:
        help_ = " ".join((fn.__doc__ or "").strip().split("\n\n")[0].split())  # the docstring's first paragraph
        REGISTRY[name] = Stage(name, fn, tuple(requires), tuple(fills), dict(settings or {}), help_,
                               tuple(pipes), parse_select, dict(provides or {}))
        return fn

    return register
