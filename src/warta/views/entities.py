"""Renderings of the stored entities for `warta entities` and `warta entity`."""

from __future__ import annotations

from rich.console import Console

from warta.console import emit_table, safe
from warta.store.entities import EntityDetail, EntityRow

out = Console(soft_wrap=True)


def print_entities(rows: list[EntityRow]) -> None:
    """The entity table of `warta entities` (tab-separated when piped; names printed as written)."""
    columns = [(col, dict(overflow="fold", justify="right" if col in ("articles", "mentions") else "left"))
               for col in ("id", "name", "type", "country", "actor", "articles", "mentions")]
    data = [[r.id, r.name, r.type, r.country, r.actor, r.articles, r.mentions] for r in rows]
    emit_table(out, columns, data, title=f"{len(rows)} entit{'y' if len(rows) == 1 else 'ies'}")


def print_entity(d: EntityDetail) -> None:
    """One entity for `warta entity`."""
    r = d.row
    out.print(f"[bold]{safe(r.name)}[/bold]  "
              + safe(f"{r.type or '?'} · country {r.country or '-'} · actor {r.actor or '-'} · id {r.id}"), highlight=False)
    out.print(safe("surfaces: " + ", ".join(f"{t} ({n})" for t, n in sorted(d.surfaces.items(), key=lambda x: -x[1]))),
              highlight=False)
    out.print(safe("roles: " + (", ".join(d.roles) or "-")), highlight=False)
    shown = f", the newest {len(d.articles)} shown" if len(d.articles) < r.articles else ""
    columns = [(col, dict(overflow="fold")) for col in ("id", "published", "title")]
    data = [[art_id, (published or "")[:16], title] for art_id, published, title in d.articles]
    emit_table(out, columns, data, title=f"{r.articles} article(s){shown}")
