"""The learned trigger model: a multinomial logistic regression over the words around a trigger.

It was fitted on ``../shared/corpus/realnews_train`` by ``warta train events`` (``events.training``;
the card is ``warta/data/events/MODEL_CARD.md``) and does two things the lexicon cannot:

- **types**: a lexicon trigger whose context the model reads as another PLOVER type with a
  probability of at least ``retype`` takes that type (signing is SUPPORT; occupying territory is
  ASSAULT; a court granting a suit is AGREE): the annotation conventions, learned from counts;
- **new triggers**: a word the lexicon lacks, whose lemma was a trigger in the training passages
  (``vocab``), is proposed as a one-word trigger when the model gives it a type with a probability
  of at least ``propose`` (``bentrok`` ASSAULT, ``dipanggil`` ACCUSE).

Only these candidates are scored (lexicon matches and ``vocab`` words), each a sum of a few weight
rows: numpy at run time, nothing else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id

from warta.errors import ResourceError
from warta.events.lexicon import NONE, Entry, Pattern, Spec

MODEL_FILE = ("data", "events", "trigger_model.json")


class Words:
    """The words of a Doc as the model reads them: lower-cased forms, lemmas and parts of speech, read
    from the Doc's arrays (no Token objects) only where a candidate needs them."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.n = len(doc)
        self._strings = doc.vocab.strings
        self._table: numpy.ndarray | None = None  # read at the first candidate: most sentences have none
        self._hits: dict[int, numpy.ndarray] = {}

    @property
    def _arrays(self) -> numpy.ndarray:
        if self._table is None:
            self._table = self.doc.to_array([LOWER, LEMMA, POS])
        return self._table

    def low(self, i: int) -> str:
        return self._strings[self._arrays[i, 0]]

    def lemma(self, i: int) -> str:
        return (self._strings[self._arrays[i, 1]] or self.low(i)).lower()

    def pos(self, i: int) -> str:
        return self._strings[self._arrays[i, 2]]

    def in_vocab(self, hashes: numpy.ndarray) -> numpy.ndarray:
        """Whether each word's lemma is one of the lemmas whose string hashes are ``hashes`` (sorted)."""
        if id(hashes) not in self._hits:  # a binary search per word
            lemmas = self._arrays[:, 1]
            at = numpy.searchsorted(hashes, lemmas).clip(max=max(len(hashes) - 1, 0))
            self._hits[id(hashes)] = hashes[at] == lemmas if len(hashes) else numpy.zeros(len(lemmas), bool)
        return self._hits[id(hashes)]


def features(words: Words, i: int, entry: Entry | None, bounds: tuple[int, int] | None = None) -> list[str]:
    """The features of a candidate trigger at word ``i`` with its lexicon entry; words outside ``bounds``
    (the sentence: first word, one past the last; default all) are the sentence edge ``<s>``."""
    first, end = bounds or (0, words.n)
    w = words.low(i)
    out = ["bias", "w=" + w, "l=" + words.lemma(i), "pos=" + words.pos(i), "p3=" + w[:3], "s3=" + w[-3:],
           "t=" + (entry.type if entry else "-")]
    if entry is not None:
        out.append("e=" + entry.name)
    for d in (-2, -1, 1, 2):
        j = i + d
        out.append(f"l{d:+d}=" + (words.lemma(j) if first <= j < end else "<s>"))
    if i + 1 < end and entry is not None:
        out.append(f"e+1={entry.name}|{words.lemma(i + 1)}")
    return out


def vocab_hashes(vocab) -> numpy.ndarray:
    """The sorted string hashes of the lemmas ``vocab``, as ``Words.in_vocab`` takes them."""
    return numpy.array(sorted(get_string_id(w) for w in vocab), dtype="uint64")


@dataclass(frozen=True)
class TriggerModel:
    """Weights of the model, its vocabulary of proposable lemmas and its two thresholds."""

    classes: tuple[str, ...]  # NONE first
    index: dict[str, int]  # feature -> row of ``weights``
    weights: numpy.ndarray  # (features, classes)
    vocab: frozenset[str]
    retype: float
    propose: float
    entries: frozenset[str]  # the lexicon entries the model retypes somewhere in training: only these are scored
    hashes: numpy.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "hashes", vocab_hashes(self.vocab))

    def probabilities(self, rows: list[list[str]]) -> numpy.ndarray:
        """Class probabilities for each candidate's feature list, one row each."""
        index = self.index
        idx = [[index[f] for f in feats if f in index] or [-1] for feats in rows]
        starts = numpy.cumsum([0] + [len(x) for x in idx[:-1]])
        flat = numpy.fromiter((i for x in idx for i in x), dtype=numpy.int64)
        gathered = numpy.where((flat >= 0)[:, None], self.weights[flat], 0.0)  # -1: no known feature
        out = numpy.add.reduceat(gathered, starts, axis=0)
        out -= out.max(axis=1, keepdims=True)
        numpy.exp(out, out=out)
        out /= out.sum(axis=1, keepdims=True)
        return out

    def to_dict(self) -> dict:
        """The model as the JSON object of the shipped file (weights rounded to 4 decimals)."""
        names = sorted(self.index, key=self.index.get)
        return {"classes": list(self.classes), "retype": self.retype, "propose": self.propose,
                "vocab": sorted(self.vocab), "entries": sorted(self.entries),
                "weights": {f: [round(float(x), 4) for x in self.weights[self.index[f]]] for f in names}}

    @classmethod
    def from_dict(cls, data: dict, where: str = "trigger model") -> "TriggerModel":
        """The model of a JSON object written by ``to_dict``; a malformed one is an error naming ``where``."""
        try:
            classes = tuple(data["classes"])
            if classes[:1] != (NONE, ):
                raise ValueError(f"the first class must be {NONE}")
            names = list(data["weights"])
            weights = numpy.array([data["weights"][f] for f in names], dtype=numpy.float64).reshape(len(names), len(classes))
            return cls(classes, {f: k for k, f in enumerate(names)}, weights, frozenset(data["vocab"]),
                       float(data["retype"]), float(data["propose"]), frozenset(data["entries"]))
        except (KeyError, TypeError, ValueError) as error:
            raise ResourceError(f"{where}: not a trigger model ({error!r})") from None


def dumps(data: dict) -> str:
    """The text of a model file: the JSON object of ``to_dict``, one feature a line (diffs stay readable)."""
    head = {k: v for k, v in data.items() if k != "weights"}
    lines = [json.dumps(f, ensure_ascii=False) + ": " + json.dumps(w) for f, w in data["weights"].items()]
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n"


@lru_cache(maxsize=1)
def load() -> TriggerModel:
    """The shipped model (``warta/data/events/trigger_model.json``), loaded once per process."""
    text = resources.files("warta").joinpath(*MODEL_FILE).read_text(encoding="utf-8")
    return TriggerModel.from_dict(json.loads(text), "warta/data/events/trigger_model.json")


def _voice_pos(surface: str, pos: str) -> tuple[str, str]:
    # as the lexicon's affixes say: di-/ter- is passive, -an (not -kan) or a tagged noun is a noun
    voice = "passive" if surface.startswith(("di", "ter")) else "active"
    noun = pos in ("NOUN", "PROPN") or (surface.endswith("an") and not surface.endswith("kan"))
    return voice, "noun" if noun else "verb"


def _proposed(word: str, lemma: str, type_: str, pos: str) -> Pattern:
    entry = Entry(name=f"model: {lemma}", type=type_, note="proposed by the trigger model (events.model)")
    voice, part = _voice_pos(word, pos)
    return Pattern((Spec("word", (word,)),), entry, voice, part, 0)


def _retyped(pattern: Pattern, type_: str) -> Pattern:
    entry = replace(pattern.entry, type=type_, mode=None, name=f"{pattern.entry.name} (as {type_})")
    return Pattern(pattern.specs, entry, pattern.voice, pattern.pos, pattern.head)


def apply(model: TriggerModel, found: list[list], words: Words, bounds: list[tuple[int, int]], make) -> list[list]:
    """The lexicon matches of each sentence (``found``) retyped, and the model's new triggers added, in
    text order; all candidates of the Doc are scored at once.

    ``words`` are the Doc's, ``bounds`` each sentence's first token and one past its last;
    ``make(start, end, head, pattern)`` builds a match (``matcher.Match``)."""
    hits = numpy.flatnonzero(words.in_vocab(model.hashes)).tolist() if model.vocab else []
    rows: list[list[str]] = []
    where: list[tuple[int, object]] = []
    h = 0
    for k, (matches, (first, end)) in enumerate(zip(found, bounds)):
        for m in matches:
            if m.pattern.entry.name in model.entries:
                rows.append(features(words, m.head, m.pattern.entry, (first, end)))
                where.append((k, m))
        while h < len(hits) and hits[h] < end:
            i = hits[h]
            h += 1
            if i >= first and not any(m.start <= i < m.end for m in matches):
                rows.append(features(words, i, None, (first, end)))
                where.append((k, i))
    if not rows:
        return found
    out = list(found)
    for (k, x), p in zip(where, model.probabilities(rows)):
        if isinstance(x, int):
            b = int(p.argmax())
            if b and p[b] >= model.propose:
                pattern = _proposed(words.low(x), words.lemma(x), model.classes[b], words.pos(x))
                out[k] = sorted([*out[k], make(x, x + 1, x, pattern)], key=lambda m: m.start)
            continue
        # the type given that it is an event: the best of the types, renormalised without NONE
        b = int(p[1:].argmax()) + 1
        if model.classes[b] != x.type and p[b] / max(p[1:].sum(), 1e-12) >= model.retype:
            x.pattern = _retyped(x.pattern, model.classes[b])
    return out
