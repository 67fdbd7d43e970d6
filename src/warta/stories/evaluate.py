"""Scorer for story clustering on passages grouped by hand into stories (the stories_dev format).

A gold file is JSONL: ``id``, ``url``, ``published``, ``text``, ``story`` (a slug, or ``singleton-N``),
``story_title`` (``[near-miss] …`` for an article that shares actors with a story but is another
occasion) and ``near_duplicate_of``. Every passage goes through the real pipeline (extract → lang →
time → actors → quotes → events) from its url/published/text only; the corpus stages then cluster
them as one ingest would. Reported: B-cubed precision/recall/F1, the near-misses kept apart (alone
with no passage of another story), near-duplicate links found, and a split-half check of the link
threshold and lead-day penalty: fitted on half of the stories (their singletons included), scored on
the other half.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from warta.article import Article, RawDocument, Source
from warta.errors import InputError
from warta.eval.jsonl import gold_lines
from warta.stories.cluster import assign
from warta.stories.features import Features, features
from warta.stories.similarity import Idf

NEAR_MISS = "[near-miss]"
GRID = [round(0.06 + 0.02 * i, 2) for i in range(15)]  # thresholds tried when fitting: 0.06 … 0.34
PENALTIES = [0.0, 0.1, 0.2, 0.3, 0.4]  # lead-day penalties tried with them


@dataclass
class Gold:
    """One gold passage."""

    id: str
    story: str
    near_miss: bool
    near_duplicate_of: str | None
    raw: RawDocument


@dataclass
class Result:
    """B-cubed figures, near-miss separation, near-duplicates and the split-half fit."""

    passages: int = 0
    stories: int = 0
    predicted_stories: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    near_misses: int = 0
    near_misses_apart: int = 0
    near_duplicates: dict = field(default_factory=dict)
    split_half: list[dict] = field(default_factory=list)
    order: dict = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The figures as one JSON-ready dict."""
        return {k: getattr(self, k) for k in (
            "passages", "stories", "predicted_stories", "precision", "recall", "f1", "near_misses",
            "near_misses_apart", "near_duplicates", "split_half", "order")}


def read_gold(path: Path) -> list[Gold]:
    """The passages of a gold file, as raw documents carrying only url, published and text."""
    rows = []
    for number, where, rec in gold_lines(path):
        try:
            raw = RawDocument(source=Source(path=str(path), url=rec.get("url"), line=number), text=rec["text"],
                              published=rec.get("published"), raw=rec["text"].encode("utf-8"))
            rows.append(Gold(rec["id"], rec["story"], str(rec.get("story_title", "")).startswith(NEAR_MISS),
                             rec.get("near_duplicate_of"), raw))
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(where, f"not a gold passage ({type(error).__name__}: {error})") from None
    if not rows:
        raise InputError(str(path), "no passages")
    return rows


def process(gold: list[Gold]) -> list[Article]:
    """Run the passages through the real pipeline in this process."""
    from warta import pipeline

    out = []
    for item in pipeline.run([g.raw for g in gold], workers=1):
        if isinstance(item, pipeline.Failure):
            raise InputError(item.where, item.reason)
        out.append(item.article)
    return out


def idf_of(feats: list[Features]) -> Idf:
    """Document frequencies over a set of articles, as one ingest of them would count."""
    df: dict[str, int] = {}
    for f in feats:
        for t in f.terms:
            df[t] = df.get(t, 0) + 1
    return Idf(df, len(feats))


def bcubed(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    n = len(pred)
    p = r = 0.0
    for i in range(n):
        same_pred = {j for j in range(n) if pred[j] == pred[i]}
        same_gold = {j for j in range(n) if gold[j] == gold[i]}
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / n, r / n
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0


def cluster(feats: list[Features], overrides: dict | None = None) -> tuple[dict[str, str], dict[str, str | None]]:
    """Story and near-duplicate link of each article id, clustering them as one batch."""
    result = assign(feats, [], idf_of(feats), overrides)
    return {a.article: a.story for a in result}, {a.article: a.near_duplicate_of for a in result}


def _score(gold: list[Gold], feats: list[Features], overrides: dict | None = None) -> tuple[Result, dict, dict]:
    story, dup = cluster(feats, overrides)
    pred = [story[f.id] for f in feats]
    res = Result(passages=len(gold), stories=len({g.story for g in gold}), predicted_stories=len(set(pred)))
    res.precision, res.recall, res.f1 = bcubed(pred, [g.story for g in gold])
    for k, g in enumerate(gold):
        if g.near_miss:
            res.near_misses += 1
            mates = [gold[j].id for j in range(len(gold)) if pred[j] == pred[k] and gold[j].story != g.story]
            if mates:
                res.errors.append({"kind": "near-miss-joined", "passage": g.id, "with": ",".join(mates)})
            else:
                res.near_misses_apart += 1
    return res, story, dup


def _near_duplicates(gold: list[Gold], feats: list[Features], dup: dict) -> dict:
    by_article = {f.id: g.id for f, g in zip(feats, gold)}
    found = {frozenset((by_article[a], by_article[b])) for a, b in dup.items() if b}
    truth = {frozenset((g.id, g.near_duplicate_of)) for g in gold if g.near_duplicate_of}
    return {"gold": len(truth), "found": len(found), "right": len(found & truth)}


def _split(gold: list[Gold]) -> tuple[list[int], list[int]]:
    """Two halves by story: stories (and singletons) sorted by slug, dealt alternately."""
    slugs = sorted({g.story for g in gold})
    half = {s: k % 2 for k, s in enumerate(slugs)}
    return ([i for i, g in enumerate(gold) if half[g.story] == 0], [i for i, g in enumerate(gold) if half[g.story] == 1])


def _fit(gold: list[Gold], feats: list[Features]) -> dict:
    """The link threshold and lead-day penalty with the most near-misses apart, then the best F1
    (ties: the middle of the best thresholds, then the smallest penalty)."""
    scored = []
    for pen in PENALTIES:
        for th in GRID:
            res, _, _ = _score(gold, feats, {"link_threshold": th, "lead_day_penalty": pen})
            scored.append(((res.near_misses_apart, res.f1), pen, th))
    top = max(key for key, _, _ in scored)
    pen = min(p for key, p, _ in scored if key == top)
    best = [th for key, p, th in scored if key == top and p == pen]
    return {"link_threshold": best[len(best) // 2], "lead_day_penalty": pen}


def split_half(gold: list[Gold], feats: list[Features]) -> list[dict]:
    """Fit the threshold on one half of the stories and score the other half, both ways."""
    halves = _split(gold)
    out = []
    for fit_on, test_on in (halves, halves[::-1]):
        fit = _fit([gold[i] for i in fit_on], [feats[i] for i in fit_on])
        res, _, _ = _score([gold[i] for i in test_on], [feats[i] for i in test_on], fit)
        fitted, _, _ = _score([gold[i] for i in fit_on], [feats[i] for i in fit_on], fit)
        out.append({"threshold": fit["link_threshold"], "lead_day_penalty": fit["lead_day_penalty"], "fit_passages": len(fit_on), "fit_f1": fitted.f1, "test_passages": len(test_on),
                    "test_precision": res.precision, "test_recall": res.recall, "test_f1": res.f1,
                    "test_near_misses_apart": f"{res.near_misses_apart}/{res.near_misses}"})
    return out


def order_agreement(feats: list[Features], runs: int = 5, ingests: int = 4, overrides: dict | None = None) -> dict:
    """Agreement (B-cubed F1) of the stories found when the articles arrive shuffled in several ingests
    with the stories of one ingest; each later ingest sees the earlier ones as its archive."""
    import random

    from warta.stories.cluster import Member

    one, _ = cluster(feats, overrides)
    ids = [f.id for f in feats]
    scores = []
    for seed in range(runs):
        order = feats[:]
        random.Random(seed).shuffle(order)
        size = -(-len(order) // ingests)
        members: list[Member] = []
        story: dict[str, str] = {}
        for k in range(0, len(order), size):
            seen = order[:k + size]
            for a in assign(order[k:k + size], members, idf_of(seen), overrides):
                story[a.article] = a.story
            members = [Member(f, story[f.id]) for f in seen]
        scores.append(bcubed([story[i] for i in ids], [one[i] for i in ids])[2])
    return {"runs": runs, "ingests": ingests, "mean_f1": round(sum(scores) / len(scores), 4), "min_f1": min(scores)}


def evaluate(path: Path, articles: list[Article] | None = None, overrides: dict | None = None) -> Result:
    """Score story clustering on a gold file (``articles``: already processed passages, in file order)."""
    gold = read_gold(Path(path))
    articles = articles if articles is not None else process(gold)
    feats = [features(a) for a in articles]
    res, _story, dup = _score(gold, feats, overrides)
    res.near_duplicates = _near_duplicates(gold, feats, dup)
    res.split_half = split_half(gold, feats)
    res.order = order_agreement(feats, overrides=overrides)
    return res


def format_report(res: Result) -> str:
    """The figures as a few lines for a person."""
    nd = res.near_duplicates
    lines = [
        f"passages {res.passages}, gold stories {res.stories}, predicted stories {res.predicted_stories}",
        f"B-cubed  P {res.precision:.3f}  R {res.recall:.3f}  F1 {res.f1:.3f}",
        f"near-misses kept apart {res.near_misses_apart}/{res.near_misses}",
        f"near-duplicates: gold {nd.get('gold', 0)}, found {nd.get('found', 0)}, right {nd.get('right', 0)}",
    ]
    if res.order:
        o = res.order
        lines.append(f"order: {o['runs']} shuffles in {o['ingests']} ingests each agree with one ingest at "
                     f"B-cubed F1 {o['mean_f1']:.3f} (lowest {o['min_f1']:.3f})")
    for k, s in enumerate(res.split_half, 1):
        lines.append(
            f"split {k}: threshold {s['threshold']:.2f}, lead-day penalty {s['lead_day_penalty']:.1f} fitted on "
            f"{s['fit_passages']} passages (F1 {s['fit_f1']:.3f}); "
            f"on the other {s['test_passages']}: P {s['test_precision']:.3f} R {s['test_recall']:.3f} "
            f"F1 {s['test_f1']:.3f}, near-misses apart {s['test_near_misses_apart']}")
    return "\n".join(lines)
