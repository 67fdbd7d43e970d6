"""ROUGE-1, ROUGE-2 and ROUGE-L F1 on lower-cased word tokens (as rouge-score computes them, no stemming)."""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    """Lower-cased alphanumeric word tokens (rouge-score's default tokenizer)."""
    return _TOKEN.findall(text.lower())


def _f1(overlap: int, n_ref: int, n_sys: int) -> float:
    if not overlap or not n_ref or not n_sys:
        return 0.0
    p, r = overlap / n_sys, overlap / n_ref
    return 2 * p * r / (p + r)


def _ngrams(toks: list[str], n: int) -> Counter:
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def rouge_n(reference: list[str], system: list[str], n: int) -> float:
    """ROUGE-N F1: clipped n-gram overlap."""
    ref, sys_ = _ngrams(reference, n), _ngrams(system, n)
    return _f1(sum((ref & sys_).values()), sum(ref.values()), sum(sys_.values()))


def lcs(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(reference: list[str], system: list[str]) -> float:
    """ROUGE-L F1 (summary-level LCS over the whole texts)."""
    return _f1(lcs(reference, system), len(reference), len(system))


def scores(reference: str, system: str) -> dict[str, float]:
    """``{"rouge1", "rouge2", "rougeL"}`` F1 of one system text against one reference."""
    ref, sys_ = tokens(reference), tokens(system)
    return {"rouge1": rouge_n(ref, sys_, 1), "rouge2": rouge_n(ref, sys_, 2), "rougeL": rouge_l(ref, sys_)}
