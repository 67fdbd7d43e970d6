"""pipeline.run: input order, batches parsed together, one bad document never stops the rest."""

from __future__ import annotations

from warta import pipeline
from warta.article import Article, RawDocument, Source
from warta.errors import InputError


def _raw(name: str, text: str) -> RawDocument:
    return RawDocument(raw=text.encode("utf-8"), source=Source(path=name), text=text)


BODY = (
    "JAKARTA - Presiden Joko Widodo bertemu Menteri Luar Negeri AS di Istana Merdeka, Jakarta, "
    "Senin (3/3/2025). Keduanya membahas kerja sama perdagangan dan keamanan kawasan.\n\n"
    "\"Kami sepakat memperkuat hubungan kedua negara,\" kata Jokowi kepada wartawan seusai pertemuan.\n\n"
    "Pertemuan itu berlangsung sekitar dua jam dan dihadiri sejumlah menteri Kabinet Indonesia Maju."
)


def test_batches_split_an_iterable_in_order():
    assert list(pipeline.batches(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(pipeline.batches([], 3)) == []


def test_analyse_many_matches_analyse_one_by_one():
    articles = [Article(body=BODY), Article(body="Satu kalimat saja."), Article(body="")]
    docs = pipeline.analyse_many(articles)
    for article, doc in zip(articles, docs):
        alone = Article(body=article.body)
        single = pipeline.analyse(alone)
        assert article.sentences == alone.sentences
        assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in single.ents]


def test_run_keeps_order_and_isolates_failures(monkeypatch):
    items = [_raw(f"doc{i}.txt", BODY.replace("Senin", "Selasa") if i % 2 else BODY) for i in range(20)]
    items.insert(3, InputError("broken.txt", "not UTF-8"))
    results = list(pipeline.run(items, workers=1))
    assert len(results) == 21
    assert isinstance(results[3], pipeline.Failure) and results[3].where == "broken.txt"
    processed = [r for r in results if isinstance(r, pipeline.Processed)]
    assert [r.raw.source.path for r in processed] == [f"doc{i}.txt" for i in range(20)]
    assert all(r.article.sentences for r in processed)


def test_run_falls_back_to_one_by_one_when_the_batched_parse_fails(monkeypatch):
    def broken(articles, batch_size=32):
        raise RuntimeError("batch failed")

    monkeypatch.setattr(pipeline, "analyse_many", broken)
    results = list(pipeline.run([_raw("a.txt", BODY), _raw("b.txt", BODY)], workers=1))
    assert all(isinstance(r, pipeline.Processed) and r.article.sentences for r in results)


def test_records_are_made_with_the_articles_when_asked_for_at_every_worker_count():
    import json

    items = [_raw(f"doc{i}.txt", BODY.replace("Senin", "Selasa") if i % 2 else BODY) for i in range(3)]
    plain = list(pipeline.run(items, workers=1))
    assert all(r.record is None for r in plain)  # not made when nobody asked (the evaluations)
    for workers in (1, 2):
        results = list(pipeline.run(items, workers=workers, records=True))
        assert [r.record for r in results] == [json.dumps(r.article.to_dict(), ensure_ascii=False) for r in plain]
        lines = list(pipeline.run(items, workers=workers, lines=True))  # the record alone (warta extract)
        assert all(isinstance(r, pipeline.Line) for r in lines)
        assert [r.record for r in lines] == [r.record for r in results]


def test_a_run_starts_at_most_max_workers_local_processes(monkeypatch):
    # a mistyped worker count (1000) must not start a process per batch in flight
    import warta.pool

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(pipeline, "max_workers", lambda: 1)
    monkeypatch.setattr(warta.pool, "ordered_map", no_pool)
    monkeypatch.setattr(warta.pool, "start_server", no_pool)
    raw = RawDocument(Source(path="a.txt"), text="Presiden Joko Widodo tiba di Jakarta, Senin (6/5/2019).")
    [done] = list(pipeline.run([raw], workers=1000))
    assert isinstance(done, pipeline.Processed)


def test_the_cli_refuses_a_worker_count_below_one_and_cuts_one_too_large(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from warta.cli import app

    page = tmp_path / "a.txt"
    page.write_text("Presiden Joko Widodo tiba di Jakarta, Senin (6/5/2019).", encoding="utf-8")
    for count in ("0", "-2"):
        result = CliRunner().invoke(app, ["extract", str(page), "--workers", count])
        assert result.exit_code == 1
        assert result.output.strip() == f"Error: --workers (or WARTA_WORKERS) must be 1 or more, not {count}"
    monkeypatch.setattr(pipeline, "max_workers", lambda: 1)
    result = CliRunner().invoke(app, ["extract", str(page), "--workers", "1000"])
    assert result.exit_code == 0
    assert "Note: --workers 1000 is more than 4 per core on this machine; using 1" in result.output
