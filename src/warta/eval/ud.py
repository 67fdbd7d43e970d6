"""UD scoring: UPOS, UAS, LAS (and lemma accuracy) of the pipeline on gold tokens of a CoNLL-U file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warta.errors import InputError


@dataclass(slots=True)
class Word:
    """One syntactic word: its form, UPOS, head (0 = root, else 1-based) and relation, lemma."""

    form: str
    upos: str
    head: int
    deprel: str
    lemma: str = "_"
    space_after: bool = True


def read_gold(path: str | Path) -> list[list[Word]]:
    """Sentences of a CoNLL-U file as syntactic words (multiword ranges and empty nodes skipped)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "gold file not found")
    sentences: list[list[Word]] = []
    words: list[Word] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if words:
                    sentences.append(words)
                words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise InputError(f"{path}:{number}", f"expected 10 tab-separated columns, got {len(cols)}")
            if "-" in cols[0] or "." in cols[0]:
                continue
            try:
                head = int(cols[6])
            except ValueError:
                raise InputError(f"{path}:{number}", f"head {cols[6]!r} is not a number") from None
            words.append(Word(cols[1], cols[3], head, cols[7], cols[2], "SpaceAfter=No" not in cols[9]))
    if words:
        sentences.append(words)
    if not sentences:
        raise InputError(str(path), "no sentences in gold file")
    return sentences


def score(gold: list[list[Word]], pred: list[list[Word]]) -> dict[str, float]:
    """UPOS, UAS, LAS (universal relation, subtypes ignored as in CoNLL 2018), full-label LAS, lemma
    accuracy (exact, and ignoring case: Warta keeps the case of names, GSD lower-cases them)."""
    n = upos = uas = las = las_full = lemma = lemma_nocase = 0
    for g_sent, p_sent in zip(gold, pred, strict=True):
        if len(g_sent) != len(p_sent):
            raise ValueError("predicted sentence has a different number of words than the gold one")
        for g, p in zip(g_sent, p_sent):
            n += 1
            upos += g.upos == p.upos
            lemma += g.lemma == p.lemma
            lemma_nocase += g.lemma.lower() == p.lemma.lower()
            if g.head == p.head:
                uas += 1
                las += g.deprel.split(":")[0] == p.deprel.split(":")[0]
                las_full += g.deprel == p.deprel
    if not n:
        return {"words": 0}
    return {"words": n, "UPOS": upos / n, "UAS": uas / n, "LAS": las / n, "LAS_full": las_full / n, "lemma": lemma / n,
            "lemma_nocase": lemma_nocase / n}


def predict(nlp, gold: list[list[Word]]) -> list[list[Word]]:
    """Parse each gold sentence from its gold words, as one sentence (the tokenizer is bypassed);
    every sentence is parsed, not only those later stages need (``warta.lang.PARSE_ALL``)."""
    from spacy.tokens import Doc

    from warta.lang import PARSE_ALL

    docs = (
        Doc(nlp.vocab, words=[w.form for w in s], spaces=[w.space_after for w in s],
            sent_starts=[True] + [False] * (len(s) - 1))
        for s in gold
    )
    disable = [n for n in nlp.pipe_names if n == "ner" or n == "warta_sentences"]
    out = []
    with nlp.select_pipes(disable=disable):
        for doc in nlp.pipe(docs, batch_size=256, component_cfg=PARSE_ALL):
            out.append([
                Word(t.text, t.pos_, 0 if t.head.i == t.i else t.head.i + 1,
                     "root" if t.head.i == t.i else t.dep_.lower(), t.lemma_)
                for t in doc
            ])
    return out


def evaluate(nlp, path: str | Path) -> dict[str, float]:
    """Score ``nlp`` on a gold CoNLL-U file."""
    gold = read_gold(path)
    return score(gold, predict(nlp, gold))
