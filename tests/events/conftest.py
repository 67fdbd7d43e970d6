"""Fixtures for the events tests: hand-made Articles with entities and timex filled by a tiny linker."""

from __future__ import annotations

import re

from functools import lru_cache

import pytest
import spacy

from warta.article import Article, Entity, Mention, Quote, Timex
from warta.events import code_events


@lru_cache(maxsize=1)
def _blank():
    # the placeholder pipeline (tokens and sentences only): these tests must not depend on the
    # trained model, and the stage must work without POS, parse or NER
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return nlp

# surface form → (canonical name, type, country); enough actors for the lexicon examples and tests
ACTORS = {
    "Rusia": ("Rusia", "GPE", "RUS"), "Moskow": ("Rusia", "GPE", "RUS"), "Moskwa": ("Rusia", "GPE", "RUS"),
    "Kremlin": ("Rusia", "ORG", "RUS"), "Amerika Serikat": ("Amerika Serikat", "GPE", "USA"),
    "AS": ("Amerika Serikat", "GPE", "USA"), "Amerika": ("Amerika Serikat", "GPE", "USA"),
    "Washington": ("Amerika Serikat", "GPE", "USA"), "Paman Sam": ("Amerika Serikat", "GPE", "USA"),
    "China": ("China", "GPE", "CHN"), "Beijing": ("China", "GPE", "CHN"), "Ukraina": ("Ukraina", "GPE", "UKR"),
    "Kiev": ("Ukraina", "GPE", "UKR"), "Iran": ("Iran", "GPE", "IRN"), "Indonesia": ("Indonesia", "GPE", "IDN"),
    "Jepang": ("Jepang", "GPE", "JPN"), "Korea Utara": ("Korea Utara", "GPE", "PRK"),
    "Korea Selatan": ("Korea Selatan", "GPE", "KOR"), "Israel": ("Israel", "GPE", "ISR"),
    "Palestina": ("Palestina", "GPE", "PSE"), "Gaza": ("Gaza", "GPE", "PSE"), "Hamas": ("Hamas", "ORG", "PSE"),
    "NATO": ("NATO", "ORG", "NATO"), "PBB": ("PBB", "ORG", "UN"), "Uni Eropa": ("Uni Eropa", "ORG", "EU"),
    "ASEAN": ("ASEAN", "ORG", "ASEAN"), "Venezuela": ("Venezuela", "GPE", "VEN"), "Turki": ("Turki", "GPE", "TUR"),
    "Suriah": ("Suriah", "GPE", "SYR"), "Inggris": ("Inggris", "GPE", "GBR"), "Prancis": ("Prancis", "GPE", "FRA"),
    "Jerman": ("Jerman", "GPE", "DEU"), "India": ("India", "GPE", "IND"), "Pakistan": ("Pakistan", "GPE", "PAK"),
    "Australia": ("Australia", "GPE", "AUS"), "Malaysia": ("Malaysia", "GPE", "MYS"),
    "Filipina": ("Filipina", "GPE", "PHL"), "Vietnam": ("Vietnam", "GPE", "VNM"),
    "Arab Saudi": ("Arab Saudi", "GPE", "SAU"), "Mesir": ("Mesir", "GPE", "EGY"),
    "Belarusia": ("Belarusia", "GPE", "BLR"), "Myanmar": ("Myanmar", "GPE", "MMR"), "Taiwan": ("Taiwan", "GPE", "TWN"),
    "Singapura": ("Singapura", "GPE", "SGP"), "Swedia": ("Swedia", "GPE", "SWE"), "Finlandia": ("Finlandia", "GPE", "FIN"),
    "Kuba": ("Kuba", "GPE", "CUB"), "Irak": ("Irak", "GPE", "IRQ"), "Afghanistan": ("Afghanistan", "GPE", "AFG"),
    "Sri Lanka": ("Sri Lanka", "GPE", "LKA"), "Laos": ("Laos", "GPE", "LAO"), "Maroko": ("Maroko", "GPE", "MAR"),
    "Bolivia": ("Bolivia", "GPE", "BOL"), "Yordania": ("Yordania", "GPE", "JOR"), "Polandia": ("Polandia", "GPE", "POL"),
    "Spanyol": ("Spanyol", "GPE", "ESP"), "Yunani": ("Yunani", "GPE", "GRC"), "Kanada": ("Kanada", "GPE", "CAN"),
    "Argentina": ("Argentina", "GPE", "ARG"), "Afrika Selatan": ("Afrika Selatan", "GPE", "ZAF"),
    "Sudan": ("Sudan", "GPE", "SDN"), "Teheran": ("Iran", "GPE", "IRN"), "Krimea": ("Krimea", "GPE", "UKR"),
    "Mariupol": ("Mariupol", "GPE", "UKR"), "Kharkiv": ("Kharkiv", "GPE", "UKR"), "Rafah": ("Rafah", "GPE", "PSE"),
    "Jenin": ("Jenin", "GPE", "PSE"), "Avdiivka": ("Avdiivka", "GPE", "UKR"), "Yerusalem": ("Yerusalem", "GPE", "ISR"),
    "Natuna": ("Natuna", "GPE", "IDN"), "Sochi": ("Sochi", "GPE", "RUS"), "Jenewa": ("Jenewa", "GPE", "CHE"),
    "Kairo": ("Kairo", "GPE", "EGY"), "Caracas": ("Caracas", "GPE", "VEN"), "Seoul": ("Seoul", "GPE", "KOR"),
    "Rohingya": ("Rohingya", "NORP", "MMR"), "Taliban": ("Taliban", "ORG", "AFG"), "ISIS": ("ISIS", "ORG", "IMGMUS"),
    "Abu Sayyaf": ("Abu Sayyaf", "ORG", "PHL"), "IMF": ("IMF", "ORG", "IMF"), "G20": ("G20", "ORG", "G20"),
    "Dewan Keamanan PBB": ("Dewan Keamanan PBB", "ORG", "UN"), "Dewan Keamanan": ("Dewan Keamanan PBB", "ORG", "UN"),
    "Vladimir Putin": ("Vladimir Putin", "PER", "RUS"), "Putin": ("Vladimir Putin", "PER", "RUS"),
    "Puting": ("Vladimir Putin", "PER", "RUS"), "Sergey Lavrov": ("Sergey Lavrov", "PER", "RUS"),
    "Sergei Lavrov": ("Sergey Lavrov", "PER", "RUS"), "Lavrov": ("Sergey Lavrov", "PER", "RUS"),
    "Mike Pompeo": ("Mike Pompeo", "PER", "USA"), "Pompeo": ("Mike Pompeo", "PER", "USA"),
    "Pomepo": ("Mike Pompeo", "PER", "USA"), "Donald Trump": ("Donald Trump", "PER", "USA"),
    "Trump": ("Donald Trump", "PER", "USA"), "Joe Biden": ("Joe Biden", "PER", "USA"), "Biden": ("Joe Biden", "PER", "USA"),
    "Antony Blinken": ("Antony Blinken", "PER", "USA"), "Blinken": ("Antony Blinken", "PER", "USA"),
    "Jokowi": ("Joko Widodo", "PER", "IDN"), "Retno Marsudi": ("Retno Marsudi", "PER", "IDN"),
    "Prabowo": ("Prabowo Subianto", "PER", "IDN"), "Zelensky": ("Volodymyr Zelensky", "PER", "UKR"),
    "Xi Jinping": ("Xi Jinping", "PER", "CHN"), "Wang Yi": ("Wang Yi", "PER", "CHN"),
    "Kim Jong Un": ("Kim Jong Un", "PER", "PRK"), "Erdogan": ("Recep Tayyip Erdogan", "PER", "TUR"),
    "Kishida": ("Fumio Kishida", "PER", "JPN"), "Nicolas Maduro": ("Nicolas Maduro", "PER", "VEN"),
    "Maduro": ("Nicolas Maduro", "PER", "VEN"), "Juan Guaido": ("Juan Guaido", "PER", "VEN"),
    "Jens Stoltenberg": ("Jens Stoltenberg", "PER", "NATO"), "Stoltenberg": ("Jens Stoltenberg", "PER", "NATO"),
    "Sameh Shoukry": ("Sameh Shoukry", "PER", "EGY"), "Shoukry": ("Sameh Shoukry", "PER", "EGY"),
    "Washington": ("Amerika Serikat", "GPE", "USA"), "Snowden": ("Edward Snowden", "PER", "USA"), "Austin": ("Lloyd Austin", "PER", "USA"),
    # the actors stage links an embassy to its state
    "Kedutaan Besar Jepang": ("Jepang", "GPE", "JPN"), "Tokyo": ("Jepang", "GPE", "JPN"),
    "Armenia": ("Armenia", "GPE", "ARM"), "Azerbaijan": ("Azerbaijan", "GPE", "AZE"),
    "Marcos": ("Ferdinand Marcos Jr.", "PER", "PHL"), "Aung San Suu Kyi": ("Aung San Suu Kyi", "PER", "MMR"),
    "KPK": ("Komisi Pemberantasan Korupsi", "ORG", "IDN"), "Polri": ("Kepolisian Negara Republik Indonesia", "ORG", "IDN"),
}
_PATTERN = re.compile(r"\b(" + "|".join(re.escape(s) for s in sorted(ACTORS, key=len, reverse=True)) + r")\b")


def link(body: str) -> list[Entity]:
    """Entities of ``body`` by exact surface match against ``ACTORS`` (longest first)."""
    by_name: dict[str, Entity] = {}
    for m in _PATTERN.finditer(body):
        name, typ, country = ACTORS[m.group(1)]
        ent = by_name.setdefault(name, Entity(id=f"e{len(by_name)}", name=name, type=typ, country=country,
                                              actor=country, linked=True))
        ent.mentions.append(Mention(m.start(), m.end(), m.group(1)))
    return list(by_name.values())


def make_article(body: str, *, timex: list[tuple[str, str]] = (), published: str | None = "2019-05-12T09:04:00+07:00"):
    """An Article with entities linked by ``link`` and the given (text, value) time expressions; and its Doc."""
    art = Article(body=body, published=published)
    doc = _blank()(body)
    art.sentences = [[s.start_char, s.end_char] for s in doc.sents]
    art.entities = link(body)
    for text, value in timex:
        start = body.index(text)
        art.timex.append(Timex(start, start + len(text), text, "DATE", value))
    return art, doc


def coded(body: str, quotes: list[tuple[str, str]] = (), **kw) -> list[tuple]:
    """(type, source actor, target actor) of each event ``code_events`` codes in the article ``make_article``
    makes of ``body`` (``kw``: its options), with ``quotes`` ((text, speaker name) pairs) as direct quotations."""
    art, doc = make_article(body, **kw)
    for text, speaker in quotes:
        start = body.index(text)
        ent = next(e for e in art.entities if e.name == speaker)
        art.quotes.append(Quote(text, start, start + len(text), direct=True, speaker=ent.id))
    return [(e.type, e.source.actor, e.target.actor) for e in code_events(art, doc)]


@pytest.fixture
def article():
    """Build a hand-made article: ``article(body, timex=[(text, value)])`` → (Article, Doc)."""
    return make_article
