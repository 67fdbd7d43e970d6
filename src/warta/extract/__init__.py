"""Extraction: a raw document to an ``Article`` with a clean body and its metadata.

``extract(raw, published=None)`` drops site furniture (rules in ``furniture.yaml``) and fills
title, outlet (``data/outlets.yaml``), publication date (``dates``), dateline, authors, editors,
tags, cited sources and language.  The body keeps the story as printed, dateline included, so that
later stages can point into it by character offsets.
"""

from __future__ import annotations

import re

from warta.article import Article, RawDocument, Source, article_id
from warta.errors import InputError
from warta.extract.clean import Cleaned, clean, normalise_line
from warta.extract.dates import FoundDate, date_from_url, parse_date, pick_published
from warta.extract.html import Page, read_page
from warta.extract.kinds import page_kind, title_kind
from warta.extract.meta import byline_names, cited_sources, detect_language, find_dateline, split_tags
from warta.extract.outlets import Registry, registry

__all__ = ["extract"]

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
    if not any(p.strip() for p in cleaned.paragraphs):
        cleaned, warnings = _keep_everything(text, cleaned, raw)
    body = "\n\n".join(cleaned.paragraphs)

    source = Source(path=raw.source.path, url=raw.source.url or page.url, line=raw.source.line)
    article = Article(body=body, id=article_id(body), source=source)
    article.warnings.extend(warnings)
    article.removed = cleaned.removed
    article.dateline = next(
        (d for d in (find_dateline(p, outlets) for p in cleaned.paragraphs[:3]) if d is not None), None
    )
    article.outlet = _outlet(source.url, article, cleaned, page, outlets)
    article.title = _clean_title(raw.title or cleaned.title, outlets)
    article.kind = page_kind(raw.title or cleaned.title or page.title, source.url)
    article.published = _published(published, raw.published, cleaned.dates, page) or date_from_url(source.url)
    page_authors: list[str] = []
    page_editors: list[str] = []
    for value in page.authors + page.bylines:
        names, editors = byline_names(value, outlets)
        page_authors += names
        page_editors += editors
    article.authors = _unique(cleaned.authors + page_authors)
    article.editors = _unique(cleaned.editors + page_editors)
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
    if not any(any(c.isalnum() for c in line) for line in lines):
        where = raw.source.path or raw.source.url or "<input>"
        where = f"{where}:{raw.source.line}" if raw.source.line else where
        raise InputError(where, "no article text found (the document has no words)")
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


def _clean_title(title: str | None, outlets: Registry) -> str | None:
    """The headline without the site name some pages append: "Judul - Kompas.com" -> "Judul"."""
    if not title:
        return None
    m = re.match(r"^(?P<head>.+?)\s+[-–—|:]\s+(?P<site>[^-–—|]+)$", title)
    if m and (outlets.lookup(m.group("site")) or outlets.find(m.group("site"))):
        return m.group("head").strip()
    return title.strip()


def _published(given: str | None, from_input: str | None, dates: list[FoundDate], page: Page) -> str | None:
    """The first publication date: --published, the input's own, meta tags, then printed date lines."""
    if given:
        return given
    if from_input:
        return parse_date(from_input) or from_input
    printed = pick_published(dates + page.date_lines)
    meta = page.published
    if meta and printed and "T" not in meta and printed.startswith(meta):
        return printed  # the printed line adds the time the meta tag left out
    return meta or printed
