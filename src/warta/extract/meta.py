"""Metadata read from the clean text: dateline, cited sources, tag lists, person names, language."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from warta.article import Dateline
from warta.extract.dates import find_date
from warta.extract.outlets import Registry
from warta.extract.resources import alternation, load, words

_DASH = r"\s*(?:-{1,2}|–|—|:)\s+"
_PLACE = r"[A-Z][A-Za-z'’.]*(?:[ -][A-Z][A-Za-z'’.]*){0,3}"
# A web name printed as an agency though not in the registry: "Jurnas.com", "tirto.id".
_DOMAIN_AGENCY = r"[A-Za-z][\w-]*\.(?:com|co\.id|id|net|co|tv|org)"


def _title_place(place: str) -> str:
    """WASHINGTON DC -> Washington DC; Washington DC stays; the printed form otherwise."""
    words = []
    for word in place.split():
        words.append(word.capitalize() if word.isupper() and len(word) > 2 else word)
    return " ".join(words)


@lru_cache(maxsize=None)
def _dateline_patterns(outlets: Registry) -> tuple[re.Pattern, ...]:
    """The dateline shapes of ``find_dateline``, in the order tried, compiled once per registry
    (the agency alternation holds every outlet name: recompiling it is what a dateline cost when
    other patterns pushed it out of ``re``'s cache)."""
    agency = rf"(?:{outlets.pattern.pattern}|{_DOMAIN_AGENCY})"
    return (
        # PLACE, AGENCY -   (Kompas, iNews, Jurnas, CNN Indonesia "Jakarta, CNN Indonesia --")
        re.compile(rf"(?P<place>{_PLACE}),\s*(?P<agency>{agency}){_DASH}"),
        # AGENCY, Place -   (Liputan6, Tempo "TEMPO.CO, Jakarta -", Republika)
        re.compile(rf"(?P<agency>{agency}),\s*(?P<place>{_PLACE}){_DASH}"),
        # Place (AGENCY) -   (Antara "Jakarta (ANTARA) -")
        re.compile(rf"(?P<place>{_PLACE})\s*\((?P<agency>{agency})\){_DASH}"),
        # AGENCY [Channel] -   (VIVA "VIVA Dunia –", Suara "Suara.com -"): an agency, no place
        re.compile(rf"(?P<agency>{agency})(?:\s+[A-Z][a-z]+)?{_DASH}"),
        # JAKARTA -  (Okezone, Sindonews), Jakarta -  (Detik): a place, no agency
        re.compile(r"(?P<place>[A-Z]{3,}(?:\s+[A-Z]{2,}){0,2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+[-–—]{1,2}\s+"),
    )


def find_dateline(paragraph: str, outlets: Registry) -> Dateline | None:
    """The dateline opening ``paragraph``: "MOSKWA, KOMPAS.com -", "Liputan6.com, Washington DC -", "VIVA –"."""
    head = paragraph[:120]
    for pattern in _dateline_patterns(outlets):
        m = pattern.match(head)
        if m:
            groups = m.groupdict()
            place = groups.get("place")
            return Dateline(_title_place(place) if place is not None else None, groups.get("agency"))
    return None


# Cues that introduce a cited source: "dikutip dari", "Dilansir dari", "Melansir", "mengutip", "menurut".
_CUE = re.compile(
    # the lookahead on the cues' first letters lets the engine skip most positions of the body cheaply
    r"\b(?=[dmsDMS])(?P<cue>dikutip|mengutip|dilansir|melansir|dinukil|menukil|diberitakan|dilaporkan|menurut|seperti dilaporkan)"
    r"(?:\s+(?:dari|oleh))?\s+(?:(?:laman|situs|situs web|media|kantor berita|stasiun televisi|harian|surat kabar|majalah|portal)\s+)?",
    re.I,
)
# Cues after which an unknown capitalised name counts as a source (not after "menurut": people).
_OPEN_CUES = {"dilansir", "melansir", "dikutip", "mengutip", "dinukil", "menukil"}
_UNKNOWN_NAME = re.compile(r"(?:The\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}")
# Capitalised words that follow a cue but are not sources: weekdays, pronoun-like words.
_NOT_SOURCES = {
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "presiden", "menteri", "juru", "kepala",
    "pejabat", "sumber", "dia", "ia", "mereka", "kami", "pihak", "laporan", "data", "pernyataan", "keterangan",
}


@lru_cache(maxsize=None)
def _agency_index(outlets: Registry) -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for entry in load("agencies.yaml"):
        for variant in [entry["name"], *(entry.get("variants") or [])]:
            names.setdefault(variant, entry["name"])
    for variant, outlet in outlets.by_variant.items():
        names.setdefault(variant, outlet.name)
    alternatives = sorted(names, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(v) for v in alternatives) + r")(?![\w])"), names


def news_organisations(outlets: Registry) -> tuple[re.Pattern, dict[str, str]]:
    """A pattern matching any printed name of a news agency or outlet (case-sensitive, longest
    first; check the left boundary yourself) and the canonical name of each printed form."""
    return _agency_index(outlets)


def cited_sources(body: str, outlets: Registry) -> list[str]:
    """News organisations the story cites ("dikutip dari AFP" -> AFP), normalised, in order."""
    known, names = _agency_index(outlets)
    found: list[str] = []
    for cue in _CUE.finditer(body):
        rest = body[cue.end() : cue.end() + 80]
        m = known.match(rest)
        if m:
            found.append(names[m.group(0)])
            continue
        if cue.group("cue").lower() in _OPEN_CUES:
            m = _UNKNOWN_NAME.match(rest)
            if m and m.group(0).split()[0].lower() not in _NOT_SOURCES:
                found.append(m.group(0).rstrip("."))
    return list(dict.fromkeys(found))


_NAME_SPLIT = re.compile(r"\s*(?:,|;|/|&|\bdan\b|\band\b)\s*")


@lru_cache(maxsize=None)
def _not_people() -> tuple[re.Pattern, ...]:
    """The patterns of ``bylines.yaml``: byline values that name no person."""
    return tuple(re.compile(entry["pattern"]) for entry in load("bylines.yaml"))


# Lower-case words that may stand inside a person's name ("Ahmad bin Yusuf", "Robert van Dijk").
_NAME_PARTICLES = {"bin", "binti", "bt", "van", "von", "der", "den", "de", "da", "dos", "del", "al", "el", "la", "le"}
MAX_NAME_WORDS = 6


def is_person(name: str, outlets: Registry) -> bool:
    """True when a byline value can be a person: a few capitalised words (not a sentence that a
    label word opened, "Oleh karena itu, Presiden meminta …"), and no outlet, company, desk, team
    or initials (``bylines.yaml``)."""
    name = name.strip()
    words = name.split()
    if len(name) < 3 or len(words) > MAX_NAME_WORDS or outlets.lookup(name) or outlets.find(name):
        return False
    if any(not w[0].isupper() and w.lower() not in _NAME_PARTICLES for w in words[1:]):
        return False
    if _agency_index(outlets)[0].search(name):
        return False  # "Sumber Reuters", "AFP": an agency credited, not a reporter
    return not any(p.search(name) for p in _not_people())


# Where a byline value stops naming people: a bracket or bar, or the date printed after the names
# ("Oleh Yudha Maulana pada 06 Mei 2024, 14:05 WIB", "Candra Wiradinata • 06 Mei 2024 14:05").
# The role printed after the name ends it too: "Raja Eben Lumbanrau Wartawan BBC News Indonesia".
# (the roles: bylines.yaml words, group role-after-name, written capitalised)


@lru_cache(maxsize=None)
def _byline_end() -> re.Pattern:
    roles = "|".join(re.escape(w.capitalize()) for w in sorted(words("bylines.yaml", "role-after-name"),
                                                                key=len, reverse=True))
    return re.compile(r"\s*(?:[|(•]|\s(?i:pada|on|diperbarui|diterbitkan|updated|published)\s+\w*\s*\d"
                      rf"|\s(?:{roles})\s).*$")


def split_names(value: str, outlets: Registry) -> list[str]:
    """Person names of a byline value ("A dan B", "A, B"), without outlet names, companies and initials."""
    value = _byline_end().sub("", value)
    found = find_date(value)
    if found is not None:
        value = value[: found.start]
    value = value.strip(" .:-–·,")
    names = []
    for part in _NAME_SPLIT.split(value):
        part = part.strip(" .:-–·")
        if is_person(part, outlets):
            # a name printed in capitals ("HIDAYAT SETIAWAN", Kompas.id) is written as a name
            names.append(part.title() if part.isupper() and len(part) > 4 else part)
    return names


_AUTHOR_LABEL = re.compile(
    # "Laporan Wartawan Tribunnews.com, X", "Laporan Reporter Tribun Jateng, X", "Laporan Wartawan
    # TribunJakarta.com X" (no comma after a web name); "Kontributor Bandung, X" (Kompas: the role and
    # the reporter's town, then the name)
    r"^(?:laporan\s+(?:wartawan|reporter|koresponden)(?:(?:\s+[\w.-]+){0,3}?\s*,|\s+[\w-]+\.(?:com|co\.id|id|net)\s)"
    r"|(?:kontributor|koresponden)(?:\s+[A-Z][\w.-]*){1,3}\s*,"
    r"|penulis|reporter|pewarta(?:\s+foto)?|wartawan|jurnalis|kontributor\s*:|fotografer|videografer|oleh|ditulis\s+oleh"
    r"|by|author|writer|rep\s*:)\s*:?\s*", re.I)
# A part that opens with a label other than a writer's or an editor's credits no writer: "Translator:
# X" (Tempo English), "Foto: X", "Sumber: Antara", "Grafis: X".
# (bylines.yaml words, group other-label)


@lru_cache(maxsize=None)
def _other_label() -> re.Pattern:
    return re.compile(rf"^(?:{alternation('bylines.yaml', 'other-label')})\s*:", re.I)


_EDITOR_LABEL = re.compile(r"^(?:editor|redaktur|penyunting|red\s*:)\s*:?\s*", re.I)
# "Redaktur & Reporter : X" (JPNN): one person wrote and edited the story
_BOTH_LABEL = re.compile(r"^(?:editor|redaktur)\s*(?:&|dan|/)\s*(?:reporter|penulis)\s*:?\s*"
                         r"|^(?:reporter|penulis)\s*(?:&|dan|/)\s*(?:editor|redaktur)\s*:?\s*", re.I)
# Where a byline value splits into parts: " | ", " - ", and "/" before a role ("Rep: X/ Red: Y").
# "/" or ";" before a role ("Rep: X/ Red: Y", "Redaktur: X / Reporter: Y", "Editor: X; Reporter: Y").
# (the roles: bylines.yaml words, group part-label)


@lru_cache(maxsize=None)
def _byline_parts() -> re.Pattern:
    return re.compile(rf"\s+[|\-–—·•]\s+|\s*\|\s*|\s*[/;]\s*(?=(?:{alternation('bylines.yaml', 'part-label')})\b)", re.I)


def byline_names(value: str, outlets: Registry) -> tuple[list[str], list[str]]:
    """Authors and editors of a byline: "Penulis X | Editor Y", "X - detikNews", "Rep: X/ Red: Y",
    "Market - X, CNBC Indonesia", "Redaktur & Reporter : X" (both)."""
    authors: list[str] = []
    editors: list[str] = []
    for part in _byline_parts().split(value):
        part = part.strip()
        if _BOTH_LABEL.match(part):
            names = split_names(_BOTH_LABEL.sub("", part), outlets)
            authors.extend(names)
            editors.extend(names)
        elif _EDITOR_LABEL.match(part):
            editors.extend(split_names(_EDITOR_LABEL.sub("", part), outlets))
        elif not _other_label().match(part):
            authors.extend(split_names(_AUTHOR_LABEL.sub("", part), outlets))
    return authors, editors


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what the regex \w matches in a str pattern


def _has_phrase(text: str, phrase: str) -> bool:
    """True when ``phrase`` occurs in ``text`` as whole words (a regex per phrase cost a compile each)."""
    at = text.find(phrase)
    while at != -1:
        end = at + len(phrase)
        if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
            return True
        at = text.find(phrase, at + 1)
    return False


def split_tags(value: str, known_text: str) -> list[str]:
    """Tags of a tag line: split on separators, or (space-separated) into phrases of ``known_text``."""
    value = value.strip().strip("#")
    if re.search(r"[,;|#•·\t]|\s{2,}", value):
        parts = re.split(r"\s*(?:[,;|#•·\t]|\s{2,})\s*", value)
        return [p.strip() for p in parts if p.strip()]
    words = value.split()
    if len(words) <= 1:
        return words
    # Tags copied from a page lose their separators: "Iran Amerika Serikat Kesepakatan Nuklir Rusia".
    # Take the longest run of words printed the same way in the story (a name: "Amerika Serikat");
    # neighbouring words the story does not print capitalised form one topic tag ("Kesepakatan Nuklir").
    tags: list[str] = []
    pending: list[str] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 4), i, -1):
            phrase = " ".join(words[i:j])
            if _has_phrase(known_text, phrase):
                break
        else:
            pending.append(words[i])
            i += 1
            continue
        if pending:
            tags.append(" ".join(pending))
            pending = []
        tags.append(phrase)
        i = j
    if pending:
        tags.append(" ".join(pending))
    return tags


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=None)
def _vocabularies() -> tuple[tuple[str, frozenset[str]], ...]:
    """The function words of each language of ``language.yaml``, as sets built once."""
    return tuple((entry["code"], frozenset(entry["words"])) for entry in load("language.yaml"))


def function_words(code: str = "id") -> frozenset[str]:
    """The function words of language ``code`` in ``language.yaml`` (empty when not listed)."""
    return next((vocab for c, vocab in _vocabularies() if c == code), frozenset())


def detect_language(text: str) -> tuple[str, float]:
    """The language code of ``text`` by function-word ratio ("id" unless another clearly wins)."""
    words = _WORD.findall(text[:20000].lower())
    if len(words) < 20:
        return "id", 0.0
    # count each distinct word once, then look up only the (few dozen) function words of each language
    counts = Counter(words)
    scores = {}
    for code, vocab in _vocabularies():
        scores[code] = sum(counts[w] for w in vocab if w in counts) / len(words)
    best = max(scores, key=scores.get)
    indonesian = scores.get("id", 0.0)
    # Only clearly other text counts: a quoted English sentence must not flip an Indonesian story.
    if best != "id" and scores[best] > 0.15 and scores[best] > 2 * indonesian:
        return best, scores[best]
    return "id", indonesian
