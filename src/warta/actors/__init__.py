"""Document stage `actors`: people, organisations and places linked to canonical actors.

``annotate`` fills ``article.entities`` (gazetteer actors with stable ids such as ``per:mike-pompeo``,
``gpe:RUS``, ``org:NATO``; unknown actors with an id hashed from type and name) and adds a warning
when the publication date contradicts the tenure of an official named with their office.
``entity_at`` gives later stages the entity of an offset range. Inside the spaCy pipeline the stage
runs ``warta_entity_split`` (``titles``), which the pipeline builder adds after the NER.
"""

from __future__ import annotations

from pathlib import Path

from warta.actors import gazetteer as _gazetteer
from warta.actors import lexicon as _lexicon
from warta.actors import titles as _titles  # noqa: F401  (registers the warta_entity_split factory)
from warta.actors.furniture import link_removed
from warta.actors.link import Linker
from warta.article import Article, Entity
from warta.article import home_country as dominant_country
from warta.stage import Pipe, stage

__all__ = ["annotate", "entity_at", "link"]


def link(article: Article, doc=None, *, gazetteer: str | Path | None = None,
         folder: str | Path | None = None) -> Article:
    """Link the actors of ``article`` with the shipped gazetteer (or ``folder``) extended by ``gazetteer``."""
    gaz, lex = _gazetteer.load(gazetteer, folder=folder), _lexicon.load()
    entities, warnings = Linker(article, doc, gaz, lex).run(cut_end=True)
    home_country(entities)
    entities = link_removed(article, entities, lambda sub: Linker(sub, None, gaz, lex), (gaz, lex))
    article.entities = entities
    article.warnings.extend(w for w in warnings if w not in article.warnings)
    return article


def home_country(entities: list[Entity]) -> str | None:
    """In a story about one country's own affairs (``warta.article.home_country``), the people and
    bodies the gazetteer does not know are that country's: "KPK menahan SH" is IDN against IDN.
    Unknown PER and ORG entities get it as their ``country``. Returns the home country, or None
    when the story has none."""
    home = dominant_country(entities)
    if home is None:
        return None
    for ent in entities:
        if not ent.linked and ent.type in ("PER", "ORG") and not ent.country and not ent.actor:
            ent.country = home
    return home


# Inside spaCy, after the NER: split "Presiden Rusia Vladimir Putin" into place and person; day and
# month names (what the time stage provides as calendar_words) are never a name.
SPLIT = Pipe("warta_entity_split", after="warta_entity_trim", needs="ner",
             config={"calendar_words": {"@provided": "calendar_words"}})


@stage("actors", requires=["timex", "reference_date"], fills=["entities"], settings={"gazetteer": None},
       pipes=[SPLIT])
def annotate(article: Article, doc, *, gazetteer: str | Path | None = None) -> Article:
    """Fill ``article.entities`` (and tenure warnings); ``doc`` may come from the blank pipeline.
    ``gazetteer``: a user file or folder of actors added to the shipped ones (or ``WARTA_GAZETTEER``)."""
    return link(article, doc, gazetteer=gazetteer)


def entity_at(article: Article, start: int, end: int) -> Entity | None:
    """The entity whose mention covers ``start:end`` (the tightest), else the longest mention inside it."""
    best, best_len = None, None
    for ent in article.entities:
        for m in ent.mentions:
            if m.start <= start and end <= m.end and (best_len is None or m.end - m.start < best_len):
                best, best_len = ent, m.end - m.start
    if best is not None:
        return best
    inside = [(m.end - m.start, ent.type == "PER", ent) for ent in article.entities for m in ent.mentions
              if start <= m.start and m.end <= end]
    return max(inside, key=lambda x: (x[1], x[0]))[2] if inside else None
