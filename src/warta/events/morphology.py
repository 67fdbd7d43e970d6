"""Indonesian affixation for the trigger lexicon: the inflected forms of a root, with voice and part of speech.

The lexicon lists a root (``tolak``) and the affixes it takes (``meN, di, peN-an``); the forms
(``menolak``, ``ditolak``, ``penolakan``) are generated here at load time, which keeps the data
file small and every form traceable to its root. Irregular forms are listed in the entry itself.
"""

from __future__ import annotations

from dataclasses import dataclass

VOWELS = "aeiou"


@dataclass(frozen=True, slots=True)
class Affix:
    """One affix pattern: how it builds a form, and the voice and part of speech of that form."""

    name: str
    voice: str  # active, passive
    pos: str  # verb, noun


def _syllables(root: str) -> int:
    groups, prev = 0, False
    for ch in root:
        vowel = ch in VOWELS
        groups += vowel and not prev
        prev = vowel
    return groups


def _cluster(root: str) -> bool:
    # loanwords with an initial cluster keep their first consonant: kritik → mengkritik, protes → memprotes
    return len(root) > 1 and root[0] not in VOWELS and root[1] not in VOWELS + "y"


def nasal(root: str, stem: str) -> str:
    """The meN-/peN- prefix (``stem`` is ``me`` or ``pe``) with its nasal assimilation and elision."""
    r = root
    if _syllables(r) == 1:
        return stem + "nge" + r  # bom → mengebom, tes → mengetes
    first = r[0]
    if first in VOWELS:
        return stem + "ng" + r
    if r.startswith(("ng", "ny")) or first in "mnlrwy":
        return stem + r
    if first in "bfv":
        return stem + "m" + r
    if first == "p":
        return stem + "m" + (r if _cluster(r) else r[1:])
    if first == "t":
        return stem + "n" + (r if _cluster(r) else r[1:])
    if first in "dcjz":
        return stem + "n" + r
    if first == "s":
        return stem + ("n" + r if _cluster(r) or r.startswith("sy") else "ny" + r[1:])
    if first == "k":
        return stem + "ng" + (r if _cluster(r) else r[1:])
    return stem + "ng" + r  # g, h, kh and the rest


def _ber(root: str) -> str:
    return "be" + root if root.startswith("r") else "ber" + root


# name → (builder, voice, pos); the builders take the root and return the form
_BUILDERS = {
    "0": (lambda r: r, "active", "verb"),
    "meN": (lambda r: nasal(r, "me"), "active", "verb"),
    "meN-kan": (lambda r: nasal(r, "me") + "kan", "active", "verb"),
    "meN-i": (lambda r: nasal(r, "me") + ("" if r.endswith("i") else "i"), "active", "verb"),
    "memper-kan": (lambda r: "memper" + r + "kan", "active", "verb"),
    "ber": (_ber, "active", "verb"),
    "ber-an": (lambda r: _ber(r) + "an", "active", "verb"),
    "di": (lambda r: "di" + r, "passive", "verb"),
    "di-kan": (lambda r: "di" + r + "kan", "passive", "verb"),
    "di-i": (lambda r: "di" + r + ("" if r.endswith("i") else "i"), "passive", "verb"),
    "diper-kan": (lambda r: "diper" + r + "kan", "passive", "verb"),
    "ter": (lambda r: "ter" + r, "passive", "verb"),
    "-an": (lambda r: r + "an", "active", "noun"),
    "peN-an": (lambda r: nasal(r, "pe") + "an", "active", "noun"),
    "per-an": (lambda r: ("pe" if r.startswith("r") else "per") + r + "an", "active", "noun"),
    "ke-an": (lambda r: "ke" + r + "an", "active", "noun"),
}

AFFIXES = {name: Affix(name, voice, pos) for name, (_, voice, pos) in _BUILDERS.items()}


def inflect(root: str, affix: str) -> str:
    """The form of ``root`` with ``affix`` (a key of ``AFFIXES``)."""
    return _BUILDERS[affix][0](root.lower())


def forms(root: str, affixes: list[str]) -> list[tuple[str, Affix]]:
    """Every form of ``root`` with the given affixes, each with its affix (voice, part of speech)."""
    return [(inflect(root, a), AFFIXES[a]) for a in affixes]
