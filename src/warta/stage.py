"""Declared document stages: each stage registers its ``annotate`` function under a name, with the
article fields it requires and fills and the settings it takes (as spaCy components do with
``@Language.factory``). The pipeline (``warta.pipeline``) assembles the stages a config names,
checks the declarations when it is built, and skips a stage whose input a failed stage did not fill.

```python
@stage("quotes", requires=["entities"], fills=["quotes"])
def annotate(article, doc): ...
```

A stage named ``x`` is registered by importing ``warta.x``.
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
class Stage:
    """A registered document stage: ``annotate(article, doc, **settings) -> Article``."""

    name: str
    annotate: Callable[..., Any]
    requires: tuple[str, ...] = ()
    fills: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)  # name → default
    help: str = ""


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: Iterable[str] = (), fills: Iterable[str] = (),
          settings: dict[str, Any] | None = None) -> Callable:
    """Register the decorated ``annotate(article, doc, **settings)`` as the document stage ``name``:
    it reads the article fields ``requires`` (filled by an earlier stage) and fills ``fills``;
    ``settings`` maps each keyword setting to its default."""

    def register(fn: Callable) -> Callable:
        doc = (fn.__doc__ or "").strip().splitlines()
        REGISTRY[name] = Stage(name, fn, tuple(requires), tuple(fills), dict(settings or {}), doc[0] if doc else "")
        return fn

    return register
