"""Clean a page's text line by line: drop furniture (rules + layout heuristics), keep every story line.

The rules of ``furniture.yaml`` drop single lines; the heuristics here look at a line's place on
the page: the title and its repeats, captions repeated or followed by a credit label, the lead
teaser repeated in the story, headline teasers between paragraphs (plain text only), and the
footer after a closing byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from warta.article import Removed
from warta.extract import furniture, resources
from warta.extract.dates import FoundDate, parse_date_line
from warta.extract.meta import function_words, is_person, split_names
from warta.extract.outlets import Registry

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
# How a story line ends; a line ending otherwise is a headline, a label or a caption.
_SENTENCE_END = re.compile(r"[.!?…:;\"”’'»)\]]\s*$")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(slots=True)
class Item:
    """One non-empty line of the page, and why it was dropped (``None``: kept)."""

    text: str
    reason: str | None = None
    listed: bool = False  # an item of a list the story announces ("Berikut …:"): story, never a teaser
    cut: bool = False  # the unfinished last line of a text cut off after a story paragraph: story


@dataclass(slots=True)
class Cleaned:
    """The kept lines of a page and what its furniture told us."""

    paragraphs: list[str]
    removed: list[Removed]
    title: str | None = None
    dates: list[FoundDate] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    tag_lines: list[str] = field(default_factory=list)


def normalise_line(line: str) -> str:
    """A line with odd spaces (NBSP, zero-width) made plain and the ends stripped."""
    return _SPACE.sub(" ", line).strip()


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def clean(
    text: str,
    outlets: Registry,
    *,
    title: str | None = None,
    mode: str = "text",
    rule_set: tuple[furniture.Rule, ...] | None = None,
) -> Cleaned:
    """Split ``text`` into kept paragraphs and removed furniture; ``mode`` is "text" or "html"."""
    items = [Item(t) for t in (normalise_line(line) for line in text.split("\n")) if t]
    out = Cleaned(paragraphs=[], removed=[])
    _apply_rules(items, out, outlets, rule_set if rule_set is not None else furniture.rules())
    out.title = title or _find_title(items)
    _drop_title(items, out.title)
    _drop_repeats(items)
    _drop_footer_after_byline(items)
    if mode == "text":
        _mark_announced_lists(items)
        _mark_cut_end(items)
        _drop_headlines(items, out.title)
        _drop_trailing(items)
    _drop_lead_teaser(items)
    for item in items:
        if item.reason is None:
            out.paragraphs.append(item.text)
        else:
            out.removed.append(Removed(item.text, item.reason))
    return out


_HEAD_JOIN = re.compile(r"\s+(?:pada|on)$", re.I)


def _apply_rules(items: list[Item], out: Cleaned, outlets: Registry, rule_set) -> None:
    for i, item in enumerate(items):
        if item.reason is not None:
            continue
        found = parse_date_line(item.text)
        if found is not None:
            item.reason = "dateline-date"
            out.dates.append(found)
            # "Rahmat Hidayat, Jurnalis - Kamis, 6 Maret 2025": a byline may open the date line
            # "Oleh Tira Santia pada 06 Mei 2024, 14:05 WIB" (Liputan6): "pada" joins name and date
            head = _HEAD_JOIN.sub("", item.text[: found.start].strip(" -–—|·•,"))
            hit = furniture.match(head, rule_set) if len(head) >= 6 else None
            if hit is not None and hit[0].reason == "byline":
                _take_groups(hit[1], out, outlets)
            elif not head:
                _take_name_above(items, i, out, outlets)
            continue
        hit = furniture.match(item.text, rule_set)
        if hit is None:
            if outlets.is_site_name(item.text):
                item.reason = "site-name"
            continue
        rule, m = hit
        item.reason = rule.reason
        groups = _take_groups(m, out, outlets)
        if rule.action == "label" and not groups:
            nxt = _next_kept(items, i)
            if nxt is not None and len(items[nxt].text) <= 300 and not items[nxt].text.endswith("."):
                items[nxt].reason = rule.reason
                out.tag_lines.append(items[nxt].text)
        elif rule.action in ("author-label", "editor-label") and not groups:
            _take_credit_value(items, i, out, outlets, rule.action == "editor-label")
        elif rule.action == "credit-label":
            _drop_caption_around(items, i)
        elif rule.action == "footer":
            for later in items[i + 1 :]:
                later.reason = later.reason or "footer"


@lru_cache(maxsize=None)
def _not_writer() -> frozenset[str]:
    return frozenset(w.lower() for w in resources.words("bylines.yaml", "not-writer"))


# The head of a copied page where an unlabelled writer's line may stand (title, writer, date).
MAX_HEAD_LINE = 3


def _take_name_above(items: list[Item], i: int, out: Cleaned, outlets: Registry) -> None:
    """A writer's name printed alone between the headline and the date line, as IDN Times and
    Detik copies read ("Judul berita …" / "Rizky Santoso" / "07 Mei 2024 | 11:40 WIB"): a line of
    two to four capitalised words that are people's names, right under a longer headline line.
    A section, desk or region label in that place ("Kabar Daerah", "Jawa Barat": a word of
    bylines.yaml group not-writer) is no writer."""
    if not 2 <= i <= MAX_HEAD_LINE:
        return
    line, above = items[i - 1], items[i - 2]
    if line.reason is not None or above.reason is not None:
        return
    words = line.text.split()
    if not 2 <= len(words) <= 4 or len(above.text.split()) < 5 or len(above.text.split()) <= len(words):
        return
    if any(not w[0].isupper() or not w.isalpha() for w in words):
        return
    if any(w.lower() in _not_writer() for w in words) or not is_person(line.text, outlets):
        return
    names = split_names(line.text, outlets)
    if names == [line.text]:
        line.reason = "byline"
        out.authors.extend(names)


def _take_groups(m: re.Match, out: Cleaned, outlets: Registry) -> dict[str, str]:
    """Authors, editors and tag lines of a rule's named groups, added to ``out``; the groups."""
    groups = {k: v for k, v in m.groupdict().items() if v}
    if groups.get("authors"):
        out.authors.extend(split_names(groups["authors"], outlets))
    if groups.get("editors"):
        out.editors.extend(split_names(groups["editors"], outlets))
    if groups.get("tags"):
        out.tag_lines.append(groups["tags"])
    return groups


def _take_credit_value(items: list[Item], i: int, out: Cleaned, outlets: Registry, editor: bool) -> None:
    """A role label alone on its line ("Penulis", then the name on the next line, as a Kompas page
    copies): the next line is the name when it is short and no sentence."""
    nxt = _next_kept(items, i)
    if nxt is None or nxt != i + 1:
        return
    value = items[nxt].text
    if len(value) > 80 or value.endswith(".") or len(value.split()) > 8:
        return
    names = split_names(value, outlets)
    if names:
        items[nxt].reason = "byline"
        (out.editors if editor else out.authors).extend(names)


def _next_kept(items: list[Item], i: int) -> int | None:
    for j in range(i + 1, len(items)):
        if items[j].reason is None:
            return j
    return None


def _drop_caption_around(items: list[Item], i: int) -> None:
    """A credit label ("Photo :"): the caption above it and the short credit lines under it go."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if items[j].reason is None:
            # captions are short; a longer line above the label is story (a photo without caption)
            if len(items[j].text) <= 90 or (len(items[j].text) <= 250 and not _SENTENCE_END.search(items[j].text)):
                items[j].reason = "caption"
            break
    for j in range(i + 1, min(len(items), i + 4)):
        line = items[j].text
        if items[j].reason is None and len(line) <= 80 and not _SENTENCE_END.search(line):
            items[j].reason = "caption"
        elif items[j].reason != "caption":
            break


# A headline is short and does not end like a sentence; an excerpt copied from the middle of a
# page starts with a story line instead ("Liputan6.com, Abu Dhabi - Rusia dan Ukraina menukar …
# melalui perantara UEA."): 46 of 140 real passages (realnews dev + train) did.
_TITLE_MAX_WORDS = 20
_STORY_END = re.compile(r"[.!][\"”’')]*\s*$")
_STORY_END_MIN_WORDS = 8


def _story_line(text: str) -> bool:
    """True when a line reads as a story sentence, not a headline: long, or a sentence of 8+ words."""
    words = len(text.split())
    return words > _TITLE_MAX_WORDS or (words >= _STORY_END_MIN_WORDS and bool(_STORY_END.search(text)))


def _find_title(items: list[Item]) -> str | None:
    """The first substantial kept line when it reads as a headline: plain-text copies start with it."""
    for item in items:
        if item.reason is None and len(item.text.split()) >= 2:
            return None if _story_line(item.text) else item.text
    return None


def _drop_title(items: list[Item], title: str | None) -> None:
    if not title:
        return
    key = _key(title)
    for item in items:
        if item.reason is None and _key(item.text) == key:
            item.reason = "title"


def _drop_repeats(items: list[Item]) -> None:
    """Captions show up twice (image and its alt text); a story line never does."""
    removed = {_key(it.text): it.reason for it in items if it.reason is not None}
    previous: Item | None = None
    for item in items:
        if item.reason is None:
            key = _key(item.text)
            if key in removed and len(item.text) <= 300:
                item.reason = removed[key] if removed[key] not in ("title",) else "title"
            elif previous is not None and previous.reason is None and _key(previous.text) == key:
                previous.reason = item.reason = "caption" if len(item.text) <= 300 else "duplicate"
            elif _repeats_itself(item.text):
                item.reason = "caption"
        previous = item


# A caption glued to its copy is two short captions; a longer line that repeats its opening is a
# story paragraph (or an odd one the stages must still read), never a caption.
CAPTION_COPY_MAX = 600


def _repeats_itself(line: str) -> bool:
    """A caption glued to its own copy: "Gambar dari ... (23/3/2019).Courtesy via Twitter Gambar dari ..."."""
    if not 80 <= len(line) <= CAPTION_COPY_MAX:
        return False
    head = line[:40]
    return line.find(head, 40) != -1


def _drop_footer_after_byline(items: list[Item]) -> None:
    """After a closing byline ("Editor: X") only site furniture follows."""
    total = sum(len(it.text) for it in items if it.reason is None)
    if not total:
        return
    seen = 0
    for i, item in enumerate(items):
        if item.reason is None:
            seen += len(item.text)
        elif item.reason == "byline" and seen >= 0.6 * total:
            for later in items[i + 1 :]:
                if later.reason is None:
                    later.reason = "footer"
            return


def looks_like_headline(line: str) -> bool:
    """A short line without a final stop whose words are mostly capitalised: a linked headline."""
    if _SENTENCE_END.search(line):
        return False
    words = _WORDS.findall(line)
    if not 3 <= len(words) <= 25:
        return False
    content = [w for w in words if len(w) >= 4] or words
    capitalised = sum(w[0].isupper() for w in content)
    return capitalised / len(content) >= 0.5


# Reasons of lines that make a neighbouring headline-shaped line part of a block of teasers.
_TEASER_REASONS = {"related-link", "popular-block", "video-block", "promo"}
# A subheading repeats the story's words: this share of its content words, and at least this many.
SUBHEADING_OVERLAP = 0.75
SUBHEADING_MIN_WORDS = 3


def _drop_headlines(items: list[Item], title: str | None) -> None:
    """Headline teasers between paragraphs of a plain-text copy (VIVA, Liputan6 related stories).

    A headline-shaped line that stands alone between story paragraphs and is about the story
    (most of its words recur in it) is a subheading of the story and stays.
    """
    started = title is None
    candidates = []
    for i, item in enumerate(items):
        if item.reason == "title":
            started = True
            continue
        if started and item.reason is None and not (item.listed or item.cut) and looks_like_headline(item.text):
            candidates.append(i)
    if not candidates:
        return
    chosen = set(candidates)
    story = " ".join(it.text for j, it in enumerate(items) if it.reason is None and j not in chosen)
    vocabulary = set(_WORDS.findall(story.lower()))
    for i in candidates:
        if not _is_subheading(items, i, chosen, vocabulary):
            items[i].reason = "related-link"


def _is_subheading(items: list[Item], i: int, candidates: set[int], vocabulary: set[str]) -> bool:
    """A lone headline-shaped line whose content words mostly recur in the story."""
    for j in (i - 1, i + 1):
        if j in candidates or (0 <= j < len(items) and items[j].reason in _TEASER_REASONS):
            return False  # one teaser of a block ("Berita Terkait" rails list several)
    if i + 1 >= len(items) or items[i + 1].reason not in (None, "caption"):
        return False  # a subheading introduces story text (or the photo above it), not furniture
    stop = function_words()
    words = [w for w in (w.lower() for w in _WORDS.findall(items[i].text)) if len(w) >= 4 and w not in stop]
    shared = sum(w in vocabulary for w in words)
    return shared >= SUBHEADING_MIN_WORDS and shared >= SUBHEADING_OVERLAP * len(words)


# A list item: "1. Banten: …", "2) …", "- …", "• …".
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-•*])\s+\S")
# A story line that announces a list ends with a colon and has a few words ("Berikut daftar …:").
ANNOUNCE_MIN_WORDS = 4
_WORD_CHAR = re.compile(r"\w")


def _announces(text: str) -> bool:
    """The line ends with a colon (then only spaces) that a letter or digit precedes on its line:
    what ``re.search(r"\\w.*:\\s*$", text)`` tells, without its retries from every letter of a
    long paragraph (a quarter of the extraction's time on Detik articles)."""
    end = text.rstrip()
    return end.endswith(":") and _WORD_CHAR.search(end[:-1].rpartition("\n")[2]) is not None


def _mark_announced_lists(items: list[Item]) -> None:
    """The numbered or bulleted lines right after a story line that announces them ("Berikut
    terduga teroris yang ditangkap: / 1. Banten: … / 2. Bali: …") are the story's own list, though
    their capitalised names make them look like a block of headline teasers."""
    for i, item in enumerate(items):
        if item.reason is not None or len(item.text.split()) < ANNOUNCE_MIN_WORDS or not _announces(item.text):
            continue
        for later in items[i + 1 :]:
            if later.reason is not None or not _LIST_ITEM.match(later.text):
                break
            later.listed = True


# Lines that may stand between two story paragraphs without ending the story: teasers and ad
# labels a rule dropped ("Baca juga: …", "ADVERTISEMENT").
_BETWEEN_PARAGRAPHS = ("related-link", "ad")


def _footnote(text: str) -> bool:
    """The line opens with a footnote mark ("*", "*)"): the writer's note under a column, not a story paragraph
    cut off. (A line ending with a colon, a label announcing what follows, counts as finished and is kept
    or dropped by the other rules, not this one.)"""
    return text.lstrip().startswith("*")


def _mark_cut_end(items: list[Item]) -> None:
    """A text that ends on an unfinished line right after a story paragraph was cut off in the
    middle of the next paragraph (an excerpt copied up to a length limit: "... kata Harris." /
    "Harris juga mengi"): that last line is story, not a footer or a teaser headline. Site
    furniture at the end of a page comes after other furniture, is caught by a rule (the last line of a
    full page: "Tonton juga Video: ...", "Artikel ini sudah tayang di ...", "Load more") or opens with a
    footnote mark."""
    if not items or items[-1].reason is not None or _SENTENCE_END.search(items[-1].text) or \
            _footnote(items[-1].text):
        return
    for before in reversed(items[:-1]):
        if before.reason in _BETWEEN_PARAGRAPHS:
            continue
        if before.reason is None and _story_line(before.text):
            items[-1].cut = True
        return


def _drop_trailing(items: list[Item]) -> None:
    """Short lines after the last story sentence of a plain-text copy are the page footer."""
    for item in reversed(items):
        if item.reason is not None:
            continue
        if _SENTENCE_END.search(item.text) or len(item.text.split()) > 12 or item.listed or item.cut:
            return
        item.reason = "footer"


def _drop_lead_teaser(items: list[Item]) -> None:
    """The lead shown under the title is furniture when the story repeats it verbatim."""
    kept = [it for it in items if it.reason is None]
    if len(kept) < 2 or len(kept[0].text) < 40:
        return
    lead = _key(kept[0].text)
    if any(lead in _key(later.text) for later in kept[1:]):
        kept[0].reason = "teaser"
