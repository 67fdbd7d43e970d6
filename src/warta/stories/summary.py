"""A story's summary: sentences drawn from its articles' summaries, one fact never told twice.

Near-duplicate copies are left out; each remaining article offers the sentences of its own summary
(or its lead). Greedy coverage as for an article summary, where a word weighs by how many of the
story's articles use it; a sentence whose content words are mostly covered already (the same fact
from another outlet) is skipped. Sentences keep the order of the earliest article first.
"""

from __future__ import annotations

from collections import Counter

from warta.article import Article
from warta.summary.select import content_words, eligible

REPEAT = 0.5  # share of a sentence's words already covered that makes it a repeat
LEAD_SENTENCES = 3  # an article without a summary offers its first sentences


def _offers(article: Article) -> list[tuple[int, int]]:
    if article.summary and article.summary.get("sentences"):
        return [tuple(s) for s in article.summary["sentences"]]
    return [tuple(s) for s in article.sentences[:LEAD_SENTENCES]]


def story_summary(articles: list[Article], words: int = 70) -> dict | None:
    """``{"text", "sentences": [[article, start, end], ...]}`` for a story's (non-duplicate) articles."""
    pool = []  # (article rank, position, article, start, end, text, bag)
    for rank, art in enumerate(articles):
        for pos, (s, e) in enumerate(_offers(art)):
            text = art.body[s:e].strip()
            if text:
                pool.append((rank, pos, art.id, s, e, text, content_words(text)))
    if not pool:
        return None
    df = Counter(t for bag in {(p[0], frozenset(p[6])) for p in pool} for t in bag[1])
    chosen: list[tuple] = []
    covered: set[str] = set()
    count = 0
    while count < words * 0.8:
        best = None
        for item in pool:
            rank, pos, _aid, _s, _e, text, bag = item
            n = len(text.split())
            if item in chosen or (chosen and count + n > words * 1.2) or not bag:
                continue
            if len(bag & covered) / len(bag) >= REPEAT:
                continue  # the same fact, told by another article
            gain = sum(df[t] for t in bag - covered) / n ** 0.5 * (1 + 1 / (1 + pos)) * (1.5 if eligible(text) else 1)
            if best is None or gain > best[0]:
                best = (gain, item)
        if best is None:
            break
        chosen.append(best[1])
        covered |= best[1][6]
        count += len(best[1][5].split())
    chosen.sort(key=lambda p: (p[0], p[3]))
    return {"text": " ".join(p[5] for p in chosen), "sentences": [[p[2], p[3], p[4]] for p in chosen]}
