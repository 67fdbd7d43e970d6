"""Statements in the lines the extractor removed: headlines of links to other stories, captions and a
last paragraph cut off mid-word, with ``part`` "removed:N" and offsets into that line."""

from __future__ import annotations

from warta.article import Article, Entity, Mention, Removed, RemovedMention, body_quotes
from warta.quotes import annotate


def _article(body, removed, entities=()):
    return Article(body=body, removed=[Removed(text, reason) for text, reason in removed], entities=list(entities))


def test_furniture_a_headline_with_a_verb_of_saying_is_its_subjects_statement():
    art = annotate(_article("Harga beras naik di pasar induk.",
                            [("Baca juga: Menteri Budi Sebut Harga Beras Turun Bulan Depan", "related-link")]), None)
    [q] = art.quotes
    assert q.part == "removed:0" and q.text == "Harga Beras Turun Bulan Depan" and q.speaker_text == "Budi"
    assert art.removed[0].text[q.start : q.end] == q.text
    assert body_quotes(art) == []


def test_furniture_a_headline_speaker_known_to_the_actors_stage_is_linked():
    line = "Baca Juga: Joe Biden Akui Penampilannya Kurang Maksimal di Debat"
    biden = Entity("per:joe-biden", "Joe Biden", "PER", in_removed=[RemovedMention(0, 11, 20, "Joe Biden")])
    [q] = annotate(_article("NATO menggelar KTT di Washington.", [(line, "related-link")], [biden]), None).quotes
    assert q.speaker == "per:joe-biden" and q.text.startswith("Penampilannya Kurang Maksimal")


def test_furniture_speaker_colon_statement_needs_a_known_person_or_body_and_no_credit():
    lines = [("Bahlil : Indonesia Terima Komitmen Investasi Jepang", "related-link"),
             ("BREAKING NEWS: Kapal Tenggelam di Selat Sunda", "related-link"),
             ("Foto: Kapal Patroli Bakamla di Natuna", "caption")]
    bahlil = Entity("per:bahlil", "Bahlil Lahadalia", "PER", in_removed=[RemovedMention(0, 0, 6, "Bahlil")])
    quotes = annotate(_article("Investasi naik tahun ini.", lines, [bahlil]), None).quotes
    assert [(q.part, q.speaker) for q in quotes] == [("removed:0", "per:bahlil")]


def test_furniture_an_apology_is_no_request():
    art = annotate(_article("Harga naik.", [("Baca juga: Kajian Online Minta Maaf ke Warga Desa", "related-link")]), None)
    assert art.quotes == []


def test_furniture_a_last_paragraph_cut_off_goes_on_with_the_bodys_speaker():
    body = '"Kami siap menjaga perbatasan," kata Budi Santoso di Jakarta.'
    budi = Entity("per:budi", "Budi Santoso", "PER", mentions=[Mention(37, 49, "Budi Santoso")])
    art = annotate(_article(body, [("“Jadi itulah yang kami lihat dari keputu", "footer")], [budi]), None)
    body_q, cut = art.quotes
    assert body_q.part is None and body_q.speaker == "per:budi"
    assert cut.part == "removed:0" and cut.speaker == "per:budi" and cut.text.startswith("Jadi itulah")
    assert art.removed[0].text[cut.start : cut.end] == cut.text


def test_furniture_a_group_named_by_a_place_gives_no_speaker():
    lines = [("Baca juga: Warga Bandung Minta Jalan Tol Diperbaiki Segera", "related-link"),
             ("Baca juga: Pendukung Budi Klaim Kemenangan di Pilkada Depok", "related-link")]
    bandung = Entity("gpe:bandung", "Bandung", "GPE", in_removed=[RemovedMention(0, 17, 24, "Bandung")])
    assert annotate(_article("Jalan rusak di kota itu.", lines), None).quotes == []
    assert annotate(_article("Jalan rusak di kota itu.", lines, [bandung]), None).quotes == []


def test_furniture_a_two_word_verb_does_not_skip_to_a_colon():
    art = annotate(_article("Harga naik.", [("Baca juga: Menteri Budi Angkat Bicara Soal Impor: Kami Siap", "related-link")]), None)
    assert art.quotes == []
