"""Extraction: a raw document to an ``Article`` with a clean body and its metadata.

``extract(raw, published=None)`` drops site furniture (rules in ``furniture.yaml``) and fills
title, outlet (``data/outlets.yaml``), publication date (``dates``), dateline, authors, editors,
tags, cited sources and language.  The body keeps the story as printed, dateline included, so that
later stages can point into it by character offsets.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from warta.article import Article, RawDocument, Source, article_id
from warta.errors import InputError
from warta.extract.clean import Cleaned, clean, normalise_line
from warta.extract.dates import DEFAULT_ZONE, FoundDate, date_from_url, parse_date, pick_published
from warta.extract.html import Page, read_page
from warta.extract.kinds import page_kind, title_kind
from warta.extract.meta import byline_names, cited_sources, detect_language, find_dateline, split_names, split_tags
from warta.extract.outlets import Registry, registry
from warta.extract.resources import alternation, load

__all__ = ["extract"]

# Fewer words of story than this on a photo page: its captions are the story.
MIN_PHOTO_STORY = 40
# A line that is a web address alone; a text of nothing else is a list of pages to fetch, which Warta never does
_URL_LINE = re.compile(r"(?:https?|ftp)://\S+|www\.\S+", re.IGNORECASE)
ONLY_URLS = ("the text is only web addresses: Warta works offline and fetches no page; save the pages and give "
             "the files, or JSONL lines with the url and the page's html")
# Reasons of removed lines that may name the page's own outlet (not teasers of other sites).
_OUTLET_HINTS = ("dateline-date", "byline", "site-name", "footer", "promo", "title", "navigation", "caption")


def extract(raw: RawDocument, *, published: str | None = None) -> Article:
    """The clean article of ``raw``; ``published`` (from ``--published``) overrides every date; the
    URL's date (``/read/2023/07/30/``, ``/20240503132707-…``) is the last resort."""
    outlets = registry()
    page = Page()
    if raw.html is not None:
        page = read_page(raw.html, raw.source.url)
        text = page.text
        cleaned = clean(text, outlets, title=raw.title or page.title, mode="html")
    else:
        text = raw.text or ""
        # a text copy of a video or photo page opens with its headline ("VIDEO: ..."): that line is
        # the title, not a video teaser of the site
        first = next((line for line in map(normalise_line, text.split("\n")) if line), None)
        title = raw.title or (first if title_kind(first) else None)
        cleaned = clean(text, outlets, title=title, mode="text")
    warnings = []
    kind = page_kind(raw.title or cleaned.title or page.title, raw.source.url or page.url)
    if kind == "photo" and page.captions and sum(len(p.split()) for p in cleaned.paragraphs) < MIN_PHOTO_STORY:
        # a photo page tells its story in the captions, which the story extractor leaves out
        cleaned.paragraphs = [c for c in page.captions if c not in cleaned.paragraphs] + cleaned.paragraphs
    if not any(p.strip() for p in cleaned.paragraphs):
        cleaned, warnings = _keep_everything(text, cleaned, raw)
    body = "\n\n".join(cleaned.paragraphs)

    source = Source(path=raw.source.path, url=raw.source.url or page.url, line=raw.source.line)
    article = Article(body=body, id=article_id(body), source=source)
    article.warnings.extend(raw.warnings + warnings)
    article.removed = cleaned.removed
    article.dateline = next(
        (d for d in (find_dateline(p, outlets) for p in cleaned.paragraphs[:3]) if d is not None), None
    )
    article.outlet = _outlet(source.url, article, cleaned, page, outlets)
    article.title = _clean_title(raw.title or cleaned.title, outlets)
    article.kind = kind
    article.published = _published(published, raw.published, cleaned.dates, page, date_from_url(source.url))
    article.authors, article.editors = _credits(cleaned, page, outlets)
    known_text = f"{article.title or ''}\n{body}"
    tags = [t for line in cleaned.tag_lines for t in split_tags(line, known_text)]
    article.tags = _unique(tags + page.tags)
    article.cited_sources = [s for s in cited_sources(body, outlets) if s != article.outlet]
    language, _ = detect_language(body)
    article.language = language
    if language != "id":
        article.warnings.append(f"the text looks like {language}, not Indonesian: later stages expect Indonesian")
    return article


def _keep_everything(text: str, cleaned: Cleaned, raw: RawDocument) -> tuple[Cleaned, list[str]]:
    """The cleaner took every line for site furniture: the text the user gave is kept whole (but
    for a repeat of the title), with a warning; only a text with no words at all is an error."""
    lines = [line for line in map(normalise_line, text.split("\n")) if line]
    no_words = not any(any(c.isalnum() for c in line) for line in lines)
    if no_words or all(_URL_LINE.fullmatch(line) for line in lines):
        where = raw.source.path or raw.source.url or "<input>"
        where = f"{where}:{raw.source.line}" if raw.source.line else where
        raise InputError(where, "no article text found (the document has no words)" if no_words else ONLY_URLS)
    story = [line for line in lines if line != cleaned.title] or lines
    reasons = sorted({r.reason for r in cleaned.removed})
    note = (f"every line looked like site furniture ({', '.join(reasons)}); the text is kept as given"
            if reasons else "the text is kept as given")
    kept = Cleaned(paragraphs=story, removed=[], title=cleaned.title, dates=cleaned.dates,
                   authors=cleaned.authors, editors=cleaned.editors, tag_lines=[])
    return kept, [note]


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _outlet(url: str | None, article: Article, cleaned: Cleaned, page: Page, outlets: Registry) -> str | None:
    """The outlet by URL domain, dateline agency, date/byline/site-name lines, then the site name."""
    outlet = outlets.from_url(url)
    if outlet is None and article.dateline and article.dateline.agency:
        outlet = outlets.lookup(article.dateline.agency)
    if outlet is None:
        for removed in cleaned.removed:
            if removed.reason in _OUTLET_HINTS:
                found = outlets.find(removed.text)
                if found is None and removed.reason == "site-name":
                    found = (outlets.lookup(removed.text.split()[0]), None)
                if found and found[0] is not None:
                    outlet = found[0]
                    break
    if outlet is None and page.site:
        outlet = outlets.lookup(page.site)
        if outlet is None:
            return page.site
    return outlet.name if outlet else None


# The last " - ", " | ", " : " segment of a headline (the head keeps every earlier separator).
# (also after "»", "•", "·": "Judul » Kabar Priangan")
_LAST_SEGMENT = re.compile(r"^(?P<head>.+)\s+(?:[-–—|:»•·]|::)\s+(?P<site>(?:(?!\s[-–—|:»•·]\s).)+)$")
# A site's address opening the title: "KOMPAS.com - Judul", "Liputan6.com: Judul".
# (the endings: titles.yaml words, group address-ending)


@lru_cache(maxsize=1)
def _first_address() -> re.Pattern:
    return re.compile(rf"^[A-Za-z][\w-]*\.(?:{alternation('titles.yaml', 'address-ending')})\s+(?:[-–—|:»•·]|::)\s+(?=\S)")


@lru_cache(maxsize=1)
def _title_rules() -> tuple[tuple[re.Pattern, bool], ...]:
    return tuple((re.compile(e["pattern"]), bool(e.get("tail"))) for e in load("titles.yaml"))


def _site_segment(segment: str, outlets: Registry) -> bool:
    segment = segment.strip()
    if len(segment.split()) > 6:
        return False
    if outlets.lookup(segment) or outlets.find(segment):
        return True
    return any(p.search(segment) for p, tail in _title_rules() if not tail)


def _clean_title(title: str | None, outlets: Registry) -> str | None:
    """The headline without what sites append: "Judul - Kompas.com", "Judul | Republika Online",
    "Judul - ANTARA News Jawa Timur - Berita Terkini Jawa Timur", "Judul Halaman all" -> "Judul"."""
    if not title:
        return None
    title = " ".join(title.split())
    for _ in range(4):
        m = _LAST_SEGMENT.match(title)
        if not m or not _site_segment(m.group("site"), outlets):
            break
        title = m.group("head").strip()
    for pattern, tail in _title_rules():
        if tail:
            title = pattern.sub("", title)
    return _first_address().sub("", title).strip()


def _credits(cleaned: Cleaned, page: Page, outlets: Registry) -> tuple[list[str], list[str]]:
    """Authors and editors: the bylines printed on the page (story lines, labelled or writer-marked
    elements) first; else the JSON-LD authors, then the author meta tags, then trafilatura's guess,
    the first that names a person. Companies, desks and initials are no authors (``bylines.yaml``).
    A name also given as editor is the editor, unless no other writer is named ("Redaktur &
    Reporter: X" wrote and edited the story)."""
    authors, editors = list(cleaned.authors), list(cleaned.editors)
    for line in page.bylines:
        names, more = byline_names(line, outlets)
        authors += names
        editors += more
    editors += [n for value in page.editors for n in split_names(value, outlets)]
    if not authors:
        for values in page.authors:
            authors = [n for value in values for n in split_names(value, outlets)]
            if authors:
                break
    authors, editors = _unique_names(authors), _unique_names(editors)
    as_editor = {e.casefold() for e in editors}
    writers = [a for a in authors if a.casefold() not in as_editor]
    return (writers or authors), editors


def _unique_names(values: list[str]) -> list[str]:
    """``values`` without empties and repeats (case and spacing aside), first spelling kept."""
    seen: dict[str, str] = {}
    for value in values:
        value = " ".join(value.split()) if value else value
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return list(seen.values())


def _published(given: str | None, from_input: str | None, dates: list[FoundDate], page: Page,
               from_url: str | None) -> str | None:
    """The first publication time: --published, the input's own, then the page's meta tags (and
    JSON-LD) and printed date lines, then the URL's stamp, then trafilatura's guess. The printed line's zone is kept: it gives
    the time a date-only tag left out, the zone a zone-less tag left out (a Makassar page's
    "14:05 WITA" is +08:00), and the printed form of the same instant (a tag in UTC)."""
    if given:
        return given
    if from_input:
        return parse_date(from_input) or from_input
    printed = pick_published(_on_day(dates + page.date_lines, from_url))
    if printed is None or "T" not in printed:
        loose = next((d.value for d in page.loose_dates
                      if printed is None or d.value.startswith(printed)), None)
        printed = loose or printed
    meta = page.published
    if meta and printed:
        if printed.startswith(meta[:10]) and "T" in printed and ("T" not in meta or meta[11:19] == "00:00:00"):
            # the printed line adds the time the meta tag left out (or wrote as midnight: a CMS
            # that stores the day alone gives "2024-05-06T00:00:00+07:00")
            return printed
        if "T" in meta and "T" in printed:
            if printed[:16] == meta[:16] and (not page.published_zoned or meta[19:] == DEFAULT_ZONE):
                # the same local time: the printed zone is the page's (a zone-less tag, or a CMS
                # that stamps every time +07:00 on a Makassar page printing "14:05 WITA")
                return meta[:19] + printed[19:]
            shown = _in_zone_of(meta, printed)
            if shown is not None:
                return shown  # the same instant (a tag in UTC): as the page prints it
    found = _in_wib(meta) if meta else printed
    if from_url and (found is None or ("T" not in found and "T" in from_url and from_url.startswith(found))):
        return from_url  # CNBC Indonesia's /20240503132707-…: the URL carries the time
    return found or page.guessed_date


def _on_day(found: list[FoundDate], from_url: str | None) -> list[FoundDate]:
    """The printed dates on the day the URL names, when the URL names one and some are on it: a
    date line of another day is another story's (a list the page did not mark as one)."""
    if not from_url:
        return found
    same = [d for d in found if d.value.startswith(from_url[:10])]
    return same or found


def _in_wib(value: str) -> str:
    """A tag's time in UTC written in WIB, the zone of the pages read ("2024-05-05T23:12:00Z", the
    BBC's, is the 6th of May at 06:12 in Jakarta: the day the later stages resolve dates against)."""
    if "T" not in value or not value.endswith(("+00:00", "Z")):
        return value
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return stamp.astimezone(datetime.fromisoformat(f"2000-01-01T00:00{DEFAULT_ZONE}").tzinfo).isoformat()


def _in_zone_of(meta: str, printed: str) -> str | None:
    """``meta`` written in the zone of ``printed`` when both name the same minute, else None."""
    try:
        first, second = datetime.fromisoformat(meta), datetime.fromisoformat(printed)
    except ValueError:
        return None
    if first.tzinfo is None or second.tzinfo is None or first.replace(second=0) != second.replace(second=0):
        return None
    return first.astimezone(second.tzinfo).isoformat()
