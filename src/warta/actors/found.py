"""What the actors linker finds: a linked mention, and an actor the gazetteer does not know."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Found:
    """A mention: token span, entity key and how it was linked."""

    i: int
    j: int
    key: str
    via: str
    actor: str | None = None


@dataclass(slots=True)
class NewEntity:
    """An actor the gazetteer does not know."""

    type: str
    names: list[str] = field(default_factory=list)
    country: str | None = None
    actor: str | None = None
    name: str | None = None  # its name when no mention's text is (a mention has a head: "Kota Kherson")
