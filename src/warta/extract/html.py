"""Main text and metadata of an HTML page: trafilatura for the story, ``<meta>`` tags for what it misses."""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from warta.extract.dates import FoundDate, find_date, parse_date, parse_date_line
from warta.extract.resources import alternation, words

# <meta> names and properties, by the field they give, most trusted first.
META = {
    "title": ("og:title", "twitter:title", "title", "dc.title"),
    "published": (
        "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
        "dtk:publishdate", "publish-date", "publish_date", "content_publisheddate", "content_publishdate",
        "dc.date.issued", "dcterms.issued", "parsely-pub-date", "sailthru.date", "publication_date", "date",
        "dc.date", "og:published_time",
    ),
    "updated": ("article:modified_time", "datemodified", "og:updated_time"),
    "site": ("og:site_name", "application-name", "twitter:site"),
    # the reporter fields first: Kompas's "author" names the company, its "content_author" the reporter
    "author": ("content_author", "dtk:author", "author", "article:author", "dc.creator", "parsely-author",
               "sailthru.author"),
    "editor": ("content_editor", "dtk:editor", "editor"),
    "keywords": ("news_keywords", "keywords", "article:tag", "content_tag"),
    "url": ("og:url", "twitter:url"),
}
# Elements whose class or id marks the page's date line.
_DATE_CLASS = re.compile(r"date|time|tanggal|publish|waktu|posted", re.I)
# Elements whose class or id marks a byline (the credit block above the story, "Editor: X", is often
# outside what trafilatura keeps), and those that mark the writer's name printed without a label
# ("Hana Prameswari - detikNews", Liputan6's "author__name", Okezone's "namerep").
_BYLINE_CLASS = re.compile(r"author|penulis|editor|byline|credit|reporter|redaktur|writer|namerep|nama-redaksi", re.I)
_WRITER_CLASS = re.compile(r"author|penulis|byline|reporter|writer|namerep|nama-redaksi", re.I)
_EDITOR_CLASS = re.compile(r"editor|redaktur", re.I)
# The role label a byline opens with ("Penulis: X", "Rep: X/ Red: Y", "Laporan Wartawan Tribunnews.com, X"),
# and a label with nothing after it (a heading of the credit block, "<h6>Penulis</h6>").
_BYLINE_LABEL = re.compile(
    r"^(?:penulis|reporter|pewarta|wartawan|jurnalis|kontributor|editor|redaktur|penyunting|oleh"
    r"|laporan\s+(?:wartawan|reporter|koresponden)\b|rep\s*:|red\s*:)", re.I)
_LABEL_ONLY = re.compile(r"^(?:penulis|reporter|pewarta|wartawan|jurnalis|kontributor|editor|redaktur|penyunting"
                         r"|oleh|rep|red)\s*:?$", re.I)
_LABEL_INITIALS = frozenset("pPrRwWjJkKeEoOlL")  # first letters of the labels above
_BYLINE_TAGS = ("div", "span", "p", "li", "small", "address", "h5", "h6", "strong", "b", "a")


@lru_cache(maxsize=None)
def _editor_list() -> re.Pattern:
    """Marks of editors' choices, lists of stories, not an editor's credit (bylines.yaml words, group
    editor-list; anywhere in the class: "editorpick")."""
    return re.compile(alternation("bylines.yaml", "editor-list"), re.I)


# Schema.org types whose JSON-LD describes the story (Detik describes it as a WebPage).
_LD_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage",
             "OpinionNewsArticle", "VideoObject"}


@dataclass(slots=True)
class Page:
    """What an HTML page gives: the main text (one paragraph a line) and its metadata."""

    text: str = ""
    title: str | None = None
    published: str | None = None
    published_zoned: bool = True  # False: the meta tag gave a time without a zone (WIB assumed)
    date_lines: list[FoundDate] = field(default_factory=list)  # in elements marked as dates
    loose_dates: list[FoundDate] = field(default_factory=list)  # date lines with a time anywhere else
    guessed_date: str | None = None  # trafilatura's (htmldate's) guess, when no tag gives a date
    site: str | None = None
    url: str | None = None
    # author values, most trusted source first (JSON-LD persons, then the meta tags in META order,
    # then trafilatura's guess): the first that names a person is taken (``extract``)
    authors: list[list[str]] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)  # <figcaption> texts, for photo pages


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
    """Date lines printed in the page (``<time>``, elements with a date-like class), in page order;
    none from lists of other stories (their older dates would win as the "first publication")."""
    found = []
    for node in tree.iter("time"):
        if _in_other_stories(node):
            continue
        value = node.get("datetime")
        iso = parse_date(value) if value else None
        text = " ".join(node.text_content().split())
        line = parse_date_line(text) if text else None
        if line is not None and iso and "T" in iso and "T" not in line.value and iso.startswith(line.value):
            line.value = iso  # "<time datetime=…T14:05…>6 Mei 2024</time>": the attribute has the time
        if line is not None:
            found.append(line)
        elif iso:
            found.append(FoundDate(iso, "plain", 0, 0))
    for node in tree.iter("div", "span", "p", "small", "li"):
        marker = f"{node.get('class') or ''} {node.get('id') or ''}"
        # the writer's element often carries the date too: "Johanis Sapulette • 06 Mei 2024 16:05 WIT"
        if not _DATE_CLASS.search(marker) and not _WRITER_CLASS.search(marker):
            continue
        text = " ".join(node.text_content().split())
        line = parse_date_line(text) if 6 <= len(text) <= 120 else None
        if line is None:
            # "<span class="date" title="06/05/2024 14:05">2 jam lalu</span>": a relative time
            # shown, the date in an attribute
            value = next((node.get(a) for a in _DATE_ATTRIBUTES if node.get(a)), None)
            line = parse_date_line(value) if value else None
        if line is not None and not _in_other_stories(node):
            found.append(line)
    return found


_DATE_ATTRIBUTES = ("title", "data-date", "data-time", "datetime", "content")


def _loose_dates(tree) -> list[FoundDate]:
    """Date lines with a time in any short element outside lists of other stories ("Senin, 06 Mei
    2024 14:12 WIB" in CNN Indonesia's unmarked header): those after the headline (``<h1>``) first,
    in page order, then those before it (a site's clock in the top bar comes before the headline).
    Read only when neither the meta tags nor the marked elements give the time."""
    after: list[FoundDate] = []
    before: list[FoundDate] = []
    seen_headline = False
    for node in tree.iter():
        if node.tag == "h1":
            seen_headline = True
            continue
        if node.tag not in _LOOSE_TAGS:
            continue
        own = (node.text or "").strip()
        if not own or not any(c.isdigit() for c in own) and len(node) == 0:
            continue
        text = " ".join(node.text_content().split())
        if not 10 <= len(text) <= 120:
            continue
        line = parse_date_line(text)
        if line is not None and "T" in line.value and not _in_other_stories(node):
            (after if seen_headline else before).append(line)
    return after + before


_LOOSE_TAGS = {"div", "span", "p", "small", "li", "b", "strong", "em"}


def _microdata_published(tree) -> str | None:
    """The ``itemprop="datePublished"`` of an element other than ``<meta>`` (``<span content=…>``,
    ``<time datetime=…>``), or None."""
    for node in tree.iterfind(".//*[@itemprop='datePublished']"):
        value = node.get("content") or node.get("datetime") or node.text_content()
        if value and value.strip():
            return value.strip()
    return None


def _ld_objects(data):
    """Every JSON object of a JSON-LD block (lists and ``@graph`` opened)."""
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"])


def _ld_names(value) -> list[str]:
    """Person names of a JSON-LD ``author``/``editor`` value; organisations are no authors."""
    names = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and item.get("@type") in (None, "Person") and isinstance(item.get("name"), str):
            names.append(item["name"])
    return [" ".join(n.split()) for n in names if n.strip()]


_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_LD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")


def _ld_data(text: str):
    """The JSON of a JSON-LD block, or None: raw line breaks inside strings (an ``articleBody``
    copied with its paragraphs, as Tribun and Detik print it) and an HTML-comment or CDATA
    wrapper are accepted."""
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    try:
        return json.loads(_LD_WRAPPER.sub("", text.strip()), strict=False)
    except ValueError:
        return None


def _json_ld(tree) -> dict:
    """Publication date, title, authors and editors of the story's JSON-LD (``<script type=
    "application/ld+json">``), the first story object that gives each."""
    found: dict = {"published": None, "title": None, "authors": [], "editors": []}
    for node in tree.iter("script"):
        if (node.get("type") or "").strip().lower() != "application/ld+json" or not node.text:
            continue
        data = _ld_data(node.text)
        if data is None:
            # a broken block (unescaped quotes in a headline): its datePublished can still be read
            if not found["published"]:
                m = _LD_PUBLISHED.search(node.text)
                found["published"] = m.group(1) if m else None
            continue
        for obj in _ld_objects(data):
            kinds = obj.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if not kinds & _LD_TYPES:
                continue
            if not found["published"] and isinstance(obj.get("datePublished"), str):
                found["published"] = obj["datePublished"]
            if not found["title"] and isinstance(obj.get("headline"), str):
                found["title"] = obj["headline"]
            found["authors"] = found["authors"] or _ld_names(obj.get("author"))
            found["editors"] = found["editors"] or _ld_names(obj.get("editor"))
    return found




@lru_cache(maxsize=None)
def _other_stories() -> re.Pattern:
    """Page parts listing other stories, whose bylines are not this story's: a class or id word of
    bylines.yaml (group other-stories) at the start of a word of the class ("berita-lainnya",
    "related_posts", "newsList", "comments"; not "another", "journalist"); a "-" in a listed word may
    be written "_" or left out ("bacajuga", "most_read")."""
    listed = sorted(words("bylines.yaml", "other-stories"), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\-", "[-_]?") for w in listed)
    # a word starts after a non-letter or at a small-to-capital step (camel case)
    return re.compile(rf"(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))(?i:{alternatives})")
# More labelled bylines than this on one page: a list of stories, not one story's credits.
MAX_BYLINES = 4


def _in_other_stories(node) -> bool:
    for parent in node.iterancestors():
        if parent.tag in ("body", "html"):
            break  # WordPress marks <body> "has-sidebar", "single-post": a mark of the page, not a list
        if parent.tag in ("aside", "footer", "nav"):
            return True
        if _other_stories().search(f"{parent.get('class') or ''} {parent.get('id') or ''}"):
            return True
    return False


def _node_lines(node) -> list[str]:
    """The text of ``node`` a line per ``<br>``-separated line, whitespace collapsed."""
    import lxml.html

    markup = lxml.html.tostring(node, encoding=str, with_tail=False)
    text = lxml.html.fromstring(re.sub(r"(?i)<br\s*/?>", "\n", markup)).text_content()
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _name_shaped(text: str) -> bool:
    """A writer's name as pages print it unlabelled: short, no sentence ("Hana Prameswari -
    detikNews", "Taufik Hidayatullah, Jurnalis" once its date is taken off)."""
    return (3 <= len(text) <= 80 and len(text.split()) <= 10 and not any(c.isdigit() for c in text)
            and not re.search(r"[.!?]\s+\w", text))


def _without_date(text: str) -> str:
    found = find_date(text)
    if found is None:
        return text
    return (text[: found.start] + " " + text[found.end :]).strip(" ·|,-–—")


def _bylines(tree) -> list[str]:
    """Byline lines of the page, in page order, without repeats: a line opening with a role label
    ("Penulis: X", "Rep: X/ Red: Y") in any element, or a name printed in an element marked as the
    writer's; none inside lists of other stories, none when there are more than ``MAX_BYLINES``."""
    found = []
    for node in tree.iter(*_BYLINE_TAGS):
        cls, ident, own = node.get("class"), node.get("id"), (node.text or "").lstrip()
        # rel="author" and itemprop="author" mark the writer as a class does
        extra = node.get("rel") or node.get("itemprop")
        if extra:
            cls = f"{cls or ''} {extra}"
        elif node.tag == "a":
            continue  # a link is a byline only by rel="author" (its class may be a wrapper's: Bisnis's "authorName")
        marker = f"{cls or ''} {ident or ''}" if cls or ident else ""
        marked = bool(marker) and bool(_BYLINE_CLASS.search(marker))
        # most elements neither are marked nor open with a label: their first letter tells
        if not marked and (not own or own[0] not in _LABEL_INITIALS or not _BYLINE_LABEL.match(own)):
            continue
        text = " ".join(node.text_content().split())
        if not 3 <= len(text) <= 200 or _LABEL_ONLY.match(text) or _in_other_stories(node):
            continue
        for line in _node_lines(node) if len(text) > 40 else [text]:
            if 3 <= len(line) <= 150 and _BYLINE_LABEL.match(line) and not _LABEL_ONLY.match(line):
                found.append(line)
            elif _WRITER_CLASS.search(marker) and not _EDITOR_CLASS.search(marker) and not _DATE_CLASS.search(marker):
                line = _without_date(line)
                if _name_shaped(line) and not _LABEL_ONLY.match(line):
                    found.append(line)
            elif _EDITOR_CLASS.search(marker) and not _editor_list().search(marker) and not _DATE_CLASS.search(marker):
                # an editor's name printed without its label in an element marked as the editor's
                line = _without_date(line)
                if _name_shaped(line) and len(line.split()) <= 5 and not _LABEL_ONLY.match(line):
                    found.append(f"Editor: {line}")
    # a wrapper ("credit") holds its children's lines run together: keep the innermost texts only
    unique = list(dict.fromkeys(found))
    inner = [t for t in unique if not any(other != t and other in t for other in unique)]
    return inner if len(inner) <= MAX_BYLINES else []


# Block elements that pages put inside the story (ads, embeds, related boxes); text after them
# ("<div class=ads>..</div>Story text<br>") is their tail, which cleaners drop with them.
_BLOCKS = ("div", "table", "figure", "aside", "section", "ul", "ol", "script", "style", "ins", "iframe", "center")


def _rescue_tails(tree) -> None:
    """Move story text that trails a block element into its own paragraph, so it survives cleaning."""
    import lxml.html

    for node in list(tree.iter(*_BLOCKS)):
        tail = node.tail
        if tail and tail.strip() and node.getparent() is not None:
            node.tail = None
            para = lxml.html.Element("p")
            para.text = tail
            node.addnext(para)


def read_page(html: str, url: str | None = None) -> Page:
    """Extract the main text and metadata of ``html`` (no I/O)."""
    # imported with the first page: a run over text records (JSONL, .txt) never needs them, and
    # importing trafilatura and lxml costs about 0.1 s of CPU at every start
    import lxml.html
    import trafilatura
    from lxml import etree

    page = Page(url=url)
    try:
        # huge_tree: a page with a 20 MB attribute (an inline image) is read, not given up on
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        page.text = plain_text(html)
        return page
    meta = _meta(tree)
    ld = _json_ld(tree)
    page.title = _first(meta, "title") or ld["title"]
    published = _first(meta, "published") or ld["published"] or _microdata_published(tree)
    found = find_date(published.strip()) if published else None
    if found is not None:
        page.published, page.published_zoned = found.value, found.zoned
    page.site = _first(meta, "site")
    page.url = url or _first(meta, "url")
    if not page.url:
        canonical = tree.find(".//link[@rel='canonical']")
        page.url = canonical.get("href") if canonical is not None else None
    page.authors = [ld["authors"]] if ld["authors"] else []
    for key in META["author"]:
        for value in meta.get(key, []):
            if not value.startswith("http"):
                page.authors.append([a.strip() for a in re.split(r"\s*(?:,|;|\bdan\b|&)\s*", value) if a.strip()])
    page.editors = ld["editors"] + [v for key in META["editor"] for v in meta.get(key, [])]
    keywords = [k for key in META["keywords"] for v in meta.get(key, []) for k in v.split(",")]
    page.tags = list(dict.fromkeys(k.strip() for k in keywords if k.strip()))
    page.date_lines = _printed_dates(tree)
    timed = any("T" in d.value for d in page.date_lines)
    if not timed and not (page.published and "T" in page.published and page.published_zoned):
        page.loose_dates = _loose_dates(tree)
    page.bylines = _bylines(tree)
    page.captions = list(dict.fromkeys(
        text for node in tree.iter("figcaption") if not _in_other_stories(node)
        for text in [" ".join(node.text_content().split())] if len(text) >= 20))
    page.title = _whole_title(page.title, tree)
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
            page.guessed_date = parse_date(doc.date)  # htmldate's guess: below what the page prints
        page.site = page.site or doc.sitename
        if doc.author:  # trafilatura's guess: the last resort
            page.authors.append([a.strip() for a in re.split(r"\s*;\s*", doc.author) if a.strip()])
    if not page.text.strip():
        # trafilatura found no story (or libxml2 gave up on ten thousand nested <div>s): every
        # block of text on the page, for the line rules to clean
        page.text = plain_text(html)
    if page.title:
        page.title = " ".join(page.title.split())
    return page


def _whole_title(title: str | None, tree) -> str | None:
    """The headline: the tag's (entities escaped twice, "&amp;quot;", read once more), or the
    longest ``<h1>`` when there is no tag or the tag cut the headline short ("Judul panjang yang …")."""
    if title and "&" in title:
        title = html_lib.unescape(title)
    if title and not title.rstrip().endswith(("...", "…")):
        return title
    stem = title.rstrip().rstrip(".…").strip() if title else ""
    # the longest fitting <h1>: a site's logo is an <h1> too on some pages ("<h1><a>Radar Bekasi</a></h1>")
    heads = (" ".join(node.text_content().split()) for node in tree.iter("h1"))
    fitting = [text for text in heads if text.startswith(stem) and len(text) > len(stem)]
    return max(fitting, key=len) if fitting else title


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
