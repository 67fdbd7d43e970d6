"""Entities in removed page furniture (credits, captions, "Baca juga" headlines) and credited people."""

from __future__ import annotations

import pytest

from warta.actors import link
from warta.article import Article, Entity, Removed
from warta.windows import merge, part

from tests.actors.conftest import FIXTURE, mentions


def _furniture(article: Article) -> dict[str, Entity]:
    return {m.text: e for e in article.entities for m in e.in_removed}


def test_removed_lines_give_entities_with_line_offsets_not_body_mentions(run):
    art = Article(body="Menlu Rusia Sergey Lavrov tiba di Jakarta.", published="2019-05-14",
                  removed=[Removed("Editor: Sinta Maharani", "byline"),
                           Removed("Baca juga: Pompeo dan Lavrov bahas Venezuela", "related-link")])
    art.sentences = [[0, len(art.body)]]
    art = link(art, None, folder=FIXTURE)
    found = _furniture(art)
    editor = found["Sinta Maharani"]
    assert editor.type == "PER" and editor.mentions == []  # named only in the furniture: no body offsets
    (m,) = editor.in_removed
    assert (m.line, art.removed[m.line].text[m.start:m.end], m.via) == (0, "Sinta Maharani", "credit")
    lavrov = found["Lavrov"]
    assert lavrov.name == "Sergey Lavrov" and [x.text for x in lavrov.mentions] == ["Sergey Lavrov"]
    assert all(art.body[x.start:x.end] == x.text for e in art.entities for x in e.mentions)
    assert found["Pompeo"].name == "Mike Pompeo"


def test_a_title_case_headline_creates_no_unknown_person(run):
    art = Article(body="Hujan turun di Jakarta.", published="2019-05-14",
                  removed=[Removed("Baca juga: Warga Kecewa, Tegur Bupati Lamban", "related-link")])
    art = link(art, None, folder=FIXTURE)
    assert not any(e.in_removed for e in art.entities)


@pytest.mark.parametrize("text,credited", [
    ("Penulis: Rina Kartika | Editor: Hendra Wijaya", ["Rina Kartika", "Hendra Wijaya"]),
    ("LAPORAN: DEWI ANGGRAINI", ["DEWI ANGGRAINI"]),
    ("Petugas memeriksa dokumen di pelabuhan. (Foto: Reuters/Budi Santoso)", ["Budi Santoso"]),
    ("Foto: Dok. Humas Pemprov", []),
    ("Foto: Handout / Ministry of Defence", []),
])
def test_credited_people_are_persons(run, text, credited):
    art = run(text)
    people = sorted(m.text for e in art.entities if e.type == "PER" for m in e.mentions if m.via == "credit")
    assert people == sorted(credited)


def test_outlet_before_a_credit_slash_is_an_organisation(run):
    found = mentions(run("Pengunjung memadati alun-alun. Foto: Ari Wibowo/detikcom"))
    assert found.get("detikcom") and found.get("Ari Wibowo") == "Ari Wibowo"
    assert "detikcom" not in mentions(run("Sumber: https://www.example.id/berita/detikcom/2024"))


def test_date_line_opening_name_is_the_reporter(run):
    art = Article(body="Harga beras naik.", published="2019-05-14",
                  removed=[Removed("Lukas Pranoto • 18 Februari 2025 10:20", "dateline-date"),
                           Removed("Krisis pangan | 18 Februari 2025", "dateline-date"),
                           Removed("Lukman Hakim • sebut saja begitu", "related-link")])
    art = link(art, None, folder=FIXTURE)
    assert sorted(_furniture(art)) == ["Lukas Pranoto"]


def test_a_byline_next_to_the_first_date_line_credits_its_names():
    art = Article(body="Harga beras naik.", published="2019-05-14",
                  removed=[Removed("Sawah Terendam Banjir di Karawang", "title"),
                           Removed("News - Wulan Prasetyo, CNBC Indonesia", "byline"),
                           Removed("18 Februari 2025 10:20", "dateline-date"),
                           Removed("Rahmat Hidayat,", "related-link"),
                           Removed("Petani Mengeluh Harga Pupuk Naik", "related-link"),
                           Removed("Selasa, 18 Februari 2025 | 10:20", "dateline-date"),
                           Removed("Banjir Surut di Bekasi", "related-link")])
    art = link(art, None, folder=FIXTURE)
    found = _furniture(art)
    assert found["Wulan Prasetyo"].type == found["Rahmat Hidayat"].type == "PER"
    assert "Banjir Surut" not in " ".join(found) and "Petani Mengeluh" not in " ".join(found)


def test_republika_credits_reporter_and_redaktur(run):
    people = [m.text for e in run("Rep: C20/ Red: Bayu Prasetya").entities if e.type == "PER" for m in e.mentions]
    assert people == ["Bayu Prasetya"]


def test_windows_keep_one_copy_of_furniture_mentions():
    doc = Article(body="Sergey Lavrov tiba.\nLavrov berbicara.", published="2019-05-14",
                  removed=[Removed("Editor: Sinta Maharani", "byline")])
    first, second = part(doc, 0, 20), part(doc, 20, len(doc.body))
    for window in (first, second):
        link(window, None, folder=FIXTURE)
        merge(doc, window, 0 if window is first else 20)
    editor = next(e for e in doc.entities if e.name == "Sinta Maharani")
    assert len(editor.in_removed) == 1



def test_a_bare_name_joined_across_windows_keeps_its_furniture_mentions():
    from warta.article import Mention, RemovedMention
    from warta.windows import join_bare_names

    credit = RemovedMention(0, 8, 12, "Sari", "credit")
    doc = Article(body="Sari Wulandari tiba. Sari berbicara.", removed=[Removed("Editor: Sari", "byline")],
                  entities=[Entity("per:sari-wulandari", "Sari Wulandari", "PER", mentions=[Mention(0, 14, "Sari Wulandari")]),
                            Entity("per:sari", "Sari", "PER", mentions=[Mention(21, 25, "Sari")], in_removed=[credit])])
    join_bare_names(doc)
    (ent,) = doc.entities
    assert ent.in_removed == [credit] and len(ent.mentions) == 2


@pytest.mark.parametrize("text,outlet", [
    ("SURABAYA, BERITAJATIMKU.CO.ID - Hujan deras mengguyur kota sejak sore.", "BERITAJATIMKU.CO.ID"),
    ("Foto: Kabarsolo.com", "Kabarsolo.com"),
    ("MEDAN, WARTA-SUMUT.COM - Harga cabai naik.", "WARTA-SUMUT.COM"),
    ("KABARSOLO.COM, MEDAN - Harga cabai naik.", "KABARSOLO.COM"),  # the agency of a date line
    ("Warga antre. (Foto: kabarsolo.com/Budi Santoso)", "kabarsolo.com"),  # a credit's one slash
])
def test_a_site_domain_in_the_text_is_its_outlet(run, text, outlet):
    assert any(e.type == "ORG" and m.text == outlet for e in run(text).entities for m in e.mentions)


@pytest.mark.parametrize("text", [
    "Unduh di https://contoh.com/berita hari ini.",
    "Kirim surat ke redaksi@kabarsolo.com sekarang.",
    "Baca di kabarsolo.com/berita/2024/hujan hari ini.",
])
def test_a_domain_inside_a_url_or_address_is_no_outlet(run, text):
    assert not any(m.via == "outlet" for e in run(text).entities for m in e.mentions)


def test_the_windows_of_one_document_link_its_removed_lines_once(monkeypatch):
    # every window of a long document carries the same removed lines: linking them in each window
    # made the work grow with windows x removed lines; they are linked once, each window gets a copy
    from warta.actors import furniture
    from warta.actors.link import Linker

    monkeypatch.setattr(furniture, "_LAST", [])
    gaz, lex = object(), object()
    built = []

    def make(sub):
        built.append(sub.body)
        return Linker(sub, None, *real)

    from warta.actors import gazetteer as _gaz, lexicon as _lex
    real = (_gaz.load(None, folder=FIXTURE), _lex.load())
    removed = [Removed("Editor: Sinta Maharani", "byline"), Removed("Baca juga: Lavrov bahas Venezuela", "related-link")]
    windows = [Article(body=f"Jendela {i} berita.", published="2019-05-14", removed=list(removed)) for i in range(4)]
    out = [furniture.link_removed(w, [], make, (gaz, lex)) for w in windows]
    assert len(built) == 1
    assert all([(e.id, e.in_removed) for e in o] == [(e.id, e.in_removed) for e in out[0]] for o in out)
    out[0][0].in_removed.clear()  # a window's entities are its own
    assert out[1][0].in_removed
    furniture.link_removed(windows[0], [], make, (object(), lex))  # another gazetteer: linked again
    windows[0].removed.append(Removed("Foto: Budi Santoso", "caption"))  # other lines: linked again
    furniture.link_removed(windows[0], [], make, (gaz, lex))
    assert len(built) == 3
