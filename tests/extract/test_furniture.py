"""Furniture rules: each rule's example is dropped, story lines are kept, rule files are strict."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from warta.errors import ResourceError
from warta.extract import furniture
from warta.extract.clean import clean, looks_like_headline
from warta.extract.outlets import registry
from warta.extract.resources import load

STORY = "Presiden Joko Widodo meresmikan jembatan baru di Palembang, Senin (6/5/2024), disaksikan ribuan warga."
MORE = "Jembatan sepanjang 1,2 kilometer itu dibangun selama dua tahun dengan biaya Rp1,1 triliun."


def _clean(lines: list[str], mode: str = "text"):
    return clean("\n\n".join(["Judul Berita Hari Ini Di Sini", *lines]), registry(), mode=mode)


@pytest.mark.parametrize("rule", furniture.rules(), ids=lambda r: r.name)
def test_furniture_rule_example_is_dropped(rule):
    assert rule.example, f"rule {rule.name} needs an example"
    cleaned = _clean([STORY, rule.example, MORE], mode="html")
    assert rule.example.strip() not in cleaned.paragraphs
    assert STORY in cleaned.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Gubernur meminta warga tetap tenang dan mengikuti arahan petugas di lapangan.",
        # starts like an ad label but is a story sentence
        "Iklan rokok di televisi dilarang mulai tahun depan, kata Menteri Kesehatan.",
        # a quote that ends without a period is still story when it is long and lower case
        '"Kami tidak akan mundur," kata Ketua DPR Puan Maharani di Gedung Parlemen.',
        # mentions a photo credit word but is a sentence
        "Foto-foto yang beredar di media sosial menunjukkan antrean panjang di SPBU.",
        # "Oleh karena itu" is not a byline
        "Oleh karena itu, pemerintah menunda kenaikan harga BBM.",
        # "Topik" without a colon is not a tag label
        "Topik pembicaraan kedua pemimpin adalah perdagangan dan keamanan kawasan.",
    ],
)
def test_story_lines_are_kept(line):
    assert line in _clean([STORY, line, MORE]).paragraphs


@pytest.mark.parametrize(
    "line,headline",
    [
        ("Bule Rusia Dideportasi, Overstay hingga Tak Bayar Tagihan RS Rp 33 Juta di Bali", True),
        ("Indonesia di Atas AS dan Rusia dalam Hal Ini", True),
        ("Katanya, dia dan Lavrov akan melanjutkan pembicaraan guna mengupayakan kemajuan.", False),
        ("Harga cabai turun", False),  # lower-case words: a fragment, not a headline
    ],
)
def test_headline_teaser_shape(line, headline):
    assert looks_like_headline(line) is headline


def test_caption_with_credit_label_and_repeat_are_dropped():
    cleaned = _clean([STORY, "Menlu Rusia Sergey Lavrov.", "Sumber :", "• AP Photo/Vahid Salemi", MORE])
    assert [r.reason for r in cleaned.removed if r.reason == "caption"] == ["caption"] * 3
    repeated = "Warga antre minyak goreng di pasar (Foto: Antara)"
    cleaned = _clean([repeated, repeated, STORY])
    assert cleaned.paragraphs == [STORY]


def test_tags_label_takes_next_line():
    cleaned = _clean([STORY, "KEYWORD :", "Rusia Venezuela", "JURNAS VIDEO :"])
    assert cleaned.tag_lines == ["Rusia Venezuela"] and cleaned.paragraphs == [STORY]


def test_footer_after_closing_byline():
    cleaned = _clean([STORY, MORE, "Editor: Anton Suhartono", "Kami membuka lowongan wartawan di seluruh Indonesia."])
    assert cleaned.editors == ["Anton Suhartono"] and len(cleaned.paragraphs) == 2


def test_rule_file_rejects_unknown_key(tmp_path, monkeypatch):
    user = tmp_path / "mine.yaml"
    user.write_text("rules:\n  - name: x\n    pattern: 'y'\n    reason: ad\n    note: n\n    colour: red\n")
    with pytest.raises(ResourceError, match=r"mine.yaml: entry 1 \('x'\): unknown keys \['colour'\]"):
        load("furniture.yaml", str(user))


def test_rule_file_rejects_bad_pattern(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("rules:\n  - name: broken\n    pattern: '(unclosed'\n    reason: ad\n    note: n\n")
    with pytest.raises(ResourceError, match="broken"):
        furniture.rules(str(user))


def test_user_rules_extend_and_disable(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "rules:\n"
        "  - name: langganan\n    pattern: '(?i)^berlangganan sekarang'\n    reason: promo\n    note: ours\n"
        "  - name: loading\n    enabled: false\n"
    )
    rule_set = furniture.rules(str(user))
    names = [r.name for r in rule_set]
    assert "langganan" in names and "loading" not in names
    cleaned = clean("Judul Berita Ini\n" + STORY + "\nBerlangganan sekarang\nLoading", registry(), mode="html", rule_set=rule_set)
    assert cleaned.paragraphs == [STORY, "Loading"]


def test_outlet_registry_has_the_large_outlets():
    names = {e["name"] for e in load("outlets.yaml")}
    assert len(names) >= 30
    for outlet in ("Kompas.com", "Liputan6.com", "iNews.id", "Jurnas.com", "VIVA.co.id", "detikNews", "Tempo.co"):
        assert outlet in names


SUB_STORY = [
    "Perum Bulog memastikan stok beras di gudang wilayah Jakarta aman hingga Lebaran.",
    "{line}",
    "Pimpinan Bulog mengatakan pasokan dipastikan cukup hingga akhir tahun ini.",
    "Menurut dia, beras dari gudang Bulog akan disalurkan lewat operasi pasar.",
]


@pytest.mark.parametrize(
    "line,kept",
    [
        ("Stok Beras Bulog Dipastikan Aman", True),  # its words recur in the story: a subheading
        ("Bule Rusia Dideportasi, Overstay hingga Tak Bayar Tagihan RS di Bali", False),  # off-topic teaser
        ("Di Gudang Bulog", False),  # both content words recur, but two are too few to tell
        # a subheading shape in a block of two headlines is a teaser rail
        ("Stok Beras Bulog Dipastikan Aman\n\nHarga Cabai Rawit Tembus Rp90 Ribu Sekilo", False),
    ],
)
def test_text_copy_keeps_subheading_only_when_about_the_story(line, kept):
    text = "\n\n".join(SUB_STORY).replace("{line}", line)
    cleaned = _clean(text.split("\n\n"))
    assert (line.split("\n\n")[0] in cleaned.paragraphs) is kept


@pytest.mark.parametrize("first,title", [
    ("Judul Berita Hari Ini Di Sini", "Judul Berita Hari Ini Di Sini"),
    ("Menlu RI Bertemu Menlu Rusia di New York, Bahas Apa?", "Menlu RI Bertemu Menlu Rusia di New York, Bahas Apa?"),
    # an excerpt copied from the middle of a page opens with a story line: no title, the line stays
    (STORY, None),
    ("Warta.id, Jakarta - " + STORY, None),
    # a headline of more than 20 words is a lead paragraph without its final period
    ("Para pemimpin negara anggota kelompok itu sepakat untuk melanjutkan pembicaraan soal perdagangan "
     "dan keamanan kawasan pada pertemuan berikutnya di ibu kota", None),
])
def test_first_line_is_the_title_only_when_it_reads_as_a_headline(first, title):
    cleaned = clean("\n\n".join([first, MORE]), registry())
    assert cleaned.title == title
    assert (first in cleaned.paragraphs) is (title is None)


# A copied excerpt that stops at a length limit ends in the middle of a paragraph.
CUT_LINES = [
    "Gubernur juga mengi",  # a sentence cut mid-word
    "Wakil Presiden Kunjungi Korban Banji",  # cut where its capitalised words look like a headline
    '"Kami akan terus memanta',  # a quote paragraph cut before its closing mark
]


@pytest.mark.parametrize("cut", CUT_LINES)
def test_unfinished_last_line_after_a_paragraph_is_story(cut):
    assert cut in _clean([STORY, MORE, cut]).paragraphs
    # a "Baca juga" teaser between the paragraph and the cut line does not end the story
    assert cut in _clean([STORY, "Baca juga: Banjir Rendam Dua Kecamatan di Palembang", cut]).paragraphs


@pytest.mark.parametrize("lines", [
    [STORY, MORE, "Editor: Anton Suhartono", "Kanal Berita Daerah"],  # after the closing byline
    [STORY, MORE, "Populer", "Banjir Rendam Dua Kecamatan di Palembang"],  # a rail of teasers
    [STORY, MORE, "Kanal Berita", "Jaringan Media Nusantara"],  # after other footer lines
])
def test_footer_lines_after_other_furniture_still_go(lines):
    assert lines[-1] not in _clean(lines).paragraphs


# The last line of a full page (not an excerpt) that is furniture: a rule catches it, or it opens with a footnote
# mark; none is kept as the unfinished end of a cut-off story.
PAGE_ENDINGS = [
    "Tonton juga Video: Gubernur Tinjau Jembatan Baru di Palembang",
    "Tonton juga Video detikSumbagsel: Warga Sambut Jembatan Baru",
    "Simak Video: Jembatan Baru Palembang Dibuka untuk Umum",
    "Lihat juga video 'Jembatan Palembang Diresmikan'",
    "Artikel ini sudah tayang di detikSumbagsel",
    "Artikel ini telah tayang di Kompas.com dengan judul Jembatan Baru Palembang Diresmikan",
    "*Penulis adalah mahasiswa Teknik Sipil Universitas Sriwijaya",
    "*) Tulisan ini merupakan opini pribadi penulis dan tidak mencerminkan pandangan redaksi",
    "*)Rina Marlina, dosen teknik sipil di Palembang",
    "Load more",
    "Topik Menarik",
    "*Rina Marlina, dosen teknik sipil di Palembang",  # no rule names it: a footnote mark opens it
]


@pytest.mark.parametrize("ending", PAGE_ENDINGS)
def test_furniture_closing_a_full_page_is_not_a_cut_story_line(ending):
    cleaned = _clean([STORY, MORE, ending])
    assert ending not in cleaned.paragraphs
    assert cleaned.paragraphs[-1] == MORE


def test_the_video_link_rule_keeps_story_sentences_about_videos():
    # a story sentence that mentions a video, not an imperative to watch one
    line = "Video yang beredar di media sosial menunjukkan warga menyeberangi jembatan baru."
    assert line in _clean([STORY, line, MORE]).paragraphs
    line = "Tonton, kata dia, bukan nama asli pelaku."
    assert line in _clean([STORY, line, MORE]).paragraphs


DETIK = Path(__file__).resolve().parents[2] / "../shared" / "corpus" / "summaries_dev" / "detik_dev_300.csv"


@pytest.mark.skipif(not DETIK.exists(), reason="../shared/corpus/summaries_dev is absent")
def test_full_articles_gain_no_furniture_from_the_cut_end_rule(monkeypatch):
    """detik300 holds full articles, not excerpts cut at a length limit: the rule that keeps an unfinished last
    line (bfbbaca) must add (almost) nothing to them. 7e2a86e kept 8 last lines, 7 of them furniture ("Tonton
    juga Video: ...", "Artikel ini sudah tayang di ...", a columnist's footnote); the two left are story (a
    tweet handle cut off, a paragraph without its full stop)."""
    import csv

    clean_module = sys.modules["warta.extract.clean"]
    csv.field_size_limit(10**8)
    with DETIK.open(encoding="utf-8", newline="") as handle:
        texts = [row["isi_berita"] for row in csv.DictReader(handle)]
    outlets = registry()
    kept = [clean(text, outlets, mode="text").paragraphs for text in texts]
    monkeypatch.setattr(clean_module, "_mark_cut_end", lambda items: None)
    without = [clean(text, outlets, mode="text").paragraphs for text in texts]
    gained = [p for with_cut, plain in zip(kept, without) for p in with_cut if p not in plain]
    assert len(gained) <= 2, gained
