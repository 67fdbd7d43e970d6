"""The trigger lexicon: affix generation, strict loading, user overrides, and every entry's example."""

from __future__ import annotations

import pytest

from warta.errors import ResourceError
from warta.events import code_events, lexicon
from warta.events.morphology import inflect

from tests.events.conftest import make_article

LEX = lexicon.load()
EXAMPLES = [e for e in LEX.entries if e.example]


@pytest.mark.parametrize("root,affix,form", [
    ("tolak", "meN", "menolak"),  # t drops after men-
    ("kecam", "meN", "mengecam"),  # k drops after meng-
    ("kritik", "meN", "mengkritik"),  # a loanword's initial cluster keeps its k
    ("serang", "peN-an", "penyerangan"),  # s drops after peny-
    ("protes", "meN", "memprotes"),  # p kept before r
    ("pukul", "meN", "memukul"),  # p drops after mem-
    ("bom", "meN", "mengebom"),  # a one-syllable root takes menge-
    ("temu", "per-an", "pertemuan"),
    ("runding", "ber", "berunding"),  # ber- loses its r before r
    ("kunjung", "meN-i", "mengunjungi"),
    ("setuju", "di-i", "disetujui"),
    ("ingat", "memper-kan", "memperingatkan"),
    ("jatuh", "meN-kan", "menjatuhkan"),
])
def test_morphology_inflects_root_with_affix(root, affix, form):
    assert inflect(root, affix) == form


def test_lexicon_has_several_hundred_entries_with_notes():
    assert len(LEX) >= 300
    assert all(e.note.strip() for e in LEX.entries)


@pytest.mark.parametrize("text,problem", [
    ("- {name: x, type: CONSULT, note: n, colour: red}", "unknown keys ['colour']"),
    ("- {name: x, type: MEET, note: n}", "not a PLOVER type"),
    ("- {name: x, type: CONSULT}", "missing keys ['note']"),
    ("- {name: x, type: CONSULT, note: n, root: temu, affixes: [meN-xx]}", "unknown affixes"),
    ("- {name: x, type: CONSULT, note: n, root: temu, affixes: [ber], pattern: 'bertemu'}", "'{}' slot"),
    ("- {name: x, type: CONSULT, note: n, pattern: '... bertemu'}", "must start with a word"),
    ("{name: x}", "expected a list"),
    ("- [unclosed", "not valid YAML"),
])
def test_lexicon_rejects_bad_entry_naming_file_and_entry(text, problem):
    with pytest.raises(ResourceError) as info:
        lexicon.read_entries(text, "my_lexicon.yaml")
    assert "my_lexicon.yaml" in str(info.value) and problem in str(info.value)


def test_user_lexicon_adds_replaces_and_disables_entries(tmp_path, monkeypatch):
    user = tmp_path / "extra.yaml"
    user.write_text(
        "- {name: menjewer, type: ASSAULT, forms: [menjewer], note: 'slang for attack'}\n"
        "- {name: bertemu, type: COOPERATE, root: temu, affixes: [ber], note: 'replaced'}\n"
        "- {name: mengecam, enabled: false}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(lexicon.ENV_VAR, str(user))
    lex = lexicon.load()
    names = {e.name: e for e in lex.entries}
    assert "menjewer" in names and "mengecam" not in names
    assert names["bertemu"].type == "COOPERATE"
    art, doc = make_article("Rusia menjewer Ukraina. Indonesia mengecam Israel.")
    assert [e.type for e in code_events(art, doc, lex)] == ["ASSAULT"]


def test_user_lexicon_that_is_missing_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="not found"):
        lexicon.load(tmp_path / "nope.yaml")


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_every_lexicon_example_is_coded_with_its_type(entry):
    art, doc = make_article(entry.example)
    types = {e.type for e in code_events(art, doc, LEX, triggers=None)}  # the lexicon alone: the model may retype
    assert entry.type in types, f"{entry.example!r} gave {sorted(types)}"


@pytest.mark.parametrize("text", [
    # a bare "tarif" is any fare or rate: only a trade tariff lowered lifts a sanction (RETREAT)
    "PLN menurunkan tarif listrik untuk pelanggan rumah tangga di Indonesia mulai bulan depan.",
    "Pemerintah Indonesia memangkas tarif tol bagi truk logistik dari Malaysia.",
    "Tarif ojek daring di Jakarta diturunkan oleh Kementerian Perhubungan Indonesia.",
])
def test_a_domestic_fare_lowered_is_no_event(text):
    art, doc = make_article(text)
    assert [e.type for e in code_events(art, doc, LEX, triggers=None)] == []


@pytest.mark.parametrize("text,coded", [
    # an agreement or promise to act is the agreement, with the act's sides (real-news conventions)
    ("Iran dan Arab Saudi sepakat memulihkan hubungan diplomatik.", [("AGREE", "IRN", "SAU")]),
    ("Amerika Serikat berjanji untuk bekerja sama dengan Israel.", [("AGREE", "USA", "ISR")]),
    # a promise of aid stays aid
    ("Rusia berjanji untuk membantu Korea Utara.", [("AID", "RUS", "PRK")]),
])
def test_a_governing_marker_codes_the_act_with_its_own_type(text, coded):
    art, doc = make_article(text)
    assert [(e.type, e.source.actor, e.target.actor) for e in code_events(art, doc, LEX, triggers=None)] == coded


@pytest.mark.parametrize("text,coded", [
    # session 11: verb families and conventions the lexicon lacked (own sentences)
    ("Retno Marsudi bersua dengan Wang Yi di Jakarta.", ("CONSULT", "IDN", "CHN")),
    ("Jokowi berjumpa dengan Kishida di Tokyo.", ("CONSULT", "IDN", "JPN")),
    ("Prabowo ikut serta dalam KTT ASEAN di Malaysia.", ("CONSULT", "IDN", "ASEAN")),
    ("India menangguhkan penerbitan visa bagi warga Kanada.", ("SANCTION", "IND", "CAN")),
    ("Turki menutup perlintasan perbatasan dengan Suriah.", ("SANCTION", "TUR", "SYR")),
    ("Militer Korea Selatan menerjunkan pasukan khusus ke perbatasan Korea Utara.", ("MOBILIZE", "KOR", "PRK")),
    ("Polri mengamankan tiga orang warga Malaysia di Batam.", ("COERCE", "IDN", "MYS")),
    # acknowledging another's role is praise; admitting one's own fault stays a concession
    ("Indonesia mengakui peran penting Yordania dalam penyaluran bantuan ke Gaza.", ("SUPPORT", "IDN", "JOR")),
    ("Jepang mengakui kesalahan kepada Korea Selatan.", ("CONCEDE", "JPN", "KOR")),
    # an apology as a noun is no request; halting worker placements is a sanction; an investment offer an agreement
    ("Jepang menyampaikan permohonan maaf kepada Korea Selatan.", ("CONCEDE", "JPN", "KOR")),
    ("Indonesia menghentikan pengiriman tenaga kerja ke Malaysia.", ("SANCTION", "IDN", "MYS")),
    ("China menawarkan investasi kepada Indonesia.", ("AGREE", "CHN", "IDN")),
    # an agreement or willingness to act, as a noun, governs the act as sepakat does
    ("Blinken dan Wang Yi mencapai kesepakatan untuk tetap menjalin komunikasi.", ("AGREE", "USA", "CHN")),
    ("Rusia dan Ukraina mengumumkan kesediaan untuk bertemu di Istanbul.", ("AGREE", "RUS", "UKR")),
    # a sales ban is a sanction, as an export ban
    ("Indonesia melarang penjualan produk Amerika Serikat.", ("SANCTION", "IDN", "USA")),
])
def test_new_trigger_families_are_coded(text, coded):
    art, doc = make_article(text)
    assert coded in [(e.type, e.source.actor, e.target.actor) for e in code_events(art, doc, LEX, triggers=None)]


@pytest.mark.parametrize("text,absent", [
    # securing a demonstration is no arrest: the protest stays the event
    ("Polisi mengamankan aksi unjuk rasa mahasiswa Indonesia di depan Kedutaan Besar Jepang.", "COERCE"),
    # aid airdropped is no deployment
    ("Bantuan logistik dari Malaysia diterjunkan ke Gaza oleh pesawat Indonesia.", "MOBILIZE"),
    # a goalkeeper clearing a shot drives off no one
    ("Kiper Indonesia menghalau bola sepakan pemain Vietnam.", "COERCE"),
    # an acquittal is no prison sentence
    ("Pengadilan Rusia memvonis bebas jurnalis Amerika Serikat.", "COERCE"),
    # aid workers are people, not aid
    ("Israel menyerang pekerja bantuan PBB di Gaza.", "AID"),
])
def test_new_trigger_families_keep_their_other_senses_out(text, absent):
    art, doc = make_article(text)
    assert absent not in [e.type for e in code_events(art, doc, LEX, triggers=None)]
