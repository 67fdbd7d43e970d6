"""Running the corpus stages over a store: assign new articles to stories, then refresh what changed.

Only articles not yet assigned are read; the archive's members are loaded as features (never
re-clustered) from a window around the new articles' dates. Stories that gained or lost an
article get their title, dates, summary and merged events recomputed.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import Engine, bindparam, delete, func, insert, select
from sqlalchemy import update as sql_update

from warta.article import Article
from warta.stories import schema as t
from warta.stories import settings as cfg
from warta.stories.cluster import Member, assign
from warta.stories.features import Features, features
from warta.stories.merged import merge_events
from warta.stories.similarity import Idf
from warta.stories.summary import story_summary
from warta.store import schema as store_schema
from warta.store.connect import writing

RECENT_UNDATED = 5000  # undated archive articles compared with a new batch (the latest assigned)
UNDATED_BATCH_DAYS = 30  # a batch without any date is compared with the archive's latest days


@dataclass(slots=True)
class UpdateSummary:
    """What one run of the corpus stages did."""

    assigned: int = 0
    opened: int = 0
    near_duplicates: int = 0
    dropped: int = 0
    stories: set = field(default_factory=set)

    def describe(self) -> str:
        """One line for the user."""
        return (f"stories: {self.assigned} article(s) assigned, {self.opened} new stor{'y' if self.opened == 1 else 'ies'}, "
                f"{self.near_duplicates} near-duplicate(s), {len(self.stories)} stor{'y' if len(self.stories) == 1 else 'ies'} updated")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _unassigned(conn) -> list[Article]:
    a = store_schema.articles
    rows = conn.execute(
        select(a.c.record).where(a.c.id.not_in(select(t.story_articles.c.article_id))).order_by(a.c.id)
    ).all()
    return [Article.from_dict(json.loads(r.record)) for r in rows]


def pending(engine: Engine) -> int:
    """How many stored articles are in no story yet (an older store, or an ingest that stopped early)."""
    a = store_schema.articles
    with engine.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(a).where(a.c.id.not_in(select(t.story_articles.c.article_id)))
        ).scalar_one()


def _drop_orphans(conn, summary: UpdateSummary) -> None:
    """Forget assignments of articles the store no longer has (a changed file replaced its article)."""
    sa = t.story_articles
    rows = conn.execute(
        select(sa.c.article_id, sa.c.story_id, sa.c.features)
        .where(sa.c.article_id.not_in(select(store_schema.articles.c.id)))
    ).all()
    gone: Counter = Counter()
    for row in rows:
        gone.update({term: -1 for term in json.loads(row.features).get("terms") or {}})
        conn.execute(delete(sa).where(sa.c.article_id == row.article_id))
        summary.dropped += 1
        summary.stories.add(row.story_id)
    if rows:
        _count_terms(conn, gone, -len(rows))


def _count_terms(conn, counts: Counter, documents: int) -> None:
    """Add ``counts`` (term → documents using it, negative to remove) and ``documents`` to the frequencies."""
    df = t.story_df
    terms = sorted(term for term, n in counts.items() if n)
    existing: set[str] = set()
    for k in range(0, len(terms), 500):
        existing |= {r.term for r in conn.execute(select(df.c.term).where(df.c.term.in_(terms[k:k + 500])))}
    new = [{"term": term, "df": counts[term]} for term in terms if term not in existing and counts[term] > 0]
    if new:
        conn.execute(insert(df), new)
    if existing:
        conn.execute(sql_update(df).where(df.c.term == bindparam("t")).values(df=df.c.df + bindparam("n")),
                     [{"t": term, "n": counts[term]} for term in sorted(existing)])
    n = conn.execute(select(t.story_meta.c.value).where(t.story_meta.c.key == "documents")).scalar()
    value = str(max(int(n or 0) + documents, 0))
    if n is None:
        conn.execute(insert(t.story_meta).values(key="documents", value=value))
    else:
        conn.execute(sql_update(t.story_meta).where(t.story_meta.c.key == "documents").values(value=value))


def _idf(conn, new: list[Features]) -> Idf:
    """IDF over the archive and the new batch together."""
    df_table = t.story_df
    terms = sorted({term for f in new for term in f.terms})
    df: dict[str, int] = {}
    for k in range(0, len(terms), 500):
        chunk = terms[k:k + 500]
        df.update({r.term: r.df for r in conn.execute(select(df_table.c.term, df_table.c.df).where(df_table.c.term.in_(chunk)))})
    n = int(conn.execute(select(t.story_meta.c.value).where(t.story_meta.c.key == "documents")).scalar() or 0)
    return Idf(df, n)


def _members(conn, new: list[Features], window: float) -> list[Member]:
    """The archive's articles a new one could join: dated ones near the batch's dates, recent undated ones."""
    sa = t.story_articles
    days = [f.day for f in new if f.day is not None]
    if days:
        lo = (min(days) - timedelta(days=window)).isoformat()
        hi = (max(days) + timedelta(days=window)).isoformat()
        dated = select(sa).where(sa.c.day >= lo, sa.c.day <= hi)
    else:  # an undated batch: compare with the archive's latest month
        latest = conn.execute(select(func.max(sa.c.day))).scalar()
        lo = (date.fromisoformat(latest) - timedelta(days=UNDATED_BATCH_DAYS)).isoformat() if latest else ""
        dated = select(sa).where(sa.c.day >= lo)
    undated = select(sa).where(sa.c.day.is_(None)).order_by(sa.c.assigned_at.desc(), sa.c.article_id).limit(RECENT_UNDATED)
    rows = {r.article_id: r for q in (dated, undated) for r in conn.execute(q)}
    return [Member(Features.from_dict(r.article_id, json.loads(r.features)), r.story_id, r.near_duplicate_of)
            for _, r in sorted(rows.items())]


def update(engine: Engine, overrides: dict | None = None) -> UpdateSummary:
    """Assign every unassigned article of the store to a story and refresh the stories that changed."""
    summary = UpdateSummary()
    now = _now()
    with writing(engine) as conn:
        _drop_orphans(conn, summary)
        new_articles = _unassigned(conn)
        feats = [features(a) for a in new_articles]
        _count_terms(conn, Counter(term for f in feats for term in f.terms), len(feats))
        idf = _idf(conn, feats)
        members = _members(conn, feats, cfg.get("window_days", overrides)) if feats else []
        by_id = {f.id: f for f in feats}
        rows = []
        for a in assign(feats, members, idf, overrides):
            f = by_id[a.article]
            rows.append(dict(article_id=a.article, story_id=a.story, near_duplicate_of=a.near_duplicate_of, via=a.via,
                             score=a.score, day=f.day.isoformat() if f.day else None,
                             features=json.dumps(f.to_dict(), ensure_ascii=False), assigned_at=now))
            summary.assigned += 1
            summary.opened += a.opened
            summary.near_duplicates += a.near_duplicate_of is not None
            summary.stories.add(a.story)
        if rows:
            conn.execute(insert(t.story_articles), rows)
        for story in sorted(summary.stories):
            refresh_story(conn, story, now)
    return summary


def rebuild(engine: Engine, overrides: dict | None = None) -> UpdateSummary:
    """Forget every story and assign the whole store again (stories keep their ids when their first article does)."""
    with writing(engine) as conn:
        for table in t.TABLES:
            conn.execute(delete(table))
    return update(engine, overrides)


def _day(article: Article, feats_day: str | None) -> str | None:
    return (article.published or "")[:10] or feats_day


def refresh_story(conn, story: str, now: str) -> None:
    """Recompute one story's row and merged events from its articles (delete it when it has none)."""
    sa = t.story_articles
    members = conn.execute(select(sa.c.article_id, sa.c.near_duplicate_of, sa.c.day).where(sa.c.story_id == story)).all()
    conn.execute(delete(t.merged_events).where(t.merged_events.c.story_id == story))
    if not members:
        conn.execute(delete(t.stories).where(t.stories.c.id == story))
        return
    a = store_schema.articles
    records = {r.id: Article.from_dict(json.loads(r.record))
               for r in conn.execute(select(a.c.id, a.c.record).where(a.c.id.in_([m.article_id for m in members])))}
    days = {m.article_id: _day(records[m.article_id], m.day) for m in members if m.article_id in records}
    ordered = sorted(records.values(), key=lambda art: (days.get(art.id) or "9999", art.id))
    dup = {m.article_id: m.near_duplicate_of for m in members}
    originals = [art for art in ordered if not dup.get(art.id)]
    title = next((art.title for art in originals if art.title), None) or next((art.title for art in ordered if art.title), None)
    seen = sorted(d for d in days.values() if d)
    summ = story_summary(originals or ordered, int(cfg.get("story_summary_words")))
    values = dict(title=title, first_seen=seen[0] if seen else None, last_seen=seen[-1] if seen else None,
                  articles=len(records), outlets=len({art.outlet for art in records.values() if art.outlet}),
                  summary=json.dumps(summ, ensure_ascii=False) if summ else None, updated_at=now)
    if conn.execute(select(func.count()).select_from(t.stories).where(t.stories.c.id == story)).scalar():
        conn.execute(sql_update(t.stories).where(t.stories.c.id == story).values(**values))
    else:
        conn.execute(insert(t.stories).values(id=story, created_at=now, **values))
    merged = merge_events(list(records.values()), dup, story)
    if merged:
        conn.execute(insert(t.merged_events), [
            dict(story_id=story, key=m.key, type=m.type, mode=m.mode, quad_class=m.quad_class,
                 source_actor=m.source["actor"], source_name=m.source["name"], target_actor=m.target["actor"],
                 target_name=m.target["name"], date=m.date, date_precision=m.date_precision, negated=int(m.negated),
                 planned=int(m.planned), sources=m.sources, evidence=json.dumps(m.evidence, ensure_ascii=False))
            for m in merged])
