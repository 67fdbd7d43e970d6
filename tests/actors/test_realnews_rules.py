"""Rules found on real news (realnews_train): what is no person after a title, bodies named after a title."""

from __future__ import annotations

import pytest

from warta.actors import link
from warta.article import Article

from tests.actors.conftest import mentions
from tests.actors.test_ner_spans import _run as _ner_run


def _shipped(nlp, text: str) -> Article:
    """Link ``text`` (published 2023-08-01) with the shipped gazetteer."""
    art = Article(body=text, published="2023-08-01")
    doc = nlp(text)
    art.sentences = [[s.start_char, s.end_char] for s in doc.sents]
    return link(art, doc)


def _people(article) -> set[str]:
    return {e.name for e in article.entities if e.type == "PER"}


@pytest.mark.parametrize("text,word", [
    ("Menteri Koordinator Bidang Kemaritiman mengatakan investasi naik.", "Kemaritiman"),
    ("Kementerian menambahkan bahwa drone itu jatuh.", "Kementerian"),
    ("kata Ketua Konfederasi Serikat Pekerja itu kemarin.", "Konfederasi"),
    ("Hal itu disampaikan Kepala Divisi Advokasi kemarin.", "Divisi"),
    ("Geger Balon Bikin Menlu AS Batal ke China.", "Batal"),
    ("ujar Direktur Penuntutan kemarin.", "Penuntutan"),
])
def test_title_words_bodies_and_indonesian_words_after_a_title_are_no_person(run, text, word):
    assert not any(word in name for name in _people(run(text)))


def test_a_name_after_a_title_and_a_body_is_the_person(run):
    # "Ketua Komisi IV DPR RI Sudin" on real news: a known body closes the body's name
    art = run("Sebelumnya, Ketua Komite Militer NATO Rob Bauer mengungkapkan latihan sudah dimulai.")
    assert _people(art) == {"Rob Bauer"}
    assert "Komite Militer NATO Rob Bauer" not in mentions(art)


def test_a_name_after_a_title_a_body_and_a_comma_is_the_person(run):
    art = run("Juru Bicara Dewan Naypyitaw, Tin Maung Swe, menyebut kondisi aman.")
    assert _people(art) == {"Tin Maung Swe"}


def test_a_given_name_after_a_title_is_still_a_person(run):
    assert _people(run("kata Kepala Desa Budi kemarin.")) == {"Budi"}


def _places(article) -> dict[str, tuple[str, set[str]]]:
    return {e.name: (e.type, {m.text for m in e.mentions}) for e in article.entities if e.type in ("GPE", "LOC")}


def test_a_known_place_after_an_administrative_head_is_that_place(run):
    places = _places(run("Pasukan Rusia menembaki Kota Kyiv pada Senin."))
    assert places["Kyiv"][1] == {"Kyiv"}
    assert "Kota Kyiv" not in places


def test_an_unknown_place_after_an_administrative_head_is_a_gpe_named_without_the_head(run):
    places = _places(run("Pasukan Ukraina merebut kembali Desa Maiorsk di Wilayah Donetsk."))
    assert places["Maiorsk"] == ("GPE", {"Desa Maiorsk"})
    assert places["Donetsk"] == ("GPE", {"Wilayah Donetsk"})


@pytest.mark.parametrize("text", [
    "Hal itu menjadi wilayah Yurisdiksi negara lain.",  # one Indonesian word after a lower-case head
    "Kota Penting di Perbatasan Jatuh",  # a headline of common words
    "Warga Desa Pagar Batu mengungsi.",  # where the name ends is unclear: left to the NER
])
def test_what_is_no_place_after_an_administrative_head(run, text):
    assert not any(via == "admin" for e in run(text).entities for via in [m.via for m in e.mentions])


@pytest.mark.parametrize("text,name,label", [
    ("Ikuti berita terkini di Telegram hari ini.", "Telegram", "ORG"),
    ("Kapal penjaga pantai menembakkan meriam air ke BRP Datu Pagbuaya.", "BRP Datu Pagbuaya", "LOC"),
    ("AS mengirim sistem pertahanan udara Patriot ke Kyiv.", "Patriot", "LOC"),
    ("PM Anthony turun dari mobil Mercedes jenis limousine.", "Mercedes", "ORG"),
    ("Pemerintah menetapkan UMP naik tahun depan.", "UMP", "ORG"),
])
def test_platforms_ships_weapons_terms_and_things_are_no_entities(blank_nlp, text, name, label):
    art = _ner_run(blank_nlp, text, [(name, label)])
    assert not any(m.text == name for e in art.entities for m in e.mentions)


def test_an_unknown_name_after_no_thing_word_stays(blank_nlp):
    art = _ner_run(blank_nlp, "Delegasi Partai Buruh tiba kemarin.", [("Partai Buruh", "ORG")])
    assert any(m.text == "Partai Buruh" for e in art.entities for m in e.mentions)


def test_degrees_after_a_name_are_no_part_of_it(blank_nlp):
    art = _ner_run(blank_nlp, "Kuasa hukumnya, Fanny Dian Sanjaya SH MH, hadir.", [("Fanny Dian Sanjaya SH MH", "PER")])
    assert {e.name for e in art.entities if e.type == "PER"} == {"Fanny Dian Sanjaya"}


@pytest.mark.parametrize("text,name", [
    ("kata Komandan Satgas, Kolonel Pnb Noto Casnoto, kemarin.", "Noto Casnoto"),
    ("Dua prajurit gugur, yakni Serda Rizky Ramadhan.", "Rizky Ramadhan"),
])
def test_ranks_and_corps_marks_are_no_part_of_a_name(run, text, name):
    assert name in _people(run(text))


def test_people_named_by_initials(run):
    art = run("Polisi menangkap seseorang berinisial MM. Tersangka lain, R alias Putera, kabur.")
    people = {e.name: {m.text for m in e.mentions} for e in art.entities if e.type == "PER"}
    assert people == {"MM": {"MM"}, "R": {"R", "Putera"}}


def test_a_numbered_list_of_suspects_names_people_by_initials(run):
    text = ("Polisi menahan mereka.\nBerikut tersangka yang ditahan:\n\n1. AB ditahan di rutan KPK\n\n"
            "2. Jawa Barat: CD, EF, GH alias Budi\n\nPolisi lalu menggelar jumpa pers di KPK.")
    people = {e.name for e in run(text).entities if e.type == "PER"}
    assert people == {"AB", "CD", "EF", "GH"}
    assert not {e.name for e in run("Daftar kota:\n1. Bandung: RS, TK\n").entities if e.type == "PER"}


def test_common_acronyms_in_a_list_of_victims_are_no_people(run):
    text = "Berikut korban yang dirawat:\n1. WNA asal Malaysia dirawat\n2. RSCM: AB, CD\n"
    assert {e.name for e in run(text).entities if e.type == "PER"} == {"AB", "CD"}


def test_an_organ_head_alias_before_another_state_is_that_states_organ(blank_nlp):
    # the shipped gazetteer has "Angkatan Darat" alone as TNI AD (Indonesia's army)
    art = _shipped(blank_nlp, "Pasukan Angkatan Darat India dan Angkatan Darat AS berlatih bersama.")
    orgs = {e.name: e.actor for e in art.entities if e.type == "ORG"}
    assert orgs == {"Angkatan Darat India": "INDMIL", "Angkatan Darat AS": "USAMIL"}


def test_a_generic_body_alias_before_a_state_is_that_states_body(blank_nlp):
    # the shipped gazetteer has "Dewan Keamanan" alone as the UN Security Council
    text = ("Wakil ketua Dewan Keamanan Rusia berbicara. Sekretaris Dewan Keamanan Nasional Tertinggi Iran hadir. "
            "Dewan Keamanan PBB bersidang.")
    orgs = {e.name: e.actor for e in _shipped(blank_nlp, text).entities if e.type == "ORG"}
    assert orgs["Dewan Keamanan Rusia"] == "RUSGOV" and orgs["Dewan Keamanan Nasional Tertinggi Iran"] == "IRNGOV"
    assert "Dewan Keamanan PBB" in orgs


def test_outlet_names_from_their_print_and_their_domain(blank_nlp):
    text = "Harga naik, lapor CNBC Indonesia. Berita ini tayang di TRIBUNLOMBOK.COM dan TRIBUN-BALI.COM pada Senin."
    art = _shipped(blank_nlp, text)
    orgs = {e.name for e in art.entities if e.type == "ORG"}
    assert {"CNBC Indonesia", "Tribun Lombok", "Tribun Bali"} <= orgs
    assert "CNBC" not in orgs and not any(e.name == "Bali" for e in art.entities)


def test_an_organisation_head_alone_names_nothing(run):
    art = run("Hal itu dilaporkan Kantor Berita kemarin.")
    assert not any(e.type == "ORG" for e in art.entities)


@pytest.mark.parametrize("text,unit", [
    ("Personel Polres Metro Jakarta Barat berjaga sejak pagi.", "Polres Metro Jakarta Barat"),
    ("Panglima Kodam XVII/Cenderawasih meninjau lokasi.", "Kodam XVII/Cenderawasih"),
])
def test_regional_police_and_army_units_are_organisations(run, text, unit):
    assert any(e.type == "ORG" and e.name == unit for e in run(text).entities)


@pytest.mark.parametrize("text,word,name", [
    ("Presiden China Xi Jinping tiba di San Francisco. Xi meminta agar AS menahan diri.", "Xi", "Xi Jinping"),
    ("Kim Jong Un meninjau uji coba rudal. Kim didampingi putrinya.", "Kim", "Kim Jong Un"),
    ("Presiden Rusia Vladimir Putin tiba di Beijing. Putin disambut meriah.", "Putin", "Vladimir Putin"),
])
def test_a_person_is_called_by_the_family_name_where_it_comes_first(blank_nlp, text, word, name):
    art = _shipped(blank_nlp, text)
    assert mentions(art)[word] == name
    assert "Vladimir" not in mentions(art)


def test_the_head_of_a_body_with_a_home_country_is_that_countrys(blank_nlp):
    art = _shipped(blank_nlp, "Pemimpin Hamas Ismail Haniyeh bertemu perdana menteri Qatar di Doha.")
    haniyeh = next(e for e in art.entities if e.name == "Ismail Haniyeh")
    assert haniyeh.country == "PSE" and haniyeh.actor == "HAMAS"


@pytest.mark.parametrize("text,name,country", [
    # the post after the state is part of the title: Japan's ambassador, not Indonesia's
    ("Duta Besar (Dubes) Jepang untuk Indonesia, Taro Yamashiro mengatakan proyek itu berjalan.", "Taro Yamashiro", "JPN"),
    ("Utusan Khusus PBB untuk Suriah, Lars Pettersen tiba di Damaskus.", "Lars Pettersen", None),
    # a generic title with a nationality makes the unknown person's country
    ("Direktur AIIB dari Australia John Whitcombe menilai komitmen pemerintah besar.", "John Whitcombe", "AUS"),
    ("Senator AS Mark Dillard mengecam keputusan itu.", "Mark Dillard", "USA"),
])
def test_an_unknown_person_takes_the_state_of_the_title(blank_nlp, text, name, country):
    person = next(e for e in _shipped(blank_nlp, text).entities if e.name == name)
    assert person.country == country
    if country is None:
        assert person.actor == "UN"


def test_a_state_organ_inside_a_title_is_an_organisation(blank_nlp):
    text = ("Juru bicara Kementerian Luar Negeri Rusia, Maria Zakharova, menyebut sanksi itu ilegal. "
            "Menurut juru bicara Departemen Luar Negeri AS Matthew Miller, pembicaraan berlangsung baik.")
    art = _shipped(blank_nlp, text)
    orgs = {e.name: {m.via for m in e.mentions} for e in art.entities if e.type == "ORG"}
    assert orgs["Kementerian Luar Negeri Rusia"] == {"nested"}
    assert orgs["Kementerian Luar Negeri Amerika Serikat"] == {"nested"}
    assert {e.name for e in art.entities if e.type == "PER"} >= {"Maria Zakharova", "Matthew Miller"}


def test_a_title_and_acronym_before_a_speaker_are_no_part_of_the_name(run):
    art = run('"Kasus itu harus diusut," kata Koordinator MAKI Wiranto Sasmito, Kamis.')
    assert "Wiranto Sasmito" in {e.name for e in art.entities if e.type == "PER"}


def test_a_known_body_closes_an_organisation_name(blank_nlp):
    art = _shipped(blank_nlp, "Anggota Komisi VI DPR Wiranto Sasmito meminta menteri datang.")
    orgs = {e.name for e in art.entities if e.type == "ORG"}
    assert not any("Wiranto" in o for o in orgs)


@pytest.mark.parametrize("text,name,place", [
    ("Pemkab Gunungkidul menerbitkan izin usaha itu pada Senin.", "Pemerintah Kabupaten Gunungkidul", "Gunungkidul"),
    ("Warga menggugat Pemerintah Kabupaten Morowali Utara ke pengadilan.", "Pemerintah Kabupaten Morowali Utara",
     "Kabupaten Morowali Utara"),
    ("Rapat digelar Pemprov DKI Jakarta bersama warga.", "Pemerintah Provinsi DKI Jakarta", "DKI Jakarta"),
])
def test_regional_government_is_an_organisation_named_in_full(text, name, place):
    article = link(Article(body=text, published="2024-05-01"))
    orgs = {e.name for e in article.entities if e.type == "ORG"}
    assert name in orgs
    nested = [m.text for e in article.entities if e.type == "GPE" for m in e.mentions if m.via == "nested"]
    assert place in nested and len(nested) == 1  # no second place inside the place ("Morowali" in Morowali Utara)


def test_every_short_regional_government_head_has_its_long_head_in_the_lexicon():
    from warta.actors import lexicon

    lex = lexicon.load()
    short = [w for w in lex.words("local_governments") if " " not in w]
    assert short and all(lex.long(w) and lex.long(w).split()[0] == "Pemerintah" for w in short)
    assert lex.long("PEMKOT") == "Pemerintah Kota" and lex.long("Pemerintah") is None


def test_a_long_head_must_be_a_string(tmp_path):
    from warta.actors import lexicon
    from warta.errors import ResourceError

    text = "- group: local_governments\n  words: [Pemkab]\n  long: [Pemerintah]\n  note: a short form\n"
    with pytest.raises(ResourceError, match="long must be"):
        lexicon.parse_groups(text, "own.yaml")


def test_regional_government_needs_its_place():
    article = link(Article(body="Warga mendatangi kantor Pemkab pada Senin pagi.", published="2024-05-01"))
    assert not any(e.name.startswith("Pemerintah") for e in article.entities)


@pytest.mark.parametrize("text", [
    "Bank itu menyediakan dana senilai US$ 20 miliar untuk proyek jalan tol.",
    "Nilai ekspor nikel mencapai US$5,25 miliar tahun lalu.",
])
def test_state_code_glued_to_dollar_sign_is_a_currency(text):
    article = link(Article(body=text, published="2024-05-01"))
    assert not any(m.text == "US" for e in article.entities for m in e.mentions)


def test_state_code_apart_from_dollar_sign_is_the_state():
    article = link(Article(body="Sanksi US itu ditolak, dan dana US$ 5 juta ditahan.", published="2024-05-01"))
    assert [m.text for e in article.entities if e.name == "Amerika Serikat" for m in e.mentions] == ["US"]


@pytest.mark.parametrize("text,surface,name", [
    ("Bulog menyerap gabah petani di Jawa Tengah.", "Bulog", "Bulog"),
    ("Status gunung itu dinaikkan oleh Badan Geologi pada Senin.", "Badan Geologi", "Badan Geologi"),
    ("Petugas DJP memeriksa laporan pajak perusahaan itu.", "DJP", "Direktorat Jenderal Pajak"),
    ("Penumpang KAI diminta datang lebih awal.", "KAI", "Kereta Api Indonesia"),
])
def test_indonesian_state_bodies_and_companies_are_known(text, surface, name):
    article = link(Article(body=text, published="2024-05-01"))
    assert {m.text: e.name for e in article.entities for m in e.mentions}.get(surface) == name


def test_acronym_spelt_out_as_another_body_is_that_body():
    # the text's own expansion beats the gazetteer's body of the same acronym (KAI is also the railway)
    article = link(Article(body="Indonesia bekerja sama dengan Korea Aerospace Industries (KAI) membangun jet tempur. "
                                "KAI lalu menagih pembayaran.", published="2024-05-01"))
    linked = [(m.text, e.name) for e in article.entities for m in e.mentions if m.text == "KAI"]
    assert linked == [("KAI", "Korea Aerospace Industries")] * 2


def test_acronym_spelt_out_as_a_description_names_no_body():
    # "Pekerja Migran Indonesia (PMI)" are migrant workers, not the Red Cross (Palang Merah Indonesia)
    article = link(Article(body="Jumlah Pekerja Migran Indonesia (PMI) di Malaysia naik. PMI itu bekerja di kebun.",
                           published="2024-05-01"))
    assert not any(e.name == "Palang Merah Indonesia" for e in article.entities)
    assert any(e.name == "Indonesia" for e in article.entities)


def test_acronym_spelt_out_as_its_own_body_stays_linked():
    article = link(Article(body="Relawan dari Palang Merah Indonesia (PMI) tiba. PMI membawa obat.", published="2024-05-01"))
    assert [m.text for e in article.entities if e.name == "Palang Merah Indonesia" for m in e.mentions].count("PMI") == 2


@pytest.mark.parametrize("text", [
    "Mikhail Ulyanov, duta besar Rusia untuk organisasi internasional di Wina, menolak laporan itu.",
    "Kemarin Vikram Misri Menteri Luar Negeri India menyatakan Pakistan harus bertanggung jawab.",
])
def test_title_after_a_name_names_no_office_holder(text):
    # an apposed title says who the person before it is; it is no mention of the office's holder
    article = link(Article(body=text, published="2025-05-01"))
    assert not any(m.via == "role" and e.name not in text for e in article.entities for m in e.mentions)


def test_title_alone_still_names_the_holder():
    article = link(Article(body="Pada Senin, Menteri Luar Negeri India menyatakan Pakistan harus bertanggung jawab.",
                           published="2025-05-01"))
    assert any(m.via == "role" and m.text == "Menteri Luar Negeri India" for e in article.entities for m in e.mentions)


def test_person_named_by_a_common_word_after_a_quote_cue(blank_nlp):
    # "Kuat" (strong) is a common word, but right after "kata" the NER's person is a name
    art = _ner_run(blank_nlp, '"Kami sudah siap menghadapi sidang itu," kata Kuat kepada wartawan.', [("Kuat", "PER")])
    assert [e.type for e in art.entities if e.name == "Kuat"] == ["PER"]
    art = _ner_run(blank_nlp, "Hasil itu membuat tim Kuat lagi.", [("Kuat", "PER")])
    assert not any(e.name == "Kuat" for e in art.entities)


def test_regional_agency_named_by_common_words(blank_nlp):
    art = _ner_run(blank_nlp, "Data Dinas Pariwisata menunjukkan kunjungan wisatawan naik.", [("Dinas Pariwisata", "ORG")])
    assert [e.type for e in art.entities if e.name == "Dinas Pariwisata"] == ["ORG"]


def test_rio_alone_is_no_city():
    article = link(Article(body="Untuk kategori Asia, Rio kembali tidak tertandingi pada balapan itu.", published="2024-05-01"))
    assert not any(e.name == "Rio de Janeiro" for e in article.entities)


def test_unknown_person_is_named_by_the_first_name_too(blank_nlp):
    # an unknown person is named in a story of their own country, by the first name too: not Kamala Harris
    text = "Politikus itu, Harris Turino, mengkritik rencana tersebut. Menurut Harris, warga harus dibebaskan."
    doc = blank_nlp(text)
    doc.ents = [doc.char_span(text.index("Harris Turino"), text.index("Harris Turino") + 13, label="PER")]
    art = Article(body=text, published="2024-05-01")
    art.sentences = [[x.start_char, x.end_char] for x in doc.sents]
    article = link(art, doc)
    assert {m.text: e.name for e in article.entities for m in e.mentions}.get("Harris") == "Harris Turino"
