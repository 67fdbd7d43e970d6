"""Page metadata as Indonesian outlets print it: titles without the site, publication time to the
minute in the printed zone, the reporter (not the company, the desk, initials or the editor).

The pages of ``metadata/`` are our own, in the markup of over 30 outlets (invented stories and names);
``metadata/gold.jsonl`` is what a careful reader takes from each (the `warta eval pages` format).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.article import RawDocument, Source
from warta.cli import app
from warta.eval import pages as pages_eval
from warta.extract import _clean_title, extract
from warta.extract.dates import date_from_url, parse_date, parse_date_line
from warta.extract.html import read_page
from warta.extract.meta import byline_names, is_person
from warta.extract.outlets import registry
from warta.extract.resources import load

METADATA = Path(__file__).parent / "metadata"
GOLD = [json.loads(line) for line in (METADATA / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("record", GOLD, ids=lambda r: r["file"])
def test_outlet_page_metadata(record):
    article = pages_eval.extract_page(record, METADATA).to_dict()
    assert article["title"] == record["title"]
    assert pages_eval.same_time(article["published"], record["published"]), article["published"]
    assert article["published"] == record["published"][:16] + article["published"][16:]  # the printed zone
    assert article["authors"] == record["authors"]
    assert article["editors"] == record["editors"]
    assert article["kind"] == record["kind"]
    assert article["body"]  # a video page keeps its text


def test_eval_pages_scores_the_fixtures_and_lists_errors(tmp_path):
    result = CliRunner().invoke(app, ["eval", "pages", "--gold", str(METADATA / "gold.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["pages"] == len(GOLD) and figures["title"] == figures["published"] == figures["authors"] == 1.0
    # a wrong gold line is scored wrong and listed
    wrong = dict(GOLD[0], authors=["Orang Lain"], published="2024-05-06T15:05:00+07:00")
    (tmp_path / "gold.jsonl").write_text(json.dumps(wrong) + "\n", encoding="utf-8")
    (tmp_path / GOLD[0]["file"]).write_bytes((METADATA / GOLD[0]["file"]).read_bytes())
    result = CliRunner().invoke(app, ["eval", "pages", "--gold", str(tmp_path / "gold.jsonl"), "--errors", "5"])
    assert result.exit_code == 0, result.output
    assert "authors    0.000" in result.stdout and "published  0.000" in result.stdout
    assert 'field=authors gold=["Orang Lain"]' in result.stdout


@pytest.mark.parametrize("predicted,gold,right", [
    ("2024-05-06T14:05:31+07:00", "2024-05-06T14:05:00+07:00", True),  # to the minute
    ("2024-05-06T07:05:00+00:00", "2024-05-06T14:05:00+07:00", True),  # the same instant
    ("2024-05-06T14:05:00+07:00", "2024-05-06T14:05:00+08:00", False),  # WIB is not WITA
    ("2024-05-06", "2024-05-06T14:05:00+07:00", False),  # the hour dropped
    ("2024-05-06T14:05:00+07:00", "2024-05-06", True),  # the gold gives the day only
    (None, None, True),
])
def test_publication_time_is_scored_to_the_minute(predicted, gold, right):
    assert pages_eval.same_time(predicted, gold) is right


@pytest.mark.parametrize("title,clean", [
    ("Kemenlu Pulangkan 12 WNI dari Kamboja Halaman all - Kompas.com", "Kemenlu Pulangkan 12 WNI dari Kamboja"),
    ("Kemenag Buka Pendaftaran Petugas Haji | Republika Online", "Kemenag Buka Pendaftaran Petugas Haji"),
    ("Harga Cabai Turun - ANTARA News Jawa Timur - Berita Terkini Jawa Timur", "Harga Cabai Turun"),
    ("Bawaslu Temukan APK Melanggar : Okezone Nasional", "Bawaslu Temukan APK Melanggar"),
    ("Dishub Uji Coba Jalur Sepeda - Tribun-timur.com", "Dishub Uji Coba Jalur Sepeda"),
    ("Pedagang Keluhkan Harga Bawang | Suarajatim.id", "Pedagang Keluhkan Harga Bawang"),
    ("Video: Warga Bersihkan Sungai - 20detik", "Video: Warga Bersihkan Sungai"),
    ("Polda Tangkap Pelaku Pembobolan ATM - News Liputan6.com", "Polda Tangkap Pelaku Pembobolan ATM"),
    # a separator inside the headline stays when what follows is no site
    ("Menlu Retno: Indonesia Siap Jadi Tuan Rumah", "Menlu Retno: Indonesia Siap Jadi Tuan Rumah"),
    ("Rusia - Ukraina Sepakat Tukar Tawanan", "Rusia - Ukraina Sepakat Tukar Tawanan"),
    ("Perang Rusia-Ukraina Memasuki Tahun Ketiga - Kompas.com", "Perang Rusia-Ukraina Memasuki Tahun Ketiga"),
    ("Jembatan Putus Diterjang Banjir - detikJateng", "Jembatan Putus Diterjang Banjir"),
    ("Polisi Selidiki Kebakaran Gudang | tvOneNews", "Polisi Selidiki Kebakaran Gudang"),
    ("Wali Kota Resmikan Pasar Baru - Radar Surabaya", "Wali Kota Resmikan Pasar Baru"),
    ("Situs Purbakala Ditemukan | Jatim TIMES", "Situs Purbakala Ditemukan"),
    ("Apple Luncurkan Fitur Baru - iPhone", "Apple Luncurkan Fitur Baru - iPhone"),
    ("Kejati Tahan Dua Pejabat Dinas Pendidikan Bagian All", "Kejati Tahan Dua Pejabat Dinas Pendidikan"),  # iNews
    ("Kejati Tahan Dua Pejabat - Bagian 2", "Kejati Tahan Dua Pejabat"),
    ("Banjir Rendam Tiga Desa \u00bb Kabar Priangan", "Banjir Rendam Tiga Desa"),
    ("KOMPAS.com - Banjir Rendam Tiga Desa", "Banjir Rendam Tiga Desa"),
    ("Tempo: Kami Tidak Takut", "Tempo: Kami Tidak Takut"),  # a speaker, not a site address
])
def test_titles_lose_the_site_name_and_tagline(title, clean):
    assert _clean_title(title, registry()) == clean


@pytest.mark.parametrize("value,authors,editors", [
    ("Rep: Fuji Eka Permana/ Red: Agung Sasongko", ["Fuji Eka Permana"], ["Agung Sasongko"]),
    ("Market - Dimas Aryo Pratomo, CNBC Indonesia", ["Dimas Aryo Pratomo"], []),
    ("Redaktur & Reporter : Sutresno Wahyudi", ["Sutresno Wahyudi"], ["Sutresno Wahyudi"]),
    ("Hana Prameswari - detikNews", ["Hana Prameswari"], []),
    ("Penulis: Yaumal Asri | Editor: Bangun Santoso", ["Yaumal Asri"], ["Bangun Santoso"]),
    ("Taufik Hidayatullah, Jurnalis", ["Taufik Hidayatullah"], []),
    ("Laporan Wartawan Tribun-Timur.com, Muhammad Fadhly Ali", ["Muhammad Fadhly Ali"], []),
    ("Kompas Cyber Media", [], []),
    ("(rdp/rdp)", [], []),
    ("kumparanNEWS", [], []),
    ("Tim detikcom", [], []),
    # Kompas credits a stringer with the town; the town is no name
    ("Penulis: Kontributor Bandung, Agus Salim", ["Agus Salim"], []),
    ("Penulis: Muhammad Ridwan | Kontributor Makassar", ["Muhammad Ridwan"], []),
    ("Laporan Wartawan TribunJakarta.com Satrio Wibisono", ["Satrio Wibisono"], []),
    ("Laporan Reporter Tribun Jateng, Rahmat Pamungkas", ["Rahmat Pamungkas"], []),
    # the date printed after the name (Liputan6, Medcom)
    ("Oleh Yudha Maulana pada 06 Mei 2024, 14:05 WIB", ["Yudha Maulana"], []),
    ("Candra Wiradinata \u2022 06 Mei 2024 14:05", ["Candra Wiradinata"], []),
    # roles after "/" or ";", and labels that credit no writer
    ("Redaktur: Adek Muhammad / Reporter: Fathan Sinaga", ["Fathan Sinaga"], ["Adek Muhammad"]),
    ("Editor: Laila Afifa; Reporter: Desty Luthfiani", ["Desty Luthfiani"], ["Laila Afifa"]),
    ("Translator: Ninda Ramadhani", [], []),
    ("Fotografer: Rizal Maulana", ["Rizal Maulana"], []),
    ("Oleh: Lenny Manurung / FMB", ["Lenny Manurung"], []),
    ("Editor: Ahmad Fikri, S.H.", [], ["Ahmad Fikri"]),
    ("Raja Eben Lumbanrau Wartawan BBC News Indonesia", ["Raja Eben Lumbanrau"], []),  # the role ends the name
    ("Penulis: HIDAYAT SETIAWAN", ["Hidayat Setiawan"], []),  # capitals written as a name
])
def test_bylines_name_the_reporter_and_the_editor(value, authors, editors):
    assert byline_names(value, registry()) == (authors, editors)


@pytest.mark.parametrize("name,person", [
    ("Sekar Ayuningtyas", True), ("Suparno", True), ("Kompas Cyber Media", False), ("bgs", False),
    ("RDS", False), ("Redaksi", False), ("mcr8", False), ("CNN Indonesia", False), ("Market", False),
    ("Sumber Reuters", False), ("AFP", False), ("Radar Bekasi", False), ("Pos Kupang", False), ("Kaltim Post", False),
])
def test_is_person(name, person):
    assert is_person(name, registry()) is person


@pytest.mark.parametrize("filename,key", [("bylines.yaml", "pattern"), ("titles.yaml", "pattern")])
def test_every_data_entry_matches_its_example(filename, key):
    for entry in load(filename):
        assert re.search(entry[key], entry["example"]), entry["name"]


@pytest.mark.parametrize("text,value", [
    ("2024/05/06 14:05:31", "2024-05-06T14:05:31+07:00"),  # Detik's publishdate: year first
    ("Senin, 06 Mei 2024 14:05 WIB", "2024-05-06T14:05:00+07:00"),
    ("06/05/2024, 14:05 WIB", "2024-05-06T14:05:00+07:00"),
    ("Senin, 6 Mei 2024 16:05 WIT", "2024-05-06T16:05:00+09:00"),
    ("Senin, 6 Mei 2024 14:05 WITA", "2024-05-06T14:05:00+08:00"),
    ("14:05 WIB - Senin, 6 Mei 2024", "2024-05-06T14:05:00+07:00"),  # the time first
    ("2:05 PM, Monday, May 6, 2024", "2024-05-06T14:05:00+07:00"),
    ("6th May 2024 14:05", "2024-05-06T14:05:00+07:00"),  # Antara English
    ("Jum\u2019at, 10 Mei 2024 - 09:12 WIB", "2024-05-10T09:12:00+07:00"),
    ("Senin, 06 Mei 2024 - 14:05:00 WIB", "2024-05-06T14:05:00+07:00"),  # iNews
    ("6 Mei 2024, 14.05", "2024-05-06T14:05:00+07:00"),  # Katadata
    ("Senin (6/5/2024) 14:05 WIB", "2024-05-06T14:05:00+07:00"),
    ("Minggu, 05 Mei 2024 pkl. 20.00 WIB", "2024-05-05T20:00:00+07:00"),
])
def test_date_lines(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize("line,value,kind", [
    # the first publication and its update on one line: a date line, the first date
    ("Senin, 6 Mei 2024 14:05 WIB Diperbarui Senin, 6 Mei 2024 16:00 WIB", "2024-05-06T14:05:00+07:00", "plain"),
    ("Publikasi: Senin, 06 Mei 2024 14:05 WIB", "2024-05-06T14:05:00+07:00", "published"),
    ("Diperbarui 06 Mei 2024, 15:30 WIB", "2024-05-06T15:30:00+07:00", "updated"),
])
def test_date_line_kinds(line, value, kind):
    found = parse_date_line(line)
    assert (found.value, found.kind) == (value, kind)


def test_a_sentence_with_two_dates_is_no_date_line():
    assert parse_date_line("Rapat digelar pada 6 Mei 2024 dan dilanjutkan pada 8 Mei 2024 di gedung DPR.") is None


@pytest.mark.parametrize("url,value", [
    ("https://www.cnbcindonesia.com/news/20240503132707-4-535123/judul", "2024-05-03T13:27:07+07:00"),
    ("https://www.suara.com/news/2024/05/06/140512/judul", "2024-05-06T14:05:12+07:00"),
    ("https://nasional.kompas.com/read/2024/05/06/14052471/judul", "2024-05-06T14:05:24+07:00"),
    ("https://nasional.okezone.com/read/2024/05/06/337/3003123/judul", "2024-05-06"),  # 337 is a channel
    ("https://news.detik.com/berita/d-7560273/judul", None),  # an id, no date
    ("https://sumutpos.co/nasional/30/03/2012/judul-berita", "2012-03-30"),  # day first
    # Sindonews (and SINDO regional sites) end the slug with the Unix time; elsewhere it is an id
    ("https://daerah.sindonews.com/read/1378901/174/judul-berita-1714979112", "2024-05-06T14:05:12+07:00"),
    ("https://sindomakassar.com/beritaamp/sulsel/13771/judul-berita-1714979112", "2024-05-06T14:05:12+07:00"),
    ("https://example.co.id/read/judul-berita-1714979112", None),
])
def test_url_dates(url, value):
    assert date_from_url(url) == value


def _html(head: str, body: str = "") -> RawDocument:
    story = "".join(f"<p>Paragraf berita ke-{n} tentang rapat dewan kota yang membahas anggaran daerah.</p>" for n in range(4))
    html = f"<html><head>{head}</head><body><h1>Rapat Dewan Kota</h1>{body}<article>{story}</article></body></html>"
    return RawDocument(Source(path="uji.html"), html=html)


@pytest.mark.parametrize("head,body,published", [
    # a zone-less meta time takes the printed zone
    ('<meta name="content_PublishedDate" content="2024-05-06 14:05:18">', '<time>Senin, 6 Mei 2024 14:05 WITA</time>',
     "2024-05-06T14:05:18+08:00"),
    # a tag stamped +07:00 at the minute a Makassar page prints in WITA: the printed zone
    ('<meta property="article:published_time" content="2024-05-06T14:05:00+07:00">',
     '<time>Senin, 6 Mei 2024 14:05 WITA</time>', "2024-05-06T14:05:00+08:00"),
    # a UTC meta time is written as the page prints it
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-06T07:05:00.000Z"}</script>',
     '<div class="story-date">6 Mei 2024 14:05 WIB</div>', "2024-05-06T14:05:00+07:00"),
])
def test_a_meta_time_takes_the_zone_the_page_prints(head, body, published):
    assert extract(_html(head, body)).published == published


def test_a_date_only_meta_tag_gets_the_time_of_an_unmarked_date_line_or_the_url():
    raw = _html('<meta name="pubdate" content="2024-05-06">', '<div class="text-grey">Senin, 06 Mei 2024 14:12 WIB</div>')
    assert extract(raw).published == "2024-05-06T14:12:00+07:00"
    raw = _html('<meta name="pubdate" content="2024-05-03">'
                '<link rel="canonical" href="https://www.cnbcindonesia.com/news/20240503132707-4-535123/judul">')
    assert extract(raw).published == "2024-05-03T13:27:07+07:00"


def test_unmarked_date_lines_in_other_stories_are_not_the_page_date():
    raw = _html('<meta name="pubdate" content="2024-05-06">',
                '<div class="berita-terkait"><span>Jumat, 03 Mei 2024 09:10 WIB</span></div>')
    assert extract(raw).published == "2024-05-06"


def test_json_ld_authors_are_people_not_organisations():
    page = read_page('<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
                     '"author": [{"@type": "Person", "name": "Sekar Ayuningtyas"}, {"@type": "Organization", '
                     '"name": "Kompas Cyber Media"}], "editor": {"@type": "Person", "name": "Bagus Wicaksono"}}]}'
                     '</script></head><body><p>Teks.</p></body></html>')
    assert page.authors[0] == ["Sekar Ayuningtyas"] and page.editors == ["Bagus Wicaksono"]


def test_json_ld_with_line_breaks_in_its_strings_or_a_comment_wrapper_is_read():
    body = '"articleBody": "Paragraf satu.\nParagraf dua.", "author": {"@type": "Person", "name": "Sekar Ayu"}'
    block = '{"@type": "NewsArticle", "datePublished": "2024-05-06T14:05:00+07:00", ' + body + "}"
    for wrapped in (block, "<!--\n" + block + "\n-->"):
        page = read_page(f'<html><head><script type="application/ld+json">{wrapped}</script></head><body><p>T.</p></body></html>')
        assert page.published == "2024-05-06T14:05:00+07:00" and page.authors[0] == ["Sekar Ayu"]
    # a block broken by unescaped quotes still gives its datePublished
    broken = block.replace('"@type": "NewsArticle"', '"@type": "NewsArticle", "headline": "Kata "rusak" di judul"')
    page = read_page(f'<html><head><script type="application/ld+json">{broken}</script></head><body><p>T.</p></body></html>')
    assert page.published == "2024-05-06T14:05:00+07:00"


@pytest.mark.parametrize("head,body,title", [
    ('<meta property="og:title" content="Menteri Sebut &amp;quot;Tidak Ada Kenaikan&amp;quot; Tahun Ini">', "",
     'Menteri Sebut "Tidak Ada Kenaikan" Tahun Ini'),  # entities escaped twice
    ('<meta property="og:title" content="Pemkot Bekasi Siapkan Ratusan Posko Kesehatan untuk...">',
     "<h1>Radar</h1><h1>Pemkot Bekasi Siapkan Ratusan Posko Kesehatan untuk Warga Terdampak Banjir</h1>",
     "Pemkot Bekasi Siapkan Ratusan Posko Kesehatan untuk Warga Terdampak Banjir"),  # the tag cut it short
    ("", '<h1 class="logo"><a href="/">Radar Bekasi</a></h1><h1>Dinkes Buka Posko di Lokasi Banjir</h1>',
     "Dinkes Buka Posko di Lokasi Banjir"),  # no tag: the headline, not the logo
    ('<meta property="og:title" content="AT&amp;T Buka Kantor di Jakarta">', "", "AT&T Buka Kantor di Jakarta"),
])
def test_the_whole_headline(head, body, title):
    page = read_page(f"<html><head>{head}</head><body>{body}<p>Teks berita tentang kota.</p></body></html>")
    assert page.title == title


def test_the_company_in_the_author_tag_gives_way_to_the_reporter_tag():
    raw = _html('<meta name="author" content="Kompas Cyber Media"><meta name="content_author" content="Sekar Ayuningtyas">')
    assert extract(raw).authors == ["Sekar Ayuningtyas"]
    raw = _html('<meta name="author" content="Kompas Cyber Media">')
    assert extract(raw).authors == []


@pytest.mark.parametrize("body,authors,editors", [
    ('<div class="meta"><a rel="author" href="/penulis/ayu">Ayu Lestari</a> <span>Senin, 06 Mei 2024</span></div>',
     ["Ayu Lestari"], []),
    ('<span itemprop="author" itemscope><span itemprop="name">Ayu Lestari</span></span><div class="editor">Bagus Wicaksono</div>',
     ["Ayu Lestari"], ["Bagus Wicaksono"]),
    ('<div class="editor-picks"><div>Warga Gelar Doa Bersama</div></div>', [], []),  # editors' choice: stories
])
def test_writers_marked_by_rel_or_itemprop_and_an_unlabelled_editor(body, authors, editors):
    article = extract(_html("", body))
    assert (article.authors, article.editors) == (authors, editors)


def test_an_editor_listed_among_the_writers_is_the_editor():
    raw = _html("", '<div class="author">Oleh : Rizki Pratama, Dedy Priatmojo</div><div class="editor">Editor : Dedy Priatmojo</div>')
    article = extract(raw)
    assert (article.authors, article.editors) == (["Rizki Pratama"], ["Dedy Priatmojo"])


def test_text_copy_credit_labels_alone_and_republika_rep_red():
    text = ("Judul Berita Kota\nPenulis\nSekar Ayuningtyas\n|\nEditor\nBagus Wicaksono\n\n"
            "JAKARTA, KOMPAS.com - Pemerintah kota membuka taman baru di pusat kota pada Senin pagi. Warga menyambutnya.")
    article = extract(RawDocument(Source(path="uji.txt"), text=text))
    assert (article.authors, article.editors) == (["Sekar Ayuningtyas"], ["Bagus Wicaksono"])
    assert "Sekar Ayuningtyas" not in article.body
    text = ("Judul Berita Kota\nRep: Dian Fath Risalah/ Red: Joko Sadewo\n\n"
            "REPUBLIKA.CO.ID, JAKARTA - Pemerintah kota membuka taman baru di pusat kota. Warga menyambutnya.")
    article = extract(RawDocument(Source(path="uji.txt"), text=text))
    assert (article.authors, article.editors) == (["Dian Fath Risalah"], ["Joko Sadewo"])


def test_a_name_alone_between_headline_and_date_line_is_the_writer():
    text = ("Gempa Magnitudo 5 Guncang Sumbawa Pagi Ini\nRizky Santoso\n07 Mei 2024 | 11:40 WIB\n\n"
            "Jakarta - Gempa mengguncang Sumbawa pada Selasa pagi. Warga sempat keluar rumah.")
    article = extract(RawDocument(Source(path="uji.txt"), text=text))
    assert article.authors == ["Rizky Santoso"] and "Rizky Santoso" not in article.body
    # a short headline above the date line is no writer
    text = "Polisi Tangkap Pencuri\nSelasa, 07 Mei 2024 11:40 WIB\n\nJakarta - Polisi menangkap pencuri motor di Bekasi."
    assert extract(RawDocument(Source(path="uji.txt"), text=text)).authors == []


@pytest.mark.parametrize("label", ["Jawa Barat", "Kabar Daerah", "Sulawesi Selatan", "Berita Nasional"])
def test_a_section_or_region_label_under_the_headline_is_no_writer(label):
    text = (f"Banjir Rendam Ratusan Rumah Warga di Bantaran Sungai\n{label}\n08 Mei 2024 | 09:15 WIB\n\n"
            "Bandung - Banjir merendam ratusan rumah di tepi sungai pada Rabu dini hari. Warga mengungsi ke masjid.")
    assert extract(RawDocument(Source(path="uji.txt"), text=text)).authors == []
    # the same page with a person in that place names its writer
    text = text.replace(f"\n{label}\n", "\nDewi Anggraini\n")
    assert extract(RawDocument(Source(path="uji.txt"), text=text)).authors == ["Dewi Anggraini"]


@pytest.mark.parametrize("marker,other", [
    ("related-posts", True), ("box-terpopuler", True), ("berita-lainnya", True), ("bacajuga", True), ("newsList", True), ("comments", True),
    ("another-section", False), ("journalist-box", False), ("author-info", False),
])
def test_lists_of_other_stories_are_marked_by_whole_class_words(marker, other):
    from warta.extract.html import _other_stories

    assert bool(_other_stories().search(marker)) is other


def test_word_groups_of_the_data_files_are_checked():
    from warta.errors import ResourceError
    from warta.extract.resources import words

    assert "jawa" in words("bylines.yaml", "not-writer") and "co.id" in words("titles.yaml", "address-ending")
    with pytest.raises(ResourceError):
        words("bylines.yaml", "no-such-group")


def test_a_label_alone_before_a_sentence_takes_no_author():
    text = ("Judul Berita Kota\nPenulis\nPemerintah kota membuka taman baru di pusat kota pada Senin pagi.\n\n"
            "Warga menyambut taman itu dengan gembira dan datang bersama keluarga.")
    assert extract(RawDocument(Source(path="uji.txt"), text=text)).authors == []


def test_a_paragraph_opening_with_a_label_word_is_no_byline():
    raw = _html("", '<p>Oleh karena itu, Presiden Joko Widodo meminta menteri bekerja lebih cepat.</p>')
    assert extract(raw).authors == []


def test_a_midnight_meta_time_gives_way_to_the_printed_time_of_that_day():
    raw = _html('<meta property="article:published_time" content="2024-05-06T00:00:00+07:00">',
                '<div class="date">06/5/2024 14:05</div>')
    assert extract(raw).published == "2024-05-06T14:05:00+07:00"
    raw = _html('<meta property="article:published_time" content="2024-05-06T00:00:00+07:00">',
                '<div class="date">07/5/2024 14:05</div>')  # another day: the tag stands
    assert extract(raw).published == "2024-05-06T00:00:00+07:00"


def test_oleh_alone_and_a_byline_joined_to_its_date_by_pada():
    text = "Judul Berita Kota\nOleh\nHIDAYAT SETIAWAN\n\nJAKARTA, KOMPAS - Pemerintah kota membuka taman baru. Warga menyambutnya."
    assert extract(RawDocument(Source(path="uji.txt"), text=text)).authors == ["Hidayat Setiawan"]
    text = ("Judul Berita Kota\nOleh Tira Santia pada 06 Mei 2024, 14:05 WIB\n\n"
            "Liputan6.com, Jakarta - Pemerintah kota membuka taman baru. Warga menyambutnya.")
    article = extract(RawDocument(Source(path="uji.txt"), text=text))
    assert article.authors == ["Tira Santia"] and article.published == "2024-05-06T14:05:00+07:00"


def test_date_lines_of_unmarked_story_lists_lose_to_the_day_the_url_names():
    raw = _html('<link rel="canonical" href="https://radarkota.id/2024/05/06/judul-berita/">',
                '<div class="kotak-berita"><span class="date">Kamis, 02 Mei 2024 | 09:00 WIB</span></div>'
                '<span class="posted-on">Senin, 06 Mei 2024 | 14:05 WIB</span>')
    assert extract(raw).published == "2024-05-06T14:05:00+07:00"


def test_a_wordpress_body_class_does_not_make_the_page_a_story_list():
    raw = _html("", '<span class="byline">Reporter: Ayu Lestari</span><span class="date">Senin, 06 Mei 2024 14:05 WIB</span>')
    raw.html = raw.html.replace("<body>", '<body class="single-post has-sidebar">')
    article = extract(raw)
    assert article.authors == ["Ayu Lestari"] and article.published == "2024-05-06T14:05:00+07:00"


@pytest.mark.parametrize("url,kind", [
    ("https://www.tribun-video.com/nasional/123/judul", "video"),
    ("https://www.antarafoto.com/id/view/123/judul", "photo"),
    ("https://foto.tempo.co/read/123/judul", "photo"),
    ("https://www.cnnindonesia.com/tv/20240506160212-409-1093412/judul", "video"),
    ("https://www.kompas.tv/nasional/512345/judul", "article"),  # a television's news site: articles
])
def test_page_kind_by_address(url, kind):
    from warta.extract.kinds import page_kind
    assert page_kind("Judul Berita", url) == kind


def test_trafilatura_date_guess_ranks_below_a_printed_date_line():
    raw = _html("", '<p class="text-muted"><span>Selasa, 7 Mei 2024 11:25 WIB</span></p>'
                    '<div class="related"><span>Senin, 6 Mei 2024 08:00 WIB</span></div>')
    assert extract(raw).published == "2024-05-07T11:25:00+07:00"


def test_dates_of_related_stories_are_not_the_first_publication():
    raw = _html("", '<div class="date">Senin, 6 Mei 2024 14:05 WIB</div>'
                    '<ul class="list-berita-terkait"><li><span class="date">Jumat, 03 Mei 2024 09:10 WIB</span></li>'
                    '<li><time datetime="2024-05-01T08:00:00+07:00">Rabu, 1 Mei 2024 08:00 WIB</time></li></ul>')
    assert extract(raw).published == "2024-05-06T14:05:00+07:00"


def test_the_date_printed_in_the_writers_element():
    raw = _html("", '<p class="author"><span>Johanis Sapulette</span> &bull; 06 Mei 2024 16:05 WIT</p>')
    article = extract(raw)
    assert article.published == "2024-05-06T16:05:00+09:00" and article.authors == ["Johanis Sapulette"]


def test_a_relative_time_shown_with_the_date_in_an_attribute():
    raw = _html('<meta name="pubdate" content="2024-05-06">', '<span class="date" title="06/05/2024 14:05">2 jam lalu</span>')
    assert extract(raw).published == "2024-05-06T14:05:00+07:00"


def test_microdata_and_time_attributes_give_the_time():
    raw = _html("", '<span itemprop="datePublished" content="2024-05-06T14:05:00+07:00">6 Mei 2024</span>')
    assert extract(raw).published == "2024-05-06T14:05:00+07:00"
    raw = _html("", '<time datetime="2024-05-06T14:05:00+08:00">Senin, 6 Mei 2024</time>')
    assert extract(raw).published == "2024-05-06T14:05:00+08:00"


def test_a_photo_page_keeps_its_captions_as_the_story():
    article = pages_eval.extract_page({"file": "antara_foto.html"}, METADATA)
    assert article.kind == "photo" and not article.warnings
    assert article.body.startswith("Petani memanen padi di Desa Pusakajaya")
    assert "Pewarta" not in article.body and article.authors == ["Rizal Maulana"]


def test_an_article_with_photos_does_not_take_captions_into_its_story():
    article = pages_eval.extract_page({"file": "kompas.html"}, METADATA)
    raw = _html("", '<figure><img src="a.jpg"><figcaption>Suasana rapat dewan kota di gedung DPRD, Senin (6/5/2024).</figcaption></figure>')
    assert "Suasana rapat" not in extract(raw).body and article.kind == "article"


def test_a_list_the_story_announces_is_story_not_a_teaser_block():
    text = ("Polisi Tangkap Sembilan Pengedar di Tiga Kota\n\n"
            "Jakarta - Polisi menangkap sembilan pengedar narkoba di tiga kota dalam operasi pekan lalu. "
            "Para tersangka kini ditahan di markas kepolisian daerah.\n\n"
            "Berikut daftar tersangka yang ditangkap di setiap kota:\n\n"
            "1. Bekasi: Andi Saputra, RM, TK\n\n2. Depok: Budi Santoso alias Ucok\n\n3. Bogor: HN, Dedi Kurnia")
    body = extract(RawDocument(Source(path="uji.txt"), text=text)).body
    assert "1. Bekasi: Andi Saputra, RM, TK" in body and "3. Bogor: HN, Dedi Kurnia" in body
    # without the announcing line, a block of headline-shaped lines is still a block of teasers
    teasers = text.replace("Berikut daftar tersangka yang ditangkap di setiap kota:\n\n", "")
    assert "Andi Saputra" not in extract(RawDocument(Source(path="uji.txt"), text=teasers)).body
