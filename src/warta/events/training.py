"""Fitting the trigger model (``events.model``) on passages with gold triggers: examples, vocabulary, weights.

A passage is a parsed Doc of its body and its gold triggers as character spans with a PLOVER type
(``GoldTrigger``; the real-news gold gives each event's trigger text, ``gold_triggers`` finds it in
the body). The candidates are those the model scores at run time: every lexicon match (labelled
with the type of the gold trigger whose head it holds, else ``NONE``; one inside a gold trigger
headed by another word is left out) and every word outside the matches
whose lemma is in the vocabulary (labelled with the type of the gold trigger it heads, else
``NONE``; a word inside a gold trigger that is not its head is left out). The vocabulary is the
lemmas that head a gold trigger no lexicon entry matched, ``min_count`` times or more.

The weights minimise the L2-regularised cross-entropy by full-batch gradient descent (Adam, fixed
step count, zero start): the same data give the same model, bit for bit.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy

from warta.article import EVENT_TYPES
from warta.events import matcher
from warta.events.lexicon import NONE, Lexicon
from warta.events.model import TriggerModel, Words, features, vocab_hashes

# words that open a trigger phrase without being its head: "akan menjawab", "telah berkomunikasi"
NOT_HEAD = frozenset({"akan", "telah", "sudah", "tidak", "tak", "juga", "bisa", "dapat", "segera", "terpaksa",
                      "sedang", "masih", "baru", "ingin", "mau", "harus", "nyaris", "saling", "tetap", "lebih",
                      "sangat", "sejak", "dalam", "mulai", "berusaha", "melakukan", "menjadi", "sebuah"})
HEAD_POS = ("VERB", "NOUN", "ADJ")


@dataclass(frozen=True)
class GoldTrigger:
    """A gold trigger: its character span in the body and its PLOVER type."""

    start: int
    end: int
    type: str


def gold_triggers(body: str, events: list[dict]) -> list[GoldTrigger]:
    """Every place in ``body`` where the ``trigger`` of a gold event occurs, with the event's type."""
    out = {}
    for ev in events:
        text = ev.get("trigger")
        if not text or ev.get("type") not in EVENT_TYPES:
            continue
        for m in re.finditer(re.escape(text), body):
            out.setdefault((m.start(), m.end()), GoldTrigger(m.start(), m.end(), ev["type"]))
    return sorted(out.values(), key=lambda g: (g.start, g.end))


def head(tokens) -> int:
    """The index (in the Doc) of the head word of a trigger's tokens: the first verb, else the first
    noun or adjective, else the first word, skipping auxiliaries and adverbs (``NOT_HEAD``)."""
    words = [t for t in tokens if t.lower_ not in NOT_HEAD and not t.is_punct] or list(tokens)
    for pos in (("VERB",), HEAD_POS):
        for t in words:
            if t.pos_ in pos:
                return t.i
    return words[0].i


def _at(doc, gold: GoldTrigger) -> list:
    return [t for t in doc if t.idx < gold.end and gold.start < t.idx + len(t)]


def _matches(lex: Lexicon, doc) -> list[tuple[tuple[int, int], list]]:
    return [((s.start, s.end), matcher.find(lex, doc[s.start:s.end], offset=s.start)) for s in doc.sents]


def uncovered_heads(lex: Lexicon, doc, gold: list[GoldTrigger]) -> list[str]:
    """The lemma keys of the heads of gold triggers that no lexicon match overlaps."""
    words = Words(doc)
    covered = {i for _, found in _matches(lex, doc) for m in found for i in range(m.start, m.end)}
    out = []
    for g in gold:
        tokens = _at(doc, g)
        if tokens and not any(t.i in covered for t in tokens):
            out.append(words.lemma(head(tokens)))
    return out


def vocabulary(lex: Lexicon, passages: list[tuple[object, list[GoldTrigger]]], min_count: int) -> frozenset[str]:
    """The lemmas heading ``min_count`` or more gold triggers that the lexicon misses."""
    counts = Counter(k for doc, gold in passages for k in uncovered_heads(lex, doc, gold))
    return frozenset(k for k, n in counts.items() if n >= min_count and len(k) > 2)


def examples(lex: Lexicon, doc, gold: list[GoldTrigger], vocab: frozenset[str]) -> list[tuple[list[str], str]]:
    """The (features, label) pairs of the candidates of one parsed passage."""
    words = Words(doc)
    hits = words.in_vocab(vocab_hashes(vocab))
    label_at: dict[int, str] = {}
    inside: set[int] = set()
    for g in gold:
        tokens = _at(doc, g)
        if tokens:
            label_at.setdefault(head(tokens), g.type)
            inside |= {t.i for t in tokens}
    out = []
    for bounds, found in _matches(lex, doc):
        covered = set()
        for m in found:
            span = range(m.start, m.end)
            covered |= set(span)
            heads = [label_at[i] for i in span if i in label_at]
            if heads:
                out.append((features(words, m.head, m.pattern.entry, bounds), heads[0]))
            elif not set(span) & inside:  # a match inside another word's trigger ("meminta X menarik ...") is left out
                out.append((features(words, m.head, m.pattern.entry, bounds), NONE))
        for i in range(*bounds):
            if i in covered or not hits[i]:
                continue
            if i in label_at:
                out.append((features(words, i, None, bounds), label_at[i]))
            elif i not in inside:
                out.append((features(words, i, None, bounds), NONE))
    return out


def fit(rows: list[list[str]], labels: list[str], *, l2: float = 0.01, steps: int = 300, rate: float = 0.1,
        min_count: int = 1) -> tuple[tuple[str, ...], dict[str, int], numpy.ndarray]:
    """Multinomial logistic regression: (classes, feature index, weights) minimising the mean
    cross-entropy plus ``l2`` times the squared weights, over features seen ``min_count`` times."""
    classes = (NONE, *sorted(set(labels) - {NONE}))
    seen = Counter(f for r in rows for f in set(r))
    names = sorted(f for f, n in seen.items() if n >= min_count)
    index = {f: k for k, f in enumerate(names)}
    cols, starts = [], [0]
    for r in rows:
        cols.extend(index[f] for f in dict.fromkeys(r) if f in index)
        starts.append(len(cols))
    cols_a = numpy.array(cols, dtype=numpy.int64)
    owner = numpy.repeat(numpy.arange(len(rows)), numpy.diff(starts))
    y = numpy.zeros((len(rows), len(classes)))
    y[numpy.arange(len(rows)), [classes.index(lab) for lab in labels]] = 1.0
    w = numpy.zeros((len(names), len(classes)))
    m1, m2 = numpy.zeros_like(w), numpy.zeros_like(w)
    for step in range(1, steps + 1):
        scores = numpy.zeros((len(rows), len(classes)))
        numpy.add.at(scores, owner, w[cols_a])
        scores -= scores.max(axis=1, keepdims=True)
        p = numpy.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        grad = numpy.zeros_like(w)
        numpy.add.at(grad, cols_a, (p - y)[owner])
        grad = grad / len(rows) + 2 * l2 * w
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad * grad
        w -= rate * (m1 / (1 - 0.9 ** step)) / (numpy.sqrt(m2 / (1 - 0.999 ** step)) + 1e-8)
    return classes, index, w


def _values(feats: list[str]) -> dict[str, str]:
    # "l=serang" -> {"l": "serang"}: the word's features by name
    return dict(f.split("=", 1) for f in feats if "=" in f)


def _lemma(feats: list[str]) -> str:
    return _values(feats)["l"]


def train(lex: Lexicon, passages: list[tuple[object, list[GoldTrigger]]], *, min_vocab: int = 2, min_rate: float = 0.2,
          l2: float = 0.01,
          retype: float = 0.6, propose: float = 0.6, steps: int = 300) -> TriggerModel:
    """The trigger model of parsed passages (Doc, gold triggers), with the given thresholds."""
    vocab = vocabulary(lex, passages, min_vocab)
    pairs = [pair for doc, gold in passages for pair in examples(lex, doc, gold, vocab)]
    # a lemma that is a trigger in under ``min_rate`` of its uses outside the lexicon ("dalam" 2 in 150)
    # is left out: the model would mostly say no there, and every use costs a scoring at run time
    uses, hits = Counter(), Counter()
    for feats, label in pairs:
        if "t=-" in feats:
            lemma = _lemma(feats)
            uses[lemma] += 1
            hits[lemma] += label != NONE
    vocab = frozenset(w for w in vocab if hits[w] >= min_rate * uses[w])
    pairs = [(f, lab) for f, lab in pairs if "t=-" not in f or _lemma(f) in vocab]
    classes, index, w = fit([f for f, _ in pairs], [lab for _, lab in pairs], l2=l2, steps=steps)
    keep = numpy.abs(w).max(axis=1) >= 1e-3  # features the fit left at zero carry nothing
    names = [f for f, k in sorted(index.items(), key=lambda x: x[1]) if keep[k]]
    fitted = TriggerModel(classes, {f: k for k, f in enumerate(names)}, w[keep], vocab, retype, propose,
                          frozenset(e.name for e in lex.entries))
    # only what the model changes somewhere in training is scored at run time: a lemma it proposes,
    # and an entry it retypes that the gold gives another type ``min_vocab`` times or more (a
    # convention, not one odd sentence)
    other = Counter()
    for feats, label in pairs:
        value = _values(feats)
        if "e" in value and label not in (NONE, value["t"]):
            other[value["e"]] += 1
    probs = fitted.probabilities([f for f, _ in pairs]) if pairs else numpy.zeros((0, len(classes)))
    proposed, retyped = set(), set()
    for (feats, _), p in zip(pairs, probs):
        value = _values(feats)
        if "e" not in value and p.argmax() > 0 and p.max() >= propose:
            proposed.add(value["l"])
        elif ("e" in value and other[value["e"]] >= min_vocab and classes[int(p[1:].argmax()) + 1] != value["t"]
              and p[1:].max() / p[1:].sum() >= retype):
            retyped.add(value["e"])
    return TriggerModel(classes, fitted.index, fitted.weights, frozenset(vocab & proposed), retype, propose,
                        frozenset(retyped))
