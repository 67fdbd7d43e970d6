"""Quotation forms of Indonesian news: direct, indirect, speakers through cues, pronouns and roles."""

from __future__ import annotations

import pytest
import yaml

from warta.article import Entity, Mention, Role
from warta.errors import ResourceError
from warta.quotes import find_quotes, load_lexicon
from warta.quotes.lexicon import default_lexicon


def _named(text, eid, name, kind, said=None, **kw):
    """An entity ``name`` with one mention: the first place ``said`` (the name itself unless given) is in ``text``."""
    said = said or name
    at = text.index(said)
    return Entity(eid, name, kind, mentions=[Mention(at, at + len(said), said)], **kw)


def _one(text, **kw):
    quotes = find_quotes(text, **kw)
    assert quotes, f"no quote in {text!r}"
    return quotes


@pytest.mark.parametrize(
    "text,statement,speaker,cue",
    [
        ('"Kami tidak ikut campur," kata Peskov.', "Kami tidak ikut campur", "Peskov", "kata"),
        # the cue before the quote, with a comma
        ('Pompeo mengatakan, "Kami mau Kuba keluar dari sana."', "Kami mau Kuba keluar dari sana.", "Pompeo", "mengatakan"),
        # curly marks; the closing mark is a straight one (as in the iNews seed)
        ("“Kami percaya pada dialog,\" kata Price.", "Kami percaya pada dialog", "Price", "kata"),
        # Kompas prints ” for the opening mark too
        ("”Semuanya harus jalan minggu ini,” ujar Presiden Joko Widodo.", "Semuanya harus jalan minggu ini", "Joko Widodo", "ujar"),
        # the name after a role phrase: only the person is the speaker text
        ('"Rusia tidak mengancam siapa pun," kata juru bicara Kementerian Luar Negeri Rusia Maria Zakharova.',
         "Rusia tidak mengancam siapa pun", "Maria Zakharova", "kata"),
        # a subject and a reporting verb after the quote
        ('"Kami akan membalas," Pompeo menambahkan.', "Kami akan membalas", "Pompeo", "menambahkan"),
        ("‘Kami tidak akan mundur sedikit pun,’ tegas Lavrov.", "Kami tidak akan mundur sedikit pun", "Lavrov", "tegas"),
    ],
)
def test_quotes_direct_forms_find_statement_and_speaker(text, statement, speaker, cue):
    q = _one(text)[0]
    assert q.direct and q.text == statement and q.speaker_text == speaker and q.cue == cue
    assert text[q.start : q.end] == q.text


def test_quotes_direct_two_parts_share_the_speaker():
    text = '"Kami siap berunding," kata Pompeo, "tetapi Rusia harus keluar dari Venezuela."'
    quotes = _one(text)
    assert [q.text for q in quotes] == ["Kami siap berunding", "tetapi Rusia harus keluar dari Venezuela."]
    assert {q.speaker_text for q in quotes} == {"Pompeo"}


def test_quotes_direct_runs_over_paragraphs_keeps_speaker():
    # the opening mark of the first paragraph is never closed; the second paragraph reopens it
    text = ('Lavrov berbicara kepada wartawan.\n"Kami tidak pernah menolak dialog dengan Washington.\n'
            '"Tetapi Barat harus menghormati kepentingan kami," kata Lavrov.')
    quotes = [q for q in _one(text) if q.direct]
    assert len(quotes) == 2
    assert quotes[0].text.startswith("Kami tidak pernah") and quotes[1].text.startswith("Tetapi Barat")
    assert {q.speaker_text for q in quotes} == {"Lavrov"}


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('Peskov berbicara di Moskwa. "Kami tidak ikut campur," ujarnya.', "Peskov"),
        ('Zakharova hadir di Moskwa. "Kami tidak ikut campur," ujar dia.', "Zakharova"),
        ('Pompeo ditanya soal Venezuela. "Saya tidak ingin mengatakan terlalu banyak," demikian jawabnya.', "Pompeo"),
        # a quote with no cue at all keeps the speaker of the quote before it
        ('"Ini bukan tentang Ukraina," kata Lavrov.\n"Rezim Kiev tidak memiliki kemerdekaan."', "Lavrov"),
    ],
)
def test_quotes_cue_only_forms_resolve_to_last_speaker(text, speaker):
    quotes = [q for q in _one(text) if q.direct]
    assert quotes[-1].speaker_text == speaker


def test_quotes_role_phrase_resolves_to_entity_with_that_role():
    text = 'Maria Zakharova berbicara di Moskwa. "Kami siap," kata juru bicara itu.'
    zak = Entity("e1", "Maria Zakharova", "PER", roles=[Role("juru bicara Kementerian Luar Negeri", "RUS")],
                 mentions=[Mention(0, 15, "Maria Zakharova")])
    q = [q for q in find_quotes(text, [zak]) if q.direct][0]
    assert q.speaker == "e1"


@pytest.mark.parametrize("text,before,inside,kind", [
    # the party inside the description is not the speaker
    ('Benny Rhamdani hadir di Jakarta. "Kami menolak usulan itu," kata politisi Partai Hanura itu.',
     "Benny Rhamdani", "Partai Hanura", "ORG"),
    # nor is a person inside it
    ('Dedi Saputra hadir di kantor partai. "Kami solid," tegas anak buah Sri Wahyuni itu.',
     "Dedi Saputra", "Sri Wahyuni", "PER"),
])
def test_quotes_definite_description_is_the_person_named_before_not_the_name_inside_it(text, before, inside, kind):
    at = text.index(inside)
    named = Entity("e1", before, "PER", mentions=[Mention(0, len(before), before)])
    other = Entity("e2", inside, kind, mentions=[Mention(at, at + len(inside), inside)])
    q = [q for q in find_quotes(text, [named, other]) if q.direct][0]
    assert q.speaker == "e1"


def test_quotes_speaker_is_entity_id_when_mention_overlaps():
    text = '"Kami tidak berpikir demikian," kata Psekov.'
    start = text.index("Psekov")
    peskov = Entity("rus-peskov", "Dmitry Peskov", "PER", mentions=[Mention(start, start + 6, "Psekov")])
    q = find_quotes(text, [peskov])[0]
    # the cue's text is a misspelt short form: the record gives the speaker's full name
    assert q.speaker == "rus-peskov" and q.speaker_text == "Dmitry Peskov"


@pytest.mark.parametrize(
    "text,via",
    [
        ('"Kami tidak ikut campur," kata Psekov, dikutip AFP, Kamis (28/3/2019).', "AFP"),
        ('"Kami siap," kata Price, seperti dilansir Reuters.', "Reuters"),
        ('"Kami siap," kata Price kepada wartawan.', None),  # reporters are not an outlet
    ],
)
def test_quotes_via_records_cited_outlet(text, via):
    assert find_quotes(text)[0].via == via


@pytest.mark.parametrize(
    "text,statement,speaker",
    [
        # the statement keeps its complementiser: real-news gold starts with or without it lie inside it
        ("Lavrov mengatakan bahwa Kremlin akan menyambut permintaan itu.", "bahwa Kremlin akan menyambut permintaan itu", "Lavrov"),
        ("Lavrov mengatakan, Rusia dan AS memiliki banyak perbedaan.", "Rusia dan AS memiliki banyak perbedaan", "Lavrov"),
        ("Menurut Peskov, Washington tidak perlu cemas.", "Washington tidak perlu cemas", "Peskov"),
        ("Price menegaskan, AS akan terus berkoordinasi dengan sekutu.", "AS akan terus berkoordinasi dengan sekutu", "Price"),
        # no comma, no bahwa: the content starts right after the verb
        ("Presiden Rusia, Vladimir Putin mengatakan ingin memulihkan hubungan dengan AS.",
         "ingin memulihkan hubungan dengan AS", "Vladimir Putin"),
        ("Lavrov menyebut tekanan AS terhadapnya tidak demokratis.", "tekanan AS terhadapnya tidak demokratis", "Lavrov"),
        ("Tauhid menilai penanganan ekonomi belum efektif.", "penanganan ekonomi belum efektif", "Tauhid"),
        ("Peskov menambahkan tidak ada pihak yang mendikte AS.", "tidak ada pihak yang mendikte AS", "Peskov"),
        ("Pasukan itu akan tetap di Venezuela, ujar Zakharova.", "Pasukan itu akan tetap di Venezuela", "Zakharova"),
        # the addressee after `kepada` is skipped to reach `bahwa`
        ("Putin mengatakan kepada Menteri Luar Negeri AS, Mike Pompeo bahwa ia sampai pada kesimpulan itu.",
         "bahwa ia sampai pada kesimpulan itu", "Putin"),
        ("Pasukan Rusia akan ditarik pekan depan, seperti dikatakan oleh Menteri Pertahanan Sergei Shoigu.",
         "Pasukan Rusia akan ditarik pekan depan", "Sergei Shoigu"),
        # requests, accusations and admissions are reported statements too (realnews conventions)
        ("Guterres meminta kepada kedua pihak agar gencatan senjata diperpanjang.",
         "agar gencatan senjata diperpanjang", "Guterres"),
        ("Hamdan mengaku belum pernah bertemu dengan tersangka.", "belum pernah bertemu dengan tersangka", "Hamdan"),
        ("Teheran menuduh kapal asing memasuki perairannya.", "kapal asing memasuki perairannya", "Teheran"),
        # a phrase quoted inside the reported clause does not end the statement
        ('Sulastri menyatakan jembatan itu ditutup "sampai ada perbaikan" dan menambahkan bus dialihkan.',
         'jembatan itu ditutup "sampai ada perbaikan" dan menambahkan bus dialihkan', "Sulastri"),
        # a post-quote cue at the head of a sentence: the statement follows (or surrounds) it
        ("Kata Sutrisno, pembangunan jembatan itu selesai pada akhir tahun.",
         "pembangunan jembatan itu selesai pada akhir tahun", "Sutrisno"),
        ("Namun, lanjut Sutrisno, dana dari pusat belum juga cair sampai sekarang.",
         "Namun, lanjut Sutrisno, dana dari pusat belum juga cair sampai sekarang", "Sutrisno"),
    ],
)
def test_quotes_indirect_forms_find_reported_content(text, statement, speaker):
    q = _one(text)[0]
    assert not q.direct and q.text == statement and q.speaker_text == speaker


def test_quotes_scare_quotes_and_titles_are_not_statements():
    text = 'Diah berbicara dalam webinar "Berdamai dengan Covid" di Yogyakarta. Bantuan itu belum "menendang" ekonomi.'
    assert [q for q in find_quotes(text) if q.direct] == []


def test_quotes_apostrophes_inside_names_are_not_quote_marks():
    text = "Wakil Presiden Ma’ruf Amin hadir di Jakarta. Rapat itu membahas Qur'an dan hadis."
    assert find_quotes(text) == []


def test_quotes_every_cue_example_yields_a_quote():
    for cue in default_lexicon().cues.values():
        assert cue.example, cue.name
        # a cue that only introduces (`menyampaikan harapan`) may yield an indirect statement
        assert find_quotes(cue.example), f"cue {cue.name!r}: nothing found in {cue.example!r}"


def test_quotes_lexicon_rejects_unknown_keys(tmp_path):
    user = tmp_path / "cues.yaml"
    user.write_text(yaml.safe_dump({"cues": [{"name": "bilang", "position": "after", "note": "x", "colour": "red"}]}))
    with pytest.raises(ResourceError, match=r"cues.yaml: cues entry 1 \('bilang'\): unknown keys \['colour'\]"):
        load_lexicon(user)


def test_quotes_lexicon_parses_body_nouns_once_and_rejects_one_without_its_word(tmp_path):
    lex = default_lexicon()
    assert "kepolisian" in lex.body_nouns["polisi"] and lex.office <= lex.titles
    user = tmp_path / "speakers.yaml"
    user.write_text(yaml.safe_dump({"groups": [{"name": "bodies-by-kind", "kind": "body-noun", "words": ["polisi"],
                                                "note": "no word of the names after the noun"}]}))
    with pytest.raises(ResourceError, match=r"body-noun 'polisi' must read noun=word"):
        load_lexicon(user)


def test_quotes_user_lexicon_adds_a_cue(tmp_path):
    user = tmp_path / "cues.yaml"
    user.write_text(yaml.safe_dump({"cues": [{"name": "bilang", "position": "after", "note": "colloquial say"}]}))
    lex = load_lexicon(user)
    q = find_quotes('"Kami sudah siap," bilang Anies.', lexicon=lex)[0]
    assert q.cue == "bilang" and q.speaker_text == "Anies"
    assert "kata" in lex.cues  # the shipped cues stay


@pytest.mark.parametrize(
    "text,speaker",
    [
        # an apposition between commas: the name before it, not the place inside it
        ("Rina Kartika, kepala dinas kesehatan Kabupaten Sleman, menyampaikan bahwa stok vaksin cukup.", "Rina Kartika"),
        # a phrase or a relative clause between the subject and the verb
        ("Wati Susanti dalam unggahannya di Instagram menulis, toko itu akan tutup sebulan.", "Wati Susanti"),
        ("Dudi Hermawan yang pernah menjabat Bupati Garut mengatakan bahwa jalan itu rusak parah.", "Dudi Hermawan"),
        # an abbreviation in brackets stands for the name before it
        ("Badan Pencarian Nasional (Basarnas) mengatakan kapal itu belum ditemukan.", "Badan Pencarian Nasional"),
    ],
)
def test_quotes_subject_of_reporting_verb(text, speaker):
    q = _one(text)[0]
    assert q.speaker_text == speaker


def test_quotes_definite_subject_points_back_to_the_person_named_before():
    text = ('"Kami tidak akan mundur," kata Hendra Gunawan di Bandung. '
            'Mantan Ketua Partai Maju itu pun menegaskan bahwa koalisi tetap solid.')
    hendra = Entity("e1", "Hendra Gunawan", "PER", mentions=[Mention(31, 45, "Hendra Gunawan")])
    q = [q for q in find_quotes(text, [hendra]) if not q.direct][0]
    assert q.text.startswith("bahwa koalisi") and q.speaker == "e1"


def test_quotes_a_person_mention_made_of_titles_is_no_name():
    # the actors stage took "Komandan" for a person: the name at the end of the run is the speaker
    text = '"Pasokan sudah tiba," kata Komandan Satuan Tugas Kolonel Bayu Prasetyo.'
    at, bt = text.index("Komandan"), text.index("Bayu Prasetyo")
    wrong = Entity("e1", "Komandan", "PER", mentions=[Mention(at, at + 8, "Komandan")])
    bayu = Entity("e2", "Bayu Prasetyo", "PER", mentions=[Mention(bt, bt + 13, "Bayu Prasetyo")])
    q = find_quotes(text, [wrong, bayu])[0]
    assert q.speaker == "e2"


def test_quotes_a_first_name_at_the_cue_is_the_person_introduced_with_it():
    text = 'Hakim Bambang Suryanto membacakan putusan. Bambang mengatakan terdakwa terbukti bersalah.'
    full = Entity("e1", "Bambang Suryanto", "PER", mentions=[Mention(6, 22, "Bambang Suryanto")])
    at = text.index("Bambang mengatakan")
    short = Entity("e2", "Bambang", "PER", mentions=[Mention(at, at + 7, "Bambang")])
    q = find_quotes(text, [full, short])[0]
    assert q.speaker == "e1" and q.speaker_text == "Bambang Suryanto"


def test_quotes_a_capital_speaking_is_its_state_and_an_abbreviation_gets_its_full_name():
    text = 'Kairo mengatakan bahwa perbatasan akan dibuka. Mesir menambah pasukan. WFP menyebut stok pangan menipis.'
    cairo = Entity("g1", "Kairo", "GPE", country="EGY", mentions=[Mention(0, 5, "Kairo")])
    at = text.index("Mesir")
    egypt = Entity("g2", "Mesir", "GPE", country="EGY", actor="EGY", mentions=[Mention(at, at + 5, "Mesir")])
    wt = text.index("WFP")
    wfp = Entity("o1", "Program Pangan Dunia", "ORG", actor="WFP", mentions=[Mention(wt, wt + 3, "WFP")])
    first, second = find_quotes(text, [cairo, egypt, wfp])
    assert (first.speaker, first.speaker_text) == ("g2", "Mesir")
    assert (second.speaker, second.speaker_text) == ("o1", "Program Pangan Dunia")


def test_quotes_a_phrase_quoted_after_a_reporting_verb_is_part_of_the_reported_clause():
    text = 'Kementerian Pertanian mengumumkan "tahap darurat" pangan berlaku di tiga provinsi.'
    quotes = find_quotes(text)
    assert len(quotes) == 1 and not quotes[0].direct
    assert quotes[0].text == '"tahap darurat" pangan berlaku di tiga provinsi'


@pytest.mark.parametrize(
    "text,statement,speaker",
    [
        # after a quote and its cue: the quote's speaker goes on
        ('"Itu keliru," kata Budi Santoso, seraya menambahkan bahwa data sudah dikirim ke pusat.',
         "bahwa data sudah dikirim ke pusat", "Budi Santoso"),
        # a participle after a comma shares the subject of the sentence
        ("Kamboja membalas pada hari Senin, menekankan tidak ada pasukan yang melintasi perbatasan.",
         "tidak ada pasukan yang melintasi perbatasan", "Kamboja"),
    ],
)
def test_quotes_a_reporting_verb_without_subject_goes_on_from_the_clause_before(text, statement, speaker):
    q = [q for q in find_quotes(text) if not q.direct][0]
    assert q.text == statement and q.speaker_text == speaker


def test_quotes_post_quote_cue_inside_a_sentence_needs_a_known_person():
    text = "Pembangunan jembatan kata Sutrisno akan dimulai pekan depan."
    at = text.index("Sutrisno")
    known = Entity("e1", "Sutrisno", "PER", mentions=[Mention(at, at + 8, "Sutrisno")])
    assert find_quotes(text, [known])[0].speaker == "e1"
    assert find_quotes("Dengan kata lain proyek itu akan dimulai pekan depan.") == []


def test_quotes_hal_itu_disampaikan_reports_the_sentence_before():
    text = ("Pelabuhan Merak ditutup sementara karena gelombang tinggi. "
            "Hal itu disampaikan oleh Kapolres Joko Purnomo di Cilegon.")
    q = _one(text)[0]
    assert q.text == "Pelabuhan Merak ditutup sementara karena gelombang tinggi" and q.speaker_text == "Joko Purnomo"


def test_quotes_an_unnamed_official_is_the_state_the_story_is_about_and_an_anonymous_one_nobody():
    text = ("Kepolisian Filipina menangkap dua orang di Manila. Filipina memperketat perbatasan. "
            "Juru bicara pemerintah mengatakan bahwa patroli ditambah di Mindanao. "
            "Seorang pejabat mengatakan bahwa tahanan akan dipindahkan.")
    spans = [(m.start(), m.end()) for m in __import__("re").finditer("Filipina", text)]
    ph = Entity("g1", "Filipina", "GPE", country="PHL", actor="PHL", mentions=[Mention(s, e, "Filipina") for s, e in spans])
    manila = _named(text, "g2", "Manila", "GPE", country="PHL")
    quotes = find_quotes(text, [ph, manila])
    official = next(q for q in quotes if q.text.startswith("bahwa patroli"))
    assert official.speaker == "g1" and official.speaker_text == "Filipina"
    anonymous = next(q for q in quotes if q.text.startswith("bahwa tahanan"))
    assert anonymous.speaker is None


@pytest.mark.parametrize(
    "text,speaker",
    [
        # an office title runs on through linking words and a comma to its holder's name
        ('"Jangan ada keributan," ujar anggota DPR dari Partai Gerindra, Bahtra Banong di Jakarta.', "Bahtra Banong"),
        ('"Stok cukup," kata Kepala Dinas Tenaga Kerja dan Transmigrasi Provinsi NTB I Gde Putu Aryadi, Senin.',
         "I Gde Putu Aryadi"),
        # commas and an abbreviation in brackets inside the title; a relative clause on it
        ('"Staf sudah datang," kata Menteri Koordinator Bidang Hukum, HAM, Imigrasi, dan Pemasyarakatan '
         'Yusril Ihza Mahendra di Istana.', "Yusril Ihza Mahendra"),
        ('"Kami sepakat," kata Menteri Tenaga Kerja (Menaker) RI Ida Fauziyah selepas upacara.', "Ida Fauziyah"),
    ],
)
def test_quotes_the_holder_named_at_the_end_of_an_office_title_is_the_speaker(text, speaker):
    assert _one(text)[0].speaker_text == speaker


def test_quotes_a_relative_clause_on_an_office_title_is_skipped_to_the_holder():
    text = '"Kami kecewa," ujar Anggota Fraksi Gerindra yang ikut walk out, Ramson Siagian saat dikonfirmasi.'
    party = _named(text, "o1", "Partai Gerindra", "ORG", said="Gerindra")
    assert find_quotes(text, [party])[0].speaker_text == "Ramson Siagian"


def test_quotes_a_stop_word_capitalised_inside_a_sentence_is_a_name():
    # spaCy's Indonesian stop words hold "wong"; only where a sentence opens is a capital no name
    q = _one("Lebih lanjut, Wong mengungkapkan bahwa kedua negara menjalin dialog jangka panjang.")[0]
    assert q.speaker_text == "Wong" and q.text.startswith("bahwa kedua negara")


@pytest.mark.parametrize(
    "text,speaker",
    [
        # a statement speaks for its issuer, named after it (past modifiers) ...
        ('"Protes keras dilakukan," bunyi pernyataan resmi Kementerian Luar Negeri Rusia.', "Kementerian Luar Negeri Rusia"),
        ('Dalam pernyataan Badan Intelijen Nasional, pertemuan kedua menteri itu membahas Rusia.',
         "Badan Intelijen Nasional"),
        # ... or for the last speaker when it is not named
        ('"Kami siap," kata Hendra Gunawan. Pernyataan itu menambahkan bahwa koalisi tetap solid.', "Hendra Gunawan"),
    ],
)
def test_quotes_a_document_speaks_for_its_issuer(text, speaker):
    assert _one(text)[-1].speaker_text == speaker


def test_quotes_a_document_inside_an_adjunct_is_not_the_subject():
    q = _one("Kementerian Pertahanan Jepang dalam pernyataannya mengatakan rudal itu jatuh di laut.")[0]
    assert q.speaker_text == "Kementerian Pertahanan Jepang"


def test_quotes_a_second_predicate_after_dan_shares_the_subject_of_the_sentence():
    q = _one("Pada Senin, India menolak langkah Kanada dan menuduh Trudeau mengejar agenda politik.")[0]
    assert q.speaker_text == "India" and q.text.startswith("Trudeau")


@pytest.mark.parametrize("text, first, second", [
    # a relative clause between commas describes the subject before it
    pytest.param("Jepang, yang berseteru dengan Korea Selatan, mengatakan bahwa perundingan harus dilanjutkan.",
                 ("Jepang", "JPN"), ("Korea Selatan", "KOR"), id="relative-clause-between-commas"),
    # of two subjects joined by dan the first named speaks
    pytest.param("Amerika Serikat dan Korea Selatan meminta Korea Utara menarik personel militernya dari Rusia.",
                 ("Amerika Serikat", "USA"), ("Korea Selatan", "KOR"), id="two-subjects-joined-by-dan"),
])
def test_quotes_of_two_states_before_the_verb_the_subject_speaks(text, first, second):
    one = _named(text, "g1", first[0], "GPE", actor=first[1])
    two = _named(text, "g2", second[0], "GPE", actor=second[1])
    assert find_quotes(text, [one, two])[0].speaker == "g1"


def test_quotes_a_gazetteer_name_the_cue_is_no_short_form_of_is_not_the_speaker_text():
    # the actors stage linked "Subardi" to a minister's gazetteer record; the article never writes that name
    text = '"Jangan ada keributan," kata Subardi di Jakarta.'
    wrong = _named(text, "per:budi", "Budi Karya Sumadi", "PER", said="Subardi")
    assert find_quotes(text, [wrong])[0].speaker_text == "Subardi"
    # a misspelt short form still gets the full name
    text = '"Kami tidak ikut campur," kata Psekov.'
    peskov = _named(text, "per:peskov", "Dmitry Peskov", "PER", said="Psekov")
    assert find_quotes(text, [peskov])[0].speaker_text == "Dmitry Peskov"


def test_quotes_an_agentless_passive_reports_the_passage_speaker_but_not_in_a_clause_of_time():
    text = ('"Kapal itu masuk tanpa izin," kata Jay Tarriela. Lebih jauh lagi dijelaskan, kapal-kapal PCG '
            'menghadapi pemblokiran dari kapal Angkatan Laut.')
    q = _one(text)[-1]
    assert q.text.startswith("kapal-kapal PCG") and q.speaker_text == "Jay Tarriela"
    q = _one("Saat dikonfirmasi, Aziz Yanuari, kuasa hukum FPI, menyatakan pihaknya menghormati langkah penyidik.")[0]
    assert q.speaker_text == "Aziz Yanuari" and q.text.startswith("pihaknya")


def test_quotes_a_reporting_verb_after_dengan_shares_the_subject():
    q = _one("Presiden Prabowo menanggapi kabar gempa itu dengan langsung menegaskan kesiapan Indonesia membantu.")[0]
    assert q.speaker_text == "Prabowo" and q.text.startswith("kesiapan")


def test_quotes_a_phrase_quoted_inside_a_clause_is_no_statement_of_the_next_subject():
    text = ('Duta Besar Rusia, Anatoli Antonov, mengecamnya sebagai "langkah bermusuhan" AS, menekankan bahwa '
            'tindakan itu menyebabkan kekecewaan mendalam.')
    assert all(q.speaker_text != "AS" for q in find_quotes(text))


def test_quotes_a_second_quote_after_a_new_reporting_verb_is_part_of_the_reported_clause():
    text = ('“Semua anggota SCO berdiri untuk tatanan dunia yang adil,” kata Yuri Ushakov, menggambarkan KTT itu '
            'berlangsung “dengan latar belakang perubahan geopolitik”.')
    quotes = find_quotes(text)
    assert [q.direct for q in quotes] == [True, False]
    assert quotes[1].text.startswith("KTT itu berlangsung") and quotes[1].speaker_text == "Yuri Ushakov"


@pytest.mark.parametrize("text, people, speaker", [
    # a sentence-opening pronoun goes on with the person of the sentence before
    pytest.param('"Kami tidak akan menyerah," kata Zaw Min Tun. Situasi itu menjadi perhatian khusus Sekjen PBB '
                 'Antonio Guterres. Dia meminta pihak bertikai melindungi warga sipil.',
                 ("Zaw Min Tun", "Antonio Guterres"), "p2", id="pronoun-goes-on-with-the-person-before"),
    # a deputy is not the office holder named before
    pytest.param("Bupati Sukamaju Andi Rahman, yang menjabat sejak tahun 2021, melaporkan wakilnya, Budi Santoso, ke "
                 "polisi. Saat itu Wakil Bupati menuding sang bupati meminta imbalan dari setiap proyek.",
                 ("Andi Rahman", "Budi Santoso"), "p2", id="a-deputy-is-not-the-office-holder"),
])
def test_quotes_the_last_statement_speaks_for_the_person_the_text_points_back_to(text, people, speaker):
    named = [_named(text, f"p{n}", name, "PER") for n, name in enumerate(people, 1)]
    assert find_quotes(text, named)[-1].speaker == speaker


def test_quotes_a_name_the_actors_stage_missed_after_a_state_in_one_run_is_the_speaker():
    text = "Wakil Menteri Luar Negeri (Wamenlu) RI Pahala Nugraha Mansury berharap, perundingan selesai bulan depan."
    ri = _named(text, "g1", "Indonesia", "GPE", said="RI", actor="IDN")
    assert find_quotes(text, [ri])[0].speaker_text == "Pahala Nugraha Mansury"


def test_quotes_mereka_opening_a_sentence_goes_on_with_the_body_of_the_sentence_before():
    text = ("Kelompok milisi Hizbullah di Libanon meluncurkan sejumlah roket ke Golan. "
            "Mereka menyatakan peluncuran roket itu sebagai balasan atas serangan udara.")
    hez = _named(text, "o1", "Hizbullah", "ORG")
    assert find_quotes(text, [hez])[0].speaker == "o1"


def test_quotes_saat_ini_after_a_reporting_verb_opens_the_statement():
    q = _one("Ketua Komisi IV DPR RI Sudin mengungkapkan saat ini sudah ada panitia kerja di Kalimantan, Sumatera dan Papua.")[0]
    assert q.text.startswith("saat ini sudah ada")


def test_quotes_tanya_only_ends_in_nya_and_names_the_speaker_after_it():
    text = '"Semua sudah siap," kata Utut Adianto. "Apakah dapat disetujui?" tanya Puan Maharani.'
    assert [q.speaker_text for q in find_quotes(text)] == ["Utut Adianto", "Puan Maharani"]


def test_quotes_a_reporting_verb_then_an_adverbial_then_a_colon_introduces_the_quote():
    text = ('Mikhail Ulyanov, duta besar Rusia di Wina, mengatakan di saluran pesan Telegram-nya: '
            '“Bashar al-Assad dan keluarganya di Moskow.”')
    assert _one(text)[0].speaker_text == "Mikhail Ulyanov"


def test_quotes_a_nickname_the_text_introduces_is_the_person_it_stands_for():
    text = ('Menteri Agama Yaqut Cholil Qoumas bertemu Menteri Haji Arab Saudi. Gus Men (panggilan akrab Menag '
            'Yaqut) berharap ada penambahan kuota. "Semua bergantung pada kebaikan Raja," ujar Gus Men.')
    yaqut = _named(text, "e1", "Yaqut Cholil Qoumas", "PER")
    assert find_quotes(text, [yaqut])[-1].speaker == "e1"


def test_quotes_a_name_inside_an_adjunct_before_the_verb_is_not_the_subject():
    text = "Kedutaan Besar AS di Jakarta dalam pernyataannya pada Selasa mengatakan bahwa latihan itu dimulai."
    assert _one(text)[0].speaker_text == "Kedutaan Besar AS"


def test_quotes_a_one_letter_slip_of_a_name_introduced_before_is_that_person():
    text = ('Kuasa hukum Gatot, Razman Arif Nasution mengatakan kliennya sudah tiba. '
            '"Kami sudah menandatangani berita acara," kata Rasman di Jakarta.')
    razman = _named(text, "e1", "Razman Arif Nasution", "PER")
    rasman = _named(text, "e2", "Rasman", "PER")
    q = find_quotes(text, [razman, rasman])[-1]
    assert q.speaker == "e1" and q.speaker_text == "Razman Arif Nasution"


def test_quotes_a_functional_title_is_no_name_and_the_holder_follows_the_comma():
    text = '"Kapal itu kami usir," kata Pranata Humas Bakamla, Yohanes Wibowo.'
    pranata = _named(text, "e1", "Pranata", "PER")
    bakamla = _named(text, "o1", "Badan Keamanan Laut", "ORG", said="Bakamla")
    assert find_quotes(text, [pranata, bakamla])[0].speaker_text == "Yohanes Wibowo"


def test_quotes_a_qualifier_after_a_bracketed_abbreviation_leaves_the_full_name_the_subject():
    text = "Kementerian Luar Negeri (Kemlu) RI sendiri mencatat, lebih dari seribu kasus melibatkan warga."
    kemlu = _named(text, "o1", "Kementerian Luar Negeri", "ORG")
    ri = _named(text, "g1", "Indonesia", "GPE", said="RI", country="IDN", actor="IDN")
    assert find_quotes(text, [kemlu, ri])[0].speaker == "o1"


def test_quotes_a_name_the_actors_stage_took_for_a_place_after_a_region_is_the_person():
    text = "Kepala perwakilan Komnas HAM Papua Rudi Wenda mengatakan semua aktivis sudah dibebaskan."
    papua = _named(text, "g1", "Papua", "GPE", country="IDN")
    place = _named(text, "l1", "Papua Rudi Wenda", "LOC")
    assert find_quotes(text, [papua, place])[0].speaker_text == "Rudi Wenda"


def test_quotes_an_ambassador_speaks_for_the_state_before_untuk_not_the_one_after():
    text = "Dubes Jepang untuk Indonesia menegaskan bahwa kerja sama kedua negara berlanjut."
    japan = _named(text, "g1", "Jepang", "GPE", country="JPN", actor="JPN")
    indonesia = _named(text, "g2", "Indonesia", "GPE", country="IDN", actor="IDN")
    assert find_quotes(text, [japan, indonesia])[0].speaker == "g1"


def test_quotes_a_document_after_a_filler_speaks_for_its_issuer():
    text = '"Jepang ingin memajukan kerja sama di bidang baru," seperti dari pernyataan Kedubes Jepang.'
    embassy = _named(text, "o1", "Kedubes Jepang", "ORG")
    assert find_quotes(text, [embassy])[0].speaker == "o1"


def test_quotes_a_handle_after_a_post_cue_is_spelt_out():
    assert _one('"Kami akan terus waspada," cuit JayTarriela.')[0].speaker_text == "Jay Tarriela"


def test_quotes_a_body_speaking_under_an_office_abbreviation_is_named_in_full():
    text = "Pelatihan itu memperkuat kemitraan pertahanan kedua negara, kata Kedubes AS."
    embassy = _named(text, "o1", "Kedubes AS", "ORG")
    q = find_quotes(text, [embassy])[0]
    assert q.speaker == "o1" and q.speaker_text == "Kedutaan Besar AS"


def test_quotes_demikian_and_a_passive_report_the_sentence_before():
    text = "Kedua negara menukar 190 tawanan pada hari Jumat. Demikian diumumkan Kementerian Luar Negeri UEA."
    q = _one(text)[0]
    assert q.text == "Kedua negara menukar 190 tawanan pada hari Jumat" and q.speaker_text == "Kementerian Luar Negeri UEA"


def test_quotes_a_name_before_its_office_with_no_comma_is_the_speaker():
    # the actors stage linked the title alone to the office holder of its gazetteer; the name before it speaks
    text = "Rudi Hartono Wakil Menteri Perdagangan Malaysia menyatakan bahwa ekspor sawit akan dibatasi tahun depan."
    title = _named(text, "p1", "Tengku Zafrul", "PER", said="Wakil Menteri Perdagangan Malaysia")
    malaysia = _named(text, "g1", "Malaysia", "GPE", actor="MYS")
    assert find_quotes(text, [title, malaysia])[0].speaker_text == "Rudi Hartono"


def test_quotes_a_cueless_quote_takes_the_speaker_the_next_paragraph_names():
    text = ('Menteri itu ditahan di Rutan Salemba, kata Budi Santoso.\n"Tim penyidik menaikkan statusnya menjadi tersangka."\n'
            '"Dan menahannya 20 hari ke depan," kata jaksa Kuntadi.')
    budi = _named(text, "p1", "Budi Santoso", "PER")
    kuntadi = _named(text, "p2", "Kuntadi", "PER")
    quotes = find_quotes(text, [budi, kuntadi])
    assert [q.speaker for q in quotes if q.direct] == ["p2", "p2"]


def test_quotes_a_definite_description_the_text_never_gave_is_the_last_speaker():
    text = ('"Kami dilarang berunjuk rasa," ujar Said Iqbal. Said bertemu Ketua Komisi Reformasi, Jimly Asshiddiqie.\n'
            '"Ini tidak bisa dibiarkan," tegas Ketua Umum Partai Buruh tersebut.')
    said = _named(text, "p1", "Said Iqbal", "PER")
    said.mentions.append(Mention(text.index("Said bertemu"), text.index("Said bertemu") + 4, "Said"))
    jimly = _named(text, "p2", "Jimly Asshiddiqie", "PER")
    assert find_quotes(text, [said, jimly])[-1].speaker == "p1"


@pytest.mark.parametrize("text, speaker", [
    # the force the story named before, though the actors stage took it for the state
    ("Kepolisian Kerajaan Norwegia mengatakan dua orang ditahan. Keduanya warga asing, kata polisi.",
     "Kepolisian Kerajaan Norwegia"),
    # rebels after an alliance named before; the outlet the statement was taken from is no speaker
    ("Aliansi Tiga Saudara merebut kota itu. Kota itu kini bebas, kata pemberontak dalam pernyataan yang dilansir Reuters.",
     "Aliansi Tiga Saudara"),
])
def test_quotes_an_unnamed_body_is_the_body_of_its_kind_named_before(text, speaker):
    norway = _named(text, "g1", "Norwegia", "GPE", actor="NOR") if "Norwegia" in text else None
    reuters = _named(text, "o1", "Reuters", "ORG") if "Reuters" in text else None
    quotes = find_quotes(text, [e for e in (norway, reuters) if e is not None])
    assert quotes[-1].speaker_text == speaker


def test_quotes_a_quote_mark_never_closed_inside_a_reported_clause_leaves_it_whole():
    text = 'Rusia menambahkan keputusan Berlin "didorong oleh tuduhan yang sama sekali keliru.'
    q = find_quotes(text)[0]
    assert q.text.startswith('keputusan Berlin "didorong oleh') and q.speaker_text == "Rusia"


def test_quotes_a_complementiser_of_a_second_reporting_verb_does_not_open_the_first_statement():
    text = "Pakistan juga menyerukan kepada pasukan di garis depan untuk menahan diri dan menyarankan agar perundingan dilanjutkan."
    assert find_quotes(text)[0].text.startswith("pasukan di garis depan")


def test_quotes_a_known_person_after_the_comma_wins_over_a_name_guessed_from_the_title():
    text = '"Bantuan sudah diterima warga," kata Komandan Satgas Misi Pengiriman Bantuan, Kolonel Pnb Noto Casnoto.'
    noto = _named(text, "p1", "Noto Casnoto", "PER")
    assert find_quotes(text, [noto])[0].speaker == "p1"


def test_quotes_a_paragraph_closing_a_quote_left_open_and_a_letter_pointing_back_to_its_issuer():
    text = ('Instruksi itu tertuang dalam surat resmi DPP Partai Maju yang ditandatangani Ketua Umum Rina Wati.\n'
            '“Kepala daerah menunda perjalanan ke Magelang.\n'
            'Bila sudah di jalan, berhenti dan menunggu arahan,” demikian sebagian isi surat tersebut.')
    party = _named(text, "o1", "Partai Maju", "ORG")
    rina = _named(text, "p1", "Rina Wati", "PER")
    quotes = [q for q in find_quotes(text, [party, rina]) if q.direct]
    assert [q.text[:12] for q in quotes] == ["Kepala daera", "Bila sudah d"]
    assert {q.speaker for q in quotes} == {"o1"}


def test_quotes_a_ministry_named_in_lower_case_speaks_as_the_ministry_of_its_state():
    text = "Xi juga akan bertemu Presiden Afrika Selatan di Johannesburg, kata kementerian luar negeri Cina."
    china = _named(text, "g1", "China", "GPE", said="Cina", actor="CHN")
    q = find_quotes(text, [china])[0]
    assert q.speaker == "g1" and q.speaker_text == "Kementerian Luar Negeri Cina"


def test_quotes_a_bench_is_the_court_named_before_and_dibantah_oleh_names_who_denies():
    text = ("Sebelumnya, majelis hakim Pengadilan Negeri Sukamaju menolak tuntutan jaksa. Majelis menyatakan terdakwa terbukti bersalah.\n"
            "Kabar itu dibantah oleh Menteri Budi Santoso. Namun ditegaskan bahwa proyek itu masih berjalan.")
    court = _named(text, "o1", "Pengadilan Negeri Sukamaju", "ORG")
    budi = _named(text, "p1", "Budi Santoso", "PER")
    quotes = find_quotes(text, [court, budi])
    assert [q.speaker for q in quotes if q.text.startswith(("terdakwa", "bahwa proyek"))] == ["o1", "p1"]


def test_quotes_an_agentless_dibantah_gives_the_denial_to_nobody_and_the_denier_keeps_its_own_words():
    # the last speaker before an agentless "dibantah" is the accuser: the denial is not theirs
    text = ("Partai Maju menuduh Serikat Nelayan Sukamaju menerima dana asing. Tuduhan itu dibantah, dan "
            "Serikat Nelayan Sukamaju menyebut tuduhan tersebut sama sekali tidak berdasar.")
    party = _named(text, "o1", "Partai Maju", "ORG")
    name = "Serikat Nelayan Sukamaju"
    union = Entity("o2", name, "ORG", mentions=[Mention(i, i + len(name), name) for i in
                                                 (text.index(name), text.rindex(name))])
    quotes = find_quotes(text, [party, union])
    assert "o1" not in {q.speaker for q in quotes if "tidak berdasar" in q.text}
    assert [q.speaker for q in quotes if q.text.startswith("tuduhan tersebut")] == ["o2"]


def test_quotes_an_unnamed_official_is_the_story_s_state_only_with_an_authority_word():
    # "juru bicara pemerintah" (authority words) speaks for the country the story is about; "kata
    # pemberontak" with no rebel body named before (a body-noun, no authority word) is nobody's
    story = ("Myanmar menggelar pemilu di Naypyidaw. Junta Myanmar menyebut Myanmar siap. Warga Myanmar antre sejak pagi.\n")
    said = ("Pemungutan suara di tiga kota ditunda sampai pekan depan karena banjir, kata juru bicara pemerintah.\n"
            "Jalan menuju perbatasan utara sudah ditutup sejak Senin pagi, kata pemberontak.")
    text = story + said
    at = [i for i in range(len(text)) if text.startswith("Myanmar", i)]
    myanmar = Entity("g1", "Myanmar", "GPE", actor="MMR", mentions=[Mention(i, i + 7, "Myanmar") for i in at])
    by_start = {q.text.split()[0]: q for q in find_quotes(text, [myanmar]) if not q.direct}
    assert by_start["Pemungutan"].speaker == "g1"
    assert by_start["Jalan"].speaker is None


def test_quotes_a_cueless_quote_after_a_paragraph_telling_of_a_person_is_that_persons():
    # the text is cut off inside the quote: no cue after it, and no next paragraph
    text = ('"Kami siap bekerja sama," kata Budi Santoso.\n'
            'Juru bicara kementerian, Rina Kartika, kemudian mengkritik rencana itu di depan wartawan.\n'
            '"Rencana yang menyasar negara lain bertentangan dengan sem')
    budi = _named(text, "p1", "Budi Santoso", "PER")
    rina = _named(text, "p2", "Rina Kartika", "PER")
    assert [q.speaker for q in find_quotes(text, [budi, rina]) if q.direct] == ["p1", "p2"]


def test_quotes_a_cueless_quote_takes_whom_the_sentence_before_it_names():
    text = ('"Kami siap bekerja sama," kata Budi Santoso.\n'
            'Selama tiga tahun Agus Salim akan belajar di Magelang. Sebelum berangkat, Dewi Lestari mengungkap pesan anaknya.\n'
            '"Dia cuma bilang, jangan khawatir."')
    ents = [_named(text, "p1", "Budi Santoso", "PER"), _named(text, "p2", "Agus Salim", "PER"),
            _named(text, "p3", "Dewi Lestari", "PER")]
    assert find_quotes(text, ents)[-1].speaker == "p3"


@pytest.mark.parametrize("middle", [
    'Rapat itu berlangsung selama tiga jam di gedung kementerian.',  # tells of nobody
    'Menurut Rina Kartika, rapat itu berlangsung tiga jam.',  # reports a statement: "Menurut …"
])
def test_quotes_a_cueless_quote_after_a_paragraph_of_nobody_or_of_a_statement_goes_on(middle):
    text = f'"Kami siap bekerja sama," kata Budi Santoso.\n{middle}\n"Kami akan terus berunding dengan mereka."'
    ents = [_named(text, "p1", "Budi Santoso", "PER")] + (
        [_named(text, "p2", "Rina Kartika", "PER")] if "Rina" in text else [])
    assert find_quotes(text, ents)[-1].speaker == ("p1" if "Rina" not in text else "p2")
