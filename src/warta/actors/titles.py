"""Entity spans that news syntax says are two: a place and a person after an office title, a name
and its bracketed acronym.

Indonesian news names officials as title + place + name: "Gubernur Kalimantan Utara Irianto
Lambrie", "Presiden Rusia Vladimir Putin". The statistical NER often returns the place and the
name as one span, or labels the name as a place. After an office title (the role words of
``warta/actors/roles.yaml``), a span that starts with a known country or place (the gazetteer)
and goes on with capitalised words is split into that place (LOC) and a person (PER); a span
right after title + place is a person, and so are the capitalised words right after title + place
that the NER left untagged ("bertemu Presiden Rusia Vladimir Putin di Sochi"), unless they are a
day, a month, a known place or organisation, or a frequent common word. "Susilo Bambang Yudhoyono (SBY)" is two spans of the same
label (a name and its acronym, as NER UI annotates them). The gazetteer and the role words are
loaded the first time an entity needs them.

The rule runs inside the spaCy pipeline as the component ``warta_entity_split`` of the actors
stage; the pipeline builder (``warta.pipeline.build_nlp``) adds it after the language layer's
``warta_entity_trim`` and gives it the calendar words (weekdays and months) of the time stage.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from warta.lang.words import common_words

# Gazetteer record kinds that are places: a span starting with one may go on with a name.
PLACE_KINDS = {"country", "place"}
# Gazetteer kinds that are not people: a span that is one of them is never relabelled PER.
NOT_PEOPLE = {"country", "place", "org"}
# Names after the place are one to four capitalised words ("Vladimir Putin", "Jo-Wilfried Tsonga").
MAX_NAME_WORDS = 4


def _knowledge():
    """The gazetteer and the role words (each loaded once per process by its own module)."""
    from warta.actors import gazetteer, lexicon

    return gazetteer.load(), lexicon.load()


class _Tokens:
    """The actors' ``Token`` view of a Doc (what the gazetteer and role indexes match on), built
    only for the tokens a rule looks at: folding every token of every article would cost more
    than the rule itself."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.cache: dict = {}

    def __len__(self) -> int:
        return len(self.doc)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self.doc)))]
        token = self.cache.get(key)
        if token is None:
            from warta.actors.text import Token, fold

            word = self.doc[key]
            norm = fold(word.text)
            token = self.cache[key] = Token(word.i, word.idx, word.idx + len(word.text), word.text, norm, norm.lower())
        return token


def _after_title(roles, tokens, start: int) -> bool:
    """A role word (Presiden, Gubernur, Menlu ...) ends right before token ``start``."""
    for n in range(1, min(start, roles.maxlen) + 1):
        hit = roles.at(tokens, start - n, maxlen=n)
        if hit and hit[0] == start:
            return True
    return False


def _kinds(gaz, tokens, start: int, end: int) -> set[str]:
    """Kinds of the gazetteer records whose surface is exactly tokens[start:end]."""
    hit = gaz.aliases.at(tokens, start, maxlen=end - start)
    if not hit or hit[0] != end:
        return set()
    return {gaz.records[target.id].kind for target in hit[1] if target.id in gaz.records}


def _place_prefix(gaz, tokens, start: int, end: int) -> int | None:
    """End of the longest country or place surface starting at ``start`` and ending before ``end``."""
    for stop in range(end - 1, start, -1):
        if _kinds(gaz, tokens, start, stop) & PLACE_KINDS:
            return stop
    return None


def _is_name(doc: Doc, start: int, end: int) -> bool:
    words = [t for t in doc[start:end] if t.text != "-"]
    return 0 < len(words) <= MAX_NAME_WORDS and all(t.text[:1].isupper() and t.is_alpha for t in words)


def _untagged_name(doc: Doc, start: int, taken: set[int], calendar: frozenset[str]) -> int | None:
    """End of the run of capitalised words starting at ``start`` when it can be a person's name:
    one to four words, none inside another entity, none a day or month (``calendar``: "Presiden AS
    Senin" is a title, a place and a day, not a person) or frequent common word."""
    end = start
    while end < len(doc) and end not in taken and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    if not _is_name(doc, start, end) or (end < len(doc) and end in taken):
        return None
    common = common_words()
    if any(t.lower_ in calendar or t.lower_ in common for t in doc[start:end]):
        return None
    return end


def _is_acronym(words: Span) -> bool:
    """One all-caps word of two or more letters: SBY, KPU, DK-PBB."""
    letters = [c for c in words.text if c.isalpha()]
    return len(words) == 1 and len(letters) >= 2 and all(c.isupper() for c in letters)


def split_bracketed(span: Span) -> list[Span]:
    """``Susilo Bambang Yudhoyono ( SBY )`` → the name and the acronym, same label (the closing
    bracket may already be trimmed off the span)."""
    doc = span.doc
    words = [t.text for t in span]
    if "(" not in words[1:]:
        return [span]
    open_at = span.start + words.index("(", 1)
    close_at = span.end - 1 if words[-1] == ")" else span.end
    if close_at == span.end and (span.end >= len(doc) or doc[span.end].text != ")"):
        return [span]  # no closing bracket: not a name and its acronym
    if open_at + 1 >= close_at or any(t.text in "()" for t in doc[open_at + 1:close_at]):
        return [span]
    if not (_is_acronym(doc[open_at + 1:close_at]) or _is_acronym(doc[span.start:open_at])):
        return [span]  # "PT Pertamina (Persero)": a company form, not a second name
    return [Span(doc, span.start, open_at, label=span.label), Span(doc, open_at + 1, close_at, label=span.label)]


def split_titled(doc: Doc, spans: list[Span], calendar: frozenset[str] = frozenset()) -> list[Span]:
    """Apply the title + place + name rule to ``spans`` (sorted, not overlapping); ``calendar``
    holds the lower-cased day and month names."""
    gaz, lexicon = _knowledge()
    tokens = _Tokens(doc)
    out: list[Span] = []
    for span in spans:
        if span.start == 0 or not doc[span.start - 1].text[:1].isupper():
            out.append(span)
            continue
        previous = out[-1] if out and out[-1].end == span.start else None
        if (previous is not None and previous.label_ == "LOC" and span.label_ != "PER"
                and _after_title(lexicon.roles, tokens, previous.start) and _is_name(doc, span.start, span.end)
                and not _kinds(gaz, tokens, span.start, span.end) & NOT_PEOPLE):
            out.append(Span(doc, span.start, span.end, label="PER"))  # Presiden [Rusia] [Vladimir Putin]
            continue
        stop = _place_prefix(gaz, tokens, span.start, span.end) if _after_title(lexicon.roles, tokens, span.start) else None
        if (stop is not None and _is_name(doc, stop, span.end)
                and not _kinds(gaz, tokens, span.start, span.end) & NOT_PEOPLE
                and not _kinds(gaz, tokens, stop, span.end) & NOT_PEOPLE):
            out += [Span(doc, span.start, stop, label="LOC"), Span(doc, stop, span.end, label="PER")]
            continue
        out.append(span)
    return _add_untagged_names(doc, out, gaz, lexicon, tokens, calendar)


def _add_untagged_names(doc: Doc, spans: list[Span], gaz, lexicon, tokens, calendar: frozenset[str]) -> list[Span]:
    """Title + place + capitalised words the NER left out: the words are a person ("Presiden Rusia
    [Vladimir Putin]")."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    added = []
    for span in spans:
        # the cheap test first: most places are not followed by an untagged capitalised word
        end = _untagged_name(doc, span.end, taken, calendar) if span.label_ == "LOC" else None
        if (end is not None and _kinds(gaz, tokens, span.start, span.end) & PLACE_KINDS
                and _after_title(lexicon.roles, tokens, span.start)
                and not _kinds(gaz, tokens, span.end, end) & NOT_PEOPLE):
            added.append(Span(doc, span.end, end, label="PER"))
    return sorted(spans + added, key=lambda s: s.start) if added else spans


def split_entities(doc: Doc, calendar: frozenset[str] = frozenset()) -> Doc:
    """Split the entity spans of ``doc`` that are a name and its acronym, or a place and a person."""
    if not doc.ents:
        return doc
    spans = [part for span in doc.ents for part in split_bracketed(span)]
    if any(s.start > 0 and doc[s.start - 1].text[:1].isupper() for s in spans):
        spans = split_titled(doc, spans, calendar)
    if [(s.start, s.end, s.label) for s in spans] != [(e.start, e.end, e.label) for e in doc.ents]:
        doc.ents = spans
    return doc


@Language.factory("warta_entity_split", default_config={"calendar_words": []},
                  requires=["doc.ents"], assigns=["doc.ents"])
def make_entity_split(nlp: Language, name: str, calendar_words: list[str]):
    """The ``warta_entity_split`` component; ``calendar_words`` are day and month names, never a name."""
    calendar = frozenset(w.lower() for w in calendar_words)

    def split(doc: Doc) -> Doc:
        return split_entities(doc, calendar)

    return split
