"""The time stage inside the article record, and the `warta time` command."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from warta.article import Article
from warta.cli import app
from warta.time import annotate


def test_annotate_fills_timex_with_offsets_into_body():
    body = "Menlu bertemu Lavrov pada Senin 6 Mei lalu. Pompeo akan tiba pekan depan."
    article = annotate(Article(body=body, published="2019-05-12T09:04:00+07:00"))
    assert [(t.text, t.value) for t in article.timex] == [("Senin 6 Mei lalu", "2019-05-06"), ("pekan depan", "2019-W20")]
    assert all(body[t.start:t.end] == t.text for t in article.timex)
    assert article.published_inferred is False


def test_annotate_infers_missing_publication_date_from_lead():
    body = ("Menteri Luar Negeri Rusia Sergey Lavrov, pada Selasa, 31 Januari 2023, mengungkapkan pesan "
            "yang dia terima dari Menteri Luar Negeri AS.\n\nMelansir dari Newsweek, Rabu, 1 Februari 2023, "
            "Lavrov mengatakan pesan itu disampaikan kepadanya oleh Menteri Luar Negeri Mesir kemarin.")
    article = annotate(Article(body=body))
    assert (article.published, article.published_inferred) == ("2023-02-01", True)
    assert article.timex[-1].value == "2023-01-31"  # kemarin, against the inferred date


def test_annotate_bad_publication_date_is_a_warning_not_a_crash():
    article = annotate(Article(body="Dia tiba kemarin.", published="kemarin sore"))
    assert article.timex[0].value is None
    assert any("not a date" in w for w in article.warnings)


def test_cli_time_prints_jsonl():
    result = CliRunner().invoke(app, ["time", "Selasa (14/5), pukul 10.00 WIB", "--dct", "2019-05-12", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["value"]) for r in rows] == [("Selasa (14/5)", "2019-05-14"), ("pukul 10.00 WIB", "2019-05-14T10:00")]


def test_cli_time_rejects_bad_dct():
    result = CliRunner().invoke(app, ["time", "kemarin", "--dct", "12/05/2019"])
    assert result.exit_code == 1
    assert "--dct must be a date" in " ".join(result.output.split())


def test_annotate_sets_the_reference_date():
    stated = annotate(Article(body="Dia tiba kemarin.", published="2019-05-12T09:04:00+07:00"))
    assert stated.reference_date == "2019-05-12"
    # "Selasa (14/5)" fits 2019 only, going back from 25 April 2024: the content's day is the reference
    moved = annotate(Article(body="Pompeo bertemu Lavrov, Selasa (14/5).", published="2024-04-25"))
    assert moved.reference_date == "2019-05-14"
    assert annotate(Article(body="Dia tiba kemarin.", published="kemarin sore")).reference_date is None


def test_annotate_reads_the_dates_of_the_page_furniture():
    # the title and removed lines (datelines, captions, headers) carry dates too: they are listed
    # after the body's, with `part` naming their text and offsets into it; body readers skip them
    from warta.article import Removed, body_timex

    body = "Para menteri bertemu di Bogor pada Kamis (9/5). Pertemuan lanjutan digelar pekan depan."
    article = Article(body=body, title="Menteri Bertemu Lagi Pekan Depan", published="2019-05-10",
                      removed=[Removed("date 2019-05-10", "title"), Removed("Suasana rapat, Rabu, 8 Mei 2019.", "caption"),
                               Removed("-", "related-link"), Removed("Senin, 6 Mei 2019 - 10:00 WIB", "dateline-date"),
                               Removed("NASIONAL07/05/2019", "dateline-date")])
    annotate(article)
    furniture = [(t.part, t.text, t.value) for t in article.timex if t.part]
    assert furniture == [("title", "Pekan Depan", "2019-W20"), ("removed:0", "date 2019-05-10", "2019-05-10"),
                         ("removed:1", "Rabu, 8 Mei 2019", "2019-05-08"), ("removed:3", "Senin, 6 Mei 2019", "2019-05-06"),
                         ("removed:3", "10:00 WIB", "2019-05-06T10:00"), ("removed:4", "07/05/2019", "2019-05-07")]
    texts = {"title": article.title, **{f"removed:{i}": r.text for i, r in enumerate(article.removed)}}
    assert all(texts[t.part][t.start:t.end] == t.text for t in article.timex if t.part)
    assert [t.text for t in body_timex(article)] == ["Kamis (9/5)", "pekan depan"]
    assert article.to_dict()["timex"][0]["part"] is None


def test_inferred_publication_day_is_a_bare_weekday_just_after_the_lead_date():
    from warta.time import infer_published

    lead = ("Polisi menangkap dua tersangka penyelundupan di pelabuhan Bitung pada Selasa (8/3/2022) malam "
            "setelah pengintaian selama sepekan. \"Keduanya sudah kami tahan,\" kata juru bicara polisi "
            "kepada wartawan di Manado, Rabu.")
    assert infer_published(lead) == "2022-03-09"  # written on the Wednesday after the arrest
    earlier = lead.replace("Manado, Rabu.", "Manado. Pengintaian dimulai Jumat pekan sebelumnya.")
    assert infer_published(earlier) == "2022-03-08"  # a weekday before the date is no writing day
    future = ("Menteri Luar Negeri menerima tamunya di Jakarta pada Senin (14/2/2022) untuk membahas "
              "kerja sama perdagangan kedua negara. Keduanya akan bertemu lagi pada 16 dan 17 Februari 2022 di Bali.")
    assert infer_published(future) == "2022-02-14"  # a date of a future clause is not the day of writing
