"""NER scoring: span-level precision, recall and F1 per label and micro-averaged, on gold tokens, or
(``evaluate_raw``) on the raw sentences through the whole pipeline."""

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


# Detokenising gold tokens into the raw sentence a reader would have: no space before closing
# punctuation, none after an opening bracket, straight double quotes open and close alternately, and a
# word-internal hyphen glued to both sides (the datasets split "pihak-pihak", "Song Hye-kyo", "2008-2015"
# into three tokens; a reader never sees "pihak - pihak"): the hyphen of a reduplication, of a lower-case
# second part (a clitic "airport-nya", "menyia-nyiakan", a name's syllable "Hye-kyo") or before a number (a
# range, "Covid-19"). A spaced dash between two capitalised words stays spaced: a date line ("Jakarta -
# Maraton ...") or a pair ("janji Mega - Prabowo") looks the same as a hyphenated name ("Coca - Cola"), and
# only a lexicon could tell them apart.
NO_SPACE_BEFORE = frozenset({",", ".", ")", "!", "?", ":", ";", "%", "]", "}"})
NO_SPACE_AFTER = frozenset({"(", "[", "{"})

CharSpan = tuple[int, int, str]  # start char, end char, label


def _glued_hyphen(words: list[str], i: int) -> bool:
    """``words[i]`` is a word-internal hyphen: between two words or numbers, and a reduplication
    ("Orang - orang", "Sama - Sama"), or the second part lower-case or a number ("betul - betul",
    "Hye - kyo", "2008 - 2015"); not a date line's or a pair's dash between two capitalised words."""
    if not (0 < i < len(words) - 1 and words[i] == "-"):
        return False
    left, right = words[i - 1], words[i + 1]
    if not (left[-1:].isalnum() and right[:1].isalnum()):
        return False
    return left.lower() == right.lower() or right[:1].islower() or right[:1].isdigit()


def detokenise(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The raw sentence of gold tokens and each token's character offsets in it."""
    text, offsets, quote_open = "", [], False
    for i, word in enumerate(words):
        prev = words[i - 1] if i else ""
        sep = "" if not i or word in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER else " "
        if _glued_hyphen(words, i) or _glued_hyphen(words, i - 1):
            sep = ""
        if word == '"':
            sep = "" if quote_open else sep
            quote_open = not quote_open
        elif prev == '"' and quote_open:
            sep = ""
        text += sep
        offsets.append((len(text), len(text) + len(word)))
        text += word
    return text, offsets


def outermost(spans: set[CharSpan]) -> set[CharSpan]:
    """The spans no other span contains: the record nests mentions (Rusia inside Kementerian Luar
    Negeri Rusia), flat NER gold does not."""
    return {x for x in spans if not any(y != x and y[0] <= x[0] and x[1] <= y[1] for y in spans)}


def predict_raw(texts: list[str]) -> list[set[CharSpan]]:
    """Entity mentions of each raw sentence run as its own article through the whole pipeline (extract,
    tokenizer, sentence splitter, NER, entity rules, linking), outermost, as character spans."""
    import json

    from warta import ingest, pipeline

    data = b"".join((json.dumps({"text": t}, ensure_ascii=False) + "\n").encode("utf-8") for t in texts)
    out: list[set[CharSpan]] = [set() for _ in texts]
    for result in pipeline.run(ingest.read_bytes(data, "sentences.jsonl"), workers=1):
        if isinstance(result, pipeline.Failure):
            continue
        n = result.article.source.line - 1
        offset = texts[n].find(result.article.body) if result.article.body else -1
        if offset < 0:
            continue  # nothing of the sentence left in the body: every gold span is missed
        out[n] = outermost({(m.start + offset, m.end + offset, norm_label(e.type))
                            for e in result.article.entities for m in e.mentions})
    return out


def evaluate_raw(path: str | Path) -> dict[str, PRF]:
    """Score the pipeline's entity mentions on the detokenised gold sentences (character spans), over
    the labels the gold file uses: what NER on raw text gives, against ``evaluate`` on gold tokens."""
    gold = read_gold(path)
    labels = {s[2] for _, spans in gold for s in spans}
    texts, gold_chars = [], []
    for words, spans in gold:
        text, offsets = detokenise(words)
        texts.append(text)
        gold_chars.append({(offsets[s][0], offsets[e - 1][1], label) for s, e, label in spans})
    return score(gold_chars, predict_raw(texts), labels)


def format_table(table: dict[str, PRF]) -> str:
    """The scores as a plain-text table."""
    lines = [f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for label, row in table.items():
        lines.append(f"{label:<8} {row.p:6.3f} {row.r:6.3f} {row.f:6.3f} {row.tp + row.fn:6d}")
    return "\n".join(lines)
