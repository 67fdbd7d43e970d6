"""Scorer for quotations against PFSA-ID (token TAB BILOU tag): statement spans and speakers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from warta.article import Quote
from warta.errors import InputError

QUOTE_MARKS = set('"“”„«»‘’\'')
TRAIL = " ,.;:"
SPEAKER_LABELS = ("PERSON", "PERSONCOREF", "ROLE")
PRONOUNS = {"dia", "ia", "beliau", "mereka"}


@dataclass
class Doc:
    """One PFSA-ID article rebuilt as text: tokens joined by spaces, sentences as spans."""

    text: str = ""
    tokens: list[tuple[int, int]] = field(default_factory=list)  # char span of each token
    tags: list[str] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)
    sentence_of: list[int] = field(default_factory=list)  # token -> sentence index


@dataclass
class Score:
    """Span and speaker figures of one run."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0
    gold_tokens: int = 0
    predicted_tokens: int = 0
    overlap_tokens: int = 0
    matched: int = 0  # statements matched by overlap, whose speaker is judged
    speaker_correct: int = 0

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        """Precision, recall and F1 (exact spans and tokens) and speaker accuracy, rounded."""
        ep, er = self.exact / max(self.predicted, 1), self.exact / max(self.gold, 1)
        tp, tr = self.overlap_tokens / max(self.predicted_tokens, 1), self.overlap_tokens / max(self.gold_tokens, 1)
        return {k: round(v, 4) for k, v in {
            "gold": self.gold, "predicted": self.predicted,
            "exact_p": ep, "exact_r": er, "exact_f1": self._f(ep, er),
            "token_p": tp, "token_r": tr, "token_f1": self._f(tp, tr),
            "speaker_accuracy": self.speaker_correct / max(self.matched, 1), "speaker_judged": self.matched,
        }.items()}


def _is_dateline(sentence: list[tuple[str, str]]) -> bool:
    # "JAKARTA , KOMPAS —" opens every PFSA-ID article
    return (len(sentence) > 3 and sentence[1][0] == "," and sentence[0][0].isupper()
            and sentence[2][0].isupper() and sentence[3][0] in "—–-")


def read_pfsa(lines: Iterable[str], where: str = "<gold>") -> list[Doc]:
    """Articles of a PFSA-ID file (blank line between sentences; a dateline opens an article)."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, sep, tag = line.partition("\t")
        if not sep or not (tag == "O" or tag[:2] in ("B-", "I-", "L-", "U-")):
            raise InputError(where, f"line {n}: expected `token TAB BILOU-tag`, got {line[:60]!r}")
        current.append((token, tag))
    if current:
        sentences.append(current)
    docs: list[Doc] = []
    for sent in sentences:
        if not docs or _is_dateline(sent):
            docs.append(Doc())
        doc = docs[-1]
        start = len(doc.text) + (1 if doc.text else 0)
        pos = start
        for token, tag in sent:
            doc.tokens.append((pos, pos + len(token)))
            doc.tags.append(tag)
            doc.sentence_of.append(len(doc.sentences))
            pos += len(token) + 1
        doc.text = (doc.text + " " if doc.text else "") + " ".join(t for t, _ in sent)
        doc.sentences.append([start, len(doc.text)])
    return docs


def _spans(tags: list[str], label: str) -> list[tuple[int, int]]:
    """Token spans ``[first, last]`` of one label from BILOU tags."""
    out, start = [], None
    for i, tag in enumerate(tags):
        prefix, _, lab = tag.partition("-")
        if lab != label:
            start = None
            continue
        if prefix in ("B", "U"):
            start = i
        if prefix in ("L", "U") and start is not None:
            out.append((start, i))
            start = None
    return out


def _char_span(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """The statement without its quote marks and trailing punctuation, as characters."""
    while first <= last and doc.text[slice(*doc.tokens[first])] in QUOTE_MARKS:
        first += 1
    while last >= first and doc.text[slice(*doc.tokens[last])] in QUOTE_MARKS:
        last -= 1
    if first > last:
        return (0, 0)
    return _norm(doc.text, doc.tokens[first][0], doc.tokens[last][1])


def _norm(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in TRAIL or text[start] in QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1] in TRAIL or text[end - 1] in QUOTE_MARKS):
        end -= 1
    return start, end


def gold_speakers(doc: Doc, first: int, last: int) -> set[str]:
    """Words of the gold speaker of a statement: PERSON/PERSONCOREF/ROLE in its attribution,
    or, when the attribution is a pronoun or a cue like `katanya`, the last person named before."""
    s_first, s_last = doc.sentence_of[first], doc.sentence_of[last]
    words: set[str] = set()
    corefs = False
    for label in SPEAKER_LABELS:
        for a, b in _spans(doc.tags, label):
            near = (doc.sentence_of[a] == s_last and a > last) or (doc.sentence_of[b] == s_first and b < first)
            if near:
                span_words = {doc.text[slice(*doc.tokens[i])].lower() for i in range(a, b + 1)}
                corefs |= span_words <= PRONOUNS
                words |= span_words - PRONOUNS
    cue_coref = any(doc.tags[i].endswith("CUECOREF") for i in range(last + 1, len(doc.tags))
                    if doc.sentence_of[i] == s_last)
    if not words or corefs or cue_coref:
        before = [(a, b) for label in ("PERSON", "PERSONCOREF") for a, b in _spans(doc.tags, label) if b < first]
        before = [(a, b) for a, b in before
                  if {doc.text[slice(*doc.tokens[i])].lower() for i in range(a, b + 1)} - PRONOUNS]
        if before:
            a, b = max(before)
            words |= {doc.text[slice(*doc.tokens[i])].lower() for i in range(a, b + 1)}
    return words


def _tokens_in(doc: Doc, start: int, end: int) -> set[int]:
    return {i for i, (s, e) in enumerate(doc.tokens) if s < end and start < e}


def score_doc(doc: Doc, quotes: list[Quote], score: Score) -> None:
    """Add one article's figures to ``score`` (only direct quotes: PFSA-ID marks no other)."""
    golds = [(a, b, _char_span(doc, a, b)) for a, b in _spans(doc.tags, "STATEMENT")]
    golds = [g for g in golds if g[2][1] > g[2][0]]
    preds = [(q, _norm(doc.text, q.start, q.end)) for q in quotes if q.direct]
    preds = [(q, span) for q, span in preds if span[1] > span[0]]
    score.gold += len(golds)
    score.predicted += len(preds)
    gold_tok = set().union(*[_tokens_in(doc, *g[2]) for g in golds]) if golds else set()
    pred_tok = set().union(*[_tokens_in(doc, *p[1]) for p in preds]) if preds else set()
    score.gold_tokens += len(gold_tok)
    score.predicted_tokens += len(pred_tok)
    score.overlap_tokens += len(gold_tok & pred_tok)
    used: set[int] = set()
    for a, b, span in golds:
        gtok = _tokens_in(doc, *span)
        best, best_overlap = None, 0
        for k, (q, pspan) in enumerate(preds):
            if k in used:
                continue
            overlap = len(gtok & _tokens_in(doc, *pspan))
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is None or best_overlap * 2 < len(gtok):
            continue
        used.add(best)
        q, pspan = preds[best]
        score.exact += pspan == span
        score.matched += 1
        said = (q.speaker_text or "").lower().split()
        score.speaker_correct += bool(said) and said[-1] in gold_speakers(doc, a, b)


def score_pfsa(path: str | Path, find: Callable[[str, list, list], list[Quote]] | None = None) -> Score:
    """Score ``find`` (default: ``warta.quotes.find_quotes``) on a PFSA-ID file."""
    from warta.quotes import find_quotes

    find = find or find_quotes
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read the gold file ({error})") from None
    score = Score()
    for doc in read_pfsa(lines, str(path)):
        # no actors stage for PFSA-ID's domestic figures: names come from the capitalisation heuristics
        score_doc(doc, find(doc.text, [], doc.sentences), score)
    return score
