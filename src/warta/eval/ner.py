"""NER scoring: span-level precision, recall and F1 per label and micro-averaged, on gold tokens."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from warta.errors import InputError

# Gold and predicted labels are compared after this mapping (the datasets name them differently).
LABELS = {
    "PERSON": "PER", "PPL": "PER",
    "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC", "GPE": "LOC",
}

TokenSpan = tuple[int, int, str]  # start token, end token (exclusive), label


@dataclass(slots=True)
class PRF:
    """Counts and scores of one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def norm_label(label: str) -> str:
    """A dataset's label in Warta's names (PERSON -> PER, LOCATION/GPE -> LOC)."""
    label = label.upper()
    return LABELS.get(label, label)


def bio_spans(tags: list[str]) -> set[TokenSpan]:
    """Token spans of a BIO (or BILOU) tag sequence; an I- that starts a span counts as B-."""
    spans: set[TokenSpan] = set()
    start, label = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, name = tag.partition("-")
        name = norm_label(name) if name else None
        continues = prefix in ("I", "L", "E") and label == name and start is not None
        if not continues:
            if start is not None:
                spans.add((start, i, label))
            start, label = (i, name) if prefix in ("B", "I", "U", "S", "L", "E") and name else (None, None)
        if prefix in ("L", "E", "U", "S") and start is not None:
            spans.add((start, i + 1, label))
            start, label = None, None
    return spans


def read_gold(path: str | Path) -> list[tuple[list[str], set[TokenSpan]]]:
    """Sentences of a token TAB BIO-tag file as (words, gold spans)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "gold file not found")
    sentences, words, tags = [], [], []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if words:
                    sentences.append((words, bio_spans(tags)))
                words, tags = [], []
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise InputError(f"{path}:{number}", f"expected 'token<TAB>tag', got {line[:40]!r}")
            words.append(parts[0])
            tags.append(parts[-1].strip() or "O")
    if words:
        sentences.append((words, bio_spans(tags)))
    if not sentences:
        raise InputError(str(path), "no sentences in gold file")
    return sentences


def score(gold: Iterable[set[TokenSpan]], pred: Iterable[set[TokenSpan]], labels: set[str] | None = None) -> dict[str, PRF]:
    """Exact-match span scores per label and ``micro``; predicted labels outside ``labels`` are ignored."""
    table: dict[str, PRF] = {}
    for g, p in zip(gold, pred, strict=True):
        if labels is not None:
            p = {s for s in p if s[2] in labels}
        for s in g | p:
            row = table.setdefault(s[2], PRF())
            if s in g and s in p:
                row.tp += 1
            elif s in p:
                row.fp += 1
            else:
                row.fn += 1
    micro = PRF(sum(r.tp for r in table.values()), sum(r.fp for r in table.values()), sum(r.fn for r in table.values()))
    return {**dict(sorted(table.items())), "micro": micro}


def predict(nlp, sentences: list[list[str]]) -> list[set[TokenSpan]]:
    """Entity spans the pipeline finds in pre-tokenised sentences (its tokenizer is bypassed): the
    statistical NER and the rules that correct its spans (``warta_entity_*``), as Warta uses them."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=words) for words in sentences)
    needed = ("tok2vec", "ner", "warta_sentences")
    disable = [n for n in nlp.pipe_names
               if n not in needed and not n.startswith("ner") and not n.startswith("warta_entity")]
    out = []
    with nlp.select_pipes(disable=disable):
        for doc in nlp.pipe(docs, batch_size=256):
            out.append({(e.start, e.end, norm_label(e.label_)) for e in doc.ents})
    return out


def evaluate(nlp, path: str | Path) -> dict[str, PRF]:
    """Score ``nlp``'s NER on a gold file, over the labels that the gold file uses."""
    gold = read_gold(path)
    labels = {s[2] for _, spans in gold for s in spans}
    pred = predict(nlp, [words for words, _ in gold])
    return score([spans for _, spans in gold], pred, labels)


def format_table(table: dict[str, PRF]) -> str:
    """The scores as a plain-text table."""
    lines = [f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for label, row in table.items():
        lines.append(f"{label:<8} {row.p:6.3f} {row.r:6.3f} {row.f:6.3f} {row.tp + row.fn:6d}")
    return "\n".join(lines)
