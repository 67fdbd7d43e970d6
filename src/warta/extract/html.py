"""Main text and metadata of an HTML page: trafilatura for the story, ``<meta>`` tags for what it misses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import lxml.html
import trafilatura
from lxml import etree

from warta.extract.dates import FoundDate, parse_date, parse_date_line

# <meta> names and properties, by the field they give, most trusted first.
META = {
    "title": ("og:title", "twitter:title", "title", "dc.title"),
    "published": (
        "article:published_time", "datepublished", "pubdate", "publishdate", "dc.date.issued",
        "content_publishdate", "publication_date", "date", "dc.date", "og:published_time",
    ),
    "updated": ("article:modified_time", "datemodified", "og:updated_time"),
    "site": ("og:site_name", "application-name", "twitter:site"),
    "author": ("author", "article:author", "content_author", "dc.creator"),
    "keywords": ("news_keywords", "keywords", "article:tag", "content_tag"),
    "url": ("og:url", "twitter:url"),
}
# Elements whose class or id marks the page's date line.
_DATE_CLASS = re.compile(r"date|time|tanggal|publish|waktu|posted", re.I)
# Elements whose class or id marks a byline, and the role label a byline must start with: the
# credit block above the story ("Editor: X") is often outside what trafilatura keeps.
_BYLINE_CLASS = re.compile(r"author|penulis|editor|byline|credit|reporter|redaktur|writer", re.I)
_BYLINE_LABEL = re.compile(r"^(?:penulis|reporter|pewarta|editor|redaktur|penyunting|oleh)\b", re.I)


@dataclass(slots=True)
class Page:
    """What an HTML page gives: the main text (one paragraph a line) and its metadata."""

    text: str = ""
    title: str | None = None
    published: str | None = None
    date_lines: list[FoundDate] = field(default_factory=list)
    site: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)


def _meta(tree) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        value = (node.get("content") or "").strip()
        if key and value:
            found.setdefault(key, []).append(value)
    return found


def _first(meta: dict[str, list[str]], field_name: str) -> str | None:
    for key in META[field_name]:
        if meta.get(key):
            return meta[key][0]
    return None


def _printed_dates(tree) -> list[FoundDate]:
    """Date lines printed in the page (``<time>``, elements with a date-like class), in page order."""
    found = []
    for node in tree.iter("time"):
        value = node.get("datetime")
        iso = parse_date(value) if value else None
        text = " ".join(node.text_content().split())
        line = parse_date_line(text) if text else None
        if line is not None:
            found.append(line)
        elif iso:
            found.append(FoundDate(iso, "plain", 0, 0))
    for node in tree.iter("div", "span", "p", "small", "li"):
        marker = f"{node.get('class') or ''} {node.get('id') or ''}"
        if not _DATE_CLASS.search(marker):
            continue
        text = " ".join(node.text_content().split())
        if 6 <= len(text) <= 120:
            line = parse_date_line(text)
            if line is not None:
                found.append(line)
    return found


# Page parts listing other stories, whose bylines are not this story's.
_OTHER_STORIES = re.compile(r"related|terkait|populer|popular|rekomendasi|terbaru|terkini|sidebar|widget|list", re.I)
# More labelled bylines than this on one page: a list of stories, not one story's credits.
MAX_BYLINES = 4


def _in_other_stories(node) -> bool:
    for parent in node.iterancestors():
        if parent.tag in ("aside", "footer", "nav"):
            return True
        if _OTHER_STORIES.search(f"{parent.get('class') or ''} {parent.get('id') or ''}"):
            return True
    return False


def _bylines(tree) -> list[str]:
    """Labelled byline elements ("Penulis: X", "Editor: Y"), in page order, without repeats."""
    found = []
    for node in tree.iter("div", "span", "p", "li", "small", "address"):
        marker = f"{node.get('class') or ''} {node.get('id') or ''}"
        if not _BYLINE_CLASS.search(marker):
            continue
        text = " ".join(node.text_content().split())
        if 6 <= len(text) <= 150 and _BYLINE_LABEL.match(text) and not _in_other_stories(node):
            found.append(text)
    # a wrapper ("credit") holds its children's lines run together: keep the innermost texts only
    unique = list(dict.fromkeys(found))
    inner = [t for t in unique if not any(other != t and other in t for other in unique)]
    return inner if len(inner) <= MAX_BYLINES else []


# Block elements that pages put inside the story (ads, embeds, related boxes); text after them
# ("<div class=ads>..</div>Story text<br>") is their tail, which cleaners drop with them.
_BLOCKS = ("div", "table", "figure", "aside", "section", "ul", "ol", "script", "style", "ins", "iframe", "center")


def _rescue_tails(tree) -> None:
    """Move story text that trails a block element into its own paragraph, so it survives cleaning."""
    for node in list(tree.iter(*_BLOCKS)):
        tail = node.tail
        if tail and tail.strip() and node.getparent() is not None:
            node.tail = None
            para = lxml.html.Element("p")
            para.text = tail
            node.addnext(para)


def read_page(html: str, url: str | None = None) -> Page:
    """Extract the main text and metadata of ``html`` (no I/O)."""
    page = Page(url=url)
    try:
        # huge_tree: a page with a 20 MB attribute (an inline image) is read, not given up on
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        page.text = plain_text(html)
        return page
    meta = _meta(tree)
    page.title = _first(meta, "title")
    published = _first(meta, "published")
    page.published = parse_date(published) if published else None
    page.site = _first(meta, "site")
    page.url = url or _first(meta, "url")
    if not page.url:
        canonical = tree.find(".//link[@rel='canonical']")
        page.url = canonical.get("href") if canonical is not None else None
    author = _first(meta, "author")
    if author and not author.startswith("http"):
        page.authors = [a.strip() for a in re.split(r"\s*(?:,|;|\bdan\b|&)\s*", author) if a.strip()]
    keywords = [k for key in META["keywords"] for v in meta.get(key, []) for k in v.split(",")]
    page.tags = list(dict.fromkeys(k.strip() for k in keywords if k.strip()))
    page.date_lines = _printed_dates(tree)
    page.bylines = _bylines(tree)
    if not page.title:
        node = tree.find(".//h1")
        page.title = " ".join(node.text_content().split()) if node is not None else None
    _rescue_tails(tree)
    # trafilatura's own metadata (htmldate, author heuristics) is a fifth of its cost; it only
    # fills what the <meta> tags left empty, so it runs only when one of those fields is missing.
    missing = not (page.title and page.published and page.site and page.authors and page.url)
    doc = trafilatura.bare_extraction(
        tree,
        url=page.url,
        with_metadata=missing,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    if doc is not None:
        page.text = doc.text or ""
        page.title = page.title or doc.title
        if not page.published and doc.date:
            page.published = parse_date(doc.date)
        page.site = page.site or doc.sitename
        if not page.authors and doc.author:
            page.authors = [a.strip() for a in re.split(r"\s*;\s*", doc.author) if a.strip()]
    if not page.text.strip():
        # trafilatura found no story (or libxml2 gave up on ten thousand nested <div>s): every
        # block of text on the page, for the line rules to clean
        page.text = plain_text(html)
    if page.title:
        page.title = " ".join(page.title.split())
    return page


class _TextOnly(HTMLParser):
    """Collects a page's text a block a line, without building a tree (so any depth is fine)."""

    BLOCKS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "header", "footer", "blockquote", "pre", "figcaption", "dd", "dt", "main", "aside"}
    SKIP = {"script", "style", "noscript", "template", "svg", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """The text of every block of ``html``, one block a line (a fallback when trafilatura finds none)."""
    parser = _TextOnly()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; whatever it raises, keep what was read
        pass
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
