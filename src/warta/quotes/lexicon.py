"""The quotation lexicon: speech cues and speaker words, loaded from YAML and validated strictly."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


from warta.errors import ResourceError
from warta.resources import load_rules

CUE_KEYS = {"name", "forms", "position", "note", "example"}
GROUP_KEYS = {"name", "kind", "words", "note", "example"}
POSITIONS = {"after", "before", "prep", "passive"}
KINDS = {"pronoun", "role", "org", "skip", "via", "outlet", "filler", "stop", "adjunct", "carry", "authority", "anonymous",
         "title-link", "document", "document-opening", "coordination", "nickname", "adverb", "subordinator",
         "subject-pronoun", "group-pronoun", "headline", "headline-group", "abbreviation",
         "not-saying", "post-cue", "document-preposition", "deputy",
         "body-noun", "ministry", "needs-agent"}


@dataclass(slots=True)
class Cue:
    """One speech cue and its surface forms."""

    name: str
    position: str
    forms: list[str] = field(default_factory=list)
    note: str = ""
    example: str | None = None


# Words as the finder reads them (letters, digits, inner apostrophes and hyphens): Ma’ruf, Covid-19.
_WORDS = re.compile(r"[^\W_][\w’'-]*")


@dataclass(slots=True)
class Lexicon:
    """Everything the quotation finder looks words up in, by surface form (lower case)."""

    cues: dict[str, Cue] = field(default_factory=dict)
    # surface form -> (cue, refers back): `katanya` is the cue `kata` pointing to the last speaker
    forms: dict[str, tuple[Cue, bool]] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)
    # derived from ``words`` when the lexicon is built (``_derive``):
    # kind ``body-noun`` parsed: a common noun for a body -> the words the names of such bodies hold
    body_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # office and organisation words (kinds role and org): a title before a name holds one
    office: frozenset[str] = frozenset()
    # those and the non-name words (kind stop): what a person mention made of titles only holds
    titles: frozenset[str] = frozenset()

    def has_cue(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a cue form as a word: a sentence without one holds no
        reported statement, and most sentences are skipped with this one look."""
        return not self.forms.keys().isdisjoint(_WORDS.findall(text[start:end].lower()))

    def kind(self, kind: str) -> set[str]:
        """The words of one kind (pronoun, role, org, ...)."""
        return self.words.get(kind, set())


def _check(source: str, entry: Any, allowed: set[str], where: str) -> dict[str, Any]:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise ResourceError(f"{source}: {where} must be a mapping with a `name`")
    unknown = set(entry) - allowed - {"enabled"}
    if unknown:
        raise ResourceError(
            f"{source}: entry {entry['name']!r} has unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}"
        )
    if not entry.get("note"):
        raise ResourceError(f"{source}: entry {entry['name']!r} needs a `note` saying why")
    return entry


def _cue(source: str, entry: Any, index: int) -> Cue:
    entry = _check(source, entry, CUE_KEYS, f"cue #{index + 1}")
    if entry.get("position") not in POSITIONS:
        raise ResourceError(
            f"{source}: cue {entry['name']!r} has position {entry.get('position')!r}; use one of {sorted(POSITIONS)}"
        )
    forms = entry.get("forms") or []
    if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
        raise ResourceError(f"{source}: cue {entry['name']!r}: `forms` must be a list of strings")
    return Cue(entry["name"], entry["position"], [f.lower() for f in forms], entry["note"], entry.get("example"))


def _group(source: str, entry: Any, index: int) -> tuple[str, list[str]]:
    entry = _check(source, entry, GROUP_KEYS, f"group #{index + 1}")
    if entry.get("kind") not in KINDS:
        raise ResourceError(
            f"{source}: group {entry['name']!r} has kind {entry.get('kind')!r}; use one of {sorted(KINDS)}"
        )
    words = entry.get("words")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ResourceError(f"{source}: group {entry['name']!r}: `words` must be a list of strings")
    if entry["kind"] == "body-noun":
        for word in words:
            noun, eq, head = word.partition("=")
            if not (eq and noun.strip() and head.strip()):
                raise ResourceError(f"{source}: group {entry['name']!r}: body-noun {word!r} must read noun=word")
    return entry["kind"], [w.lower() for w in words]


def _build(entry: dict, source: str, section: str | None) -> Cue | tuple[str, list[str]]:
    return _cue(source, entry, 0) if section == "cues" else _group(source, entry, 0)


def _index(lex: Lexicon) -> None:
    lex.forms.clear()
    for cue in lex.cues.values():
        own = [cue.name.lower(), *cue.forms]
        for form in own:
            # "menurutnya", "menyebutnya": a form with -nya whose speaker is the last one; "tanya" only
            # ends in -nya (its stem is no form of the cue)
            lex.forms[form] = (cue, form.endswith("nya") and form[:-3] in own)
            # "katanya", "ujarnya": the cue-only form whose speaker is the last one quoted
            if cue.position == "after" and not lex.forms[form][1]:
                lex.forms.setdefault(form + "nya", (cue, True))


def _derive(lex: Lexicon) -> None:
    """The tables the speaker finder reads that are made of ``lex.words``: built once with the lexicon."""
    table: dict[str, list[str]] = {}
    for entry in sorted(lex.kind("body-noun")):
        noun, _, head = entry.partition("=")
        table.setdefault(noun.strip(), []).append(head.strip())
    lex.body_nouns = {noun: tuple(heads) for noun, heads in table.items()}
    lex.office = frozenset(lex.kind("role") | lex.kind("org"))
    lex.titles = lex.office | lex.kind("stop")


def _shipped(name: str) -> tuple[str, str]:
    path = resources.files("warta") / "data" / "quotes" / name
    return f"warta/data/quotes/{name}", path.read_text(encoding="utf-8")


def load_lexicon(user_file: str | Path | None = None) -> Lexicon:
    """The shipped cues and speaker words with ``user_file`` read by ``load_rules``: an entry (cue or
    word group) with a shipped ``name`` replaces it, ``enabled: false`` switches it off, others are added."""
    if user_file is not None and not Path(user_file).is_file():
        raise ResourceError(f"{user_file}: cannot read the quotes lexicon (no such file)")
    entries = load_rules(
        [_shipped(name) for name in ("cues.yaml", "speakers.yaml")], key="name",
        allowed={"cues": CUE_KEYS, "groups": GROUP_KEYS}, sections=("cues", "groups"),
        user_file=str(user_file) if user_file is not None else None, setting="quotes_lexicon", build=_build,
    )
    lex = Lexicon()
    for cue in entries["cues"]:
        lex.cues[cue.name] = cue  # a repeated name: the later entry wins
    for kind, words in entries["groups"]:
        lex.words.setdefault(kind, set()).update(words)
    _index(lex)
    _derive(lex)
    return lex


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return load_lexicon()
