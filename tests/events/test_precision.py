"""Events the real-news conventions do not code, or code once: own sentences for the precision rules."""

from __future__ import annotations

from warta.events import _one_act, code_events, context, lexicon
from warta.events.matcher import Match

from tests.events.conftest import coded, make_article


def _match(word: str, start: int, name: str) -> Match:
    pattern = next(p for p in lexicon.load().index[word] if p.entry.name == name and len(p.specs) == 1)
    return Match(start, start + 1, start, pattern)


def test_a_place_of_another_country_makes_an_act_foreign():
    # a Russian story (home RUS): the city occupied lies in Ukraine, so its unnamed other side is not Russia
    body = "Putin memuji tentara Rusia. Kota di Ukraina itu diduduki Moskow sejak 2014, kata Lavrov di Moskow."
    assert ("ASSAULT", "RUS", "RUS") not in coded(body)


def test_a_verb_after_the_coordinator_joins_predicates_not_parties():
    # "invasi ke Ukraina dan membuat marah China": China is angered, not invaded
    body = "AS menjatuhkan sanksi terhadap Rusia atas invasi ke Ukraina dan membuat marah China."
    assert coded(body) == [("SANCTION", "USA", "RUS"), ("ASSAULT", "RUS", "UKR")]
    # a title opening like a verb is still a party: "dan Menteri ..."
    assert coded("Rusia mengecam Inggris dan Menteri Luar Negeri Jerman.") == [("ACCUSE", "RUS", "GBR"), ("ACCUSE", "RUS", "DEU")]


def test_a_ceasefire_agreed_is_agree_and_one_observed_is_retreat():
    assert coded("Ukraina menyatakan kesediaannya untuk menjalani gencatan senjata dengan Rusia.") == [("AGREE", "UKR", "RUS")]
    assert coded("Israel menyepakati gencatan senjata dengan Hamas.") == [("AGREE", "ISR", "PSE")]
    assert coded("Israel mematuhi gencatan senjata dengan Hamas.") == [("RETREAT", "ISR", "PSE")]


def test_a_trigger_of_the_same_type_right_after_a_verb_is_its_object_and_one_act():
    # "menyetujui kesepakatan": the agreement agreed to is the act the verb reports
    verb, noun = _match("menyetujui", 3, "menyetujui"), _match("kesepakatan", 4, "kesepakatan")
    low = ["israel", "dan", "hamas", "menyetujui", "kesepakatan", "."]
    assert _one_act(verb, noun, low)
    # a word between: another act ("menyetujui usulan ... dan kesepakatan" is not this rule's)
    assert not _one_act(verb, _match("kesepakatan", 5, "kesepakatan"), low[:4] + ["itu", "kesepakatan"])
    # "ditangkap dan ditahan": two verbs of one act, as before
    low = ["dua", "warga", "ditangkap", "dan", "ditahan"]
    assert _one_act(_match("ditangkap", 2, "menangkap"), _match("ditahan", 4, "menahan"), low)


def test_a_noun_after_a_topic_word_is_what_is_talked_about_not_the_speakers_act():
    # "keprihatinan tentang larangan ekspor": Korea voices concern about the ban, it does not ban
    assert coded("Korea Selatan menyatakan keprihatinan tentang larangan ekspor batu bara dari Indonesia.") == []
    # the noun as the object of the verb keeps the subject as its agent
    assert coded("Jepang memberikan bantuan kepada Indonesia.") == [("AID", "JPN", "IDN")]


def _negated(body: str) -> list[tuple]:
    art, doc = make_article(body)
    return [(e.type, e.source.actor, e.target.actor, e.negated) for e in code_events(art, doc)]


def test_an_act_put_off_has_not_happened():
    assert _negated("Jokowi menunda kunjungan ke Jepang.") == [("CONSULT", "IDN", "JPN", True)]
    assert _negated("Jokowi melakukan kunjungan ke Jepang.") == [("CONSULT", "IDN", "JPN", False)]


def test_a_stance_in_a_relative_clause_describes_and_reports_no_act():
    # an Indonesian story: the unnamed other side would be Indonesia, but "yang menolak" only describes
    tail = " Jokowi, Prabowo dan KPK belum berkomentar."
    assert coded("Puluhan warga yang menolak tambang emas mendatangi kantor bupati." + tail) == []
    assert coded("Partai yang menentang Jokowi mengadakan rapat. Prabowo dan KPK belum berkomentar.") == []
    # the same verb as the main predicate is an act
    assert coded("Puluhan warga menolak tambang emas di desa mereka." + tail) == [("REJECT", "IDN", "IDN")]
    # review R6: a clause after a comma about a named actor tells what that actor did
    assert ("REJECT", "RUS", "USA") in coded("Rusia, yang menolak tuduhan Amerika Serikat soal peretasan, memanggil duta besar AS.")
    assert ("SUPPORT", "CHN", "RUS") in coded("China, yang mendukung Rusia dalam perang di Ukraina, mengirim utusan ke Kyiv.")
    assert context.attributive(["warga", "yang", "telah", "menolak", "tambang"], 3, 3, 0, set())
    assert not context.attributive(["warga", "yang", "telah", "menyerang", "tambang"], 3, 3, 0, set())
    assert not context.attributive(["rusia", ",", "yang", "menolak", "tuduhan"], 3, 3, 0, set())
    assert not context.attributive(["partai", "demokrat", "yang", "menolak", "tuduhan"], 3, 3, 0, {2})


def test_a_meeting_on_the_sidelines_of_a_summit_has_each_side_attend_it():
    # the convention 'attending a summit → CONSULT with the organisation', one event a side, none twice
    assert coded("Retno Marsudi bertemu Wang Yi di sela-sela KTT ASEAN di Jakarta.") == [
        ("CONSULT", "IDN", "CHN"), ("CONSULT", "IDN", "ASEAN"), ("CONSULT", "CHN", "ASEAN")]
    assert coded("Jokowi bertemu Kishida di sela pertemuan puncak G20 di Roma.") == [
        ("CONSULT", "IDN", "JPN"), ("CONSULT", "IDN", "G20"), ("CONSULT", "JPN", "G20")]
    # a summit with no coded organisation: attended all the same, with a null other side
    assert coded("Jokowi bertemu Kishida di sela-sela KTT kawasan di Tokyo.") == [
        ("CONSULT", "IDN", "JPN"), ("CONSULT", "IDN", None), ("CONSULT", "JPN", None)]
    # a meeting elsewhere is only the meeting
    assert coded("Jokowi bertemu Kishida di Tokyo.") == [("CONSULT", "IDN", "JPN")]


def test_a_verb_before_the_coordinator_ends_the_object_too():
    # "Rusia mengakhiri pengusiran diplomat dan staf Jepang": Japan's staff are in the demanded act, not called on
    assert coded("AS menyerukan Rusia mengakhiri pengusiran diplomat dan staf Jepang.") == [("REQUEST", "USA", "RUS")]
    # "bersama" is a coordinator, not a ber- verb
    assert coded("AS, bersama Prancis, mengecam Rusia.") == [("ACCUSE", "USA", "RUS"), ("ACCUSE", "FRA", "RUS")]


def test_territory_taken_from_a_state_is_an_attack_on_that_state():
    assert coded("Tentara Ukraina berhasil merebut Kota Kharkiv dari Rusia.") == [("ASSAULT", "UKR", "RUS")]
    assert coded("Rusia merebut Avdiivka dari Ukraina.") == [("ASSAULT", "RUS", "UKR")]
    assert coded("Rusia menyerang Mariupol.") == [("ASSAULT", "RUS", "UKR")]


def test_a_body_word_modifying_a_patterns_noun_is_no_object():
    # a Russian story: "militer" in "agresi militer" is no Russian body attacked by Russia
    body = "Putin memuji Rusia. Kota di Ukraina itu direbut sejak Rusia melancarkan agresi militer, kata Lavrov di Moskow."
    assert ("ASSAULT", "RUS", "RUS") not in coded(body)


def test_a_sentence_told_again_codes_its_event_once():
    # a photo caption and the lead: the same handshake
    body = ("Jokowi berjabat tangan dengan Kishida di Tokyo, Senin (5/6/2023).\n"
            "Jokowi berjabat tangan dengan Kishida di Tokyo pada Senin (5/6/2023) saat kunjungan kenegaraan.")
    assert coded(body) == [("CONSULT", "IDN", "JPN")]
    # parallel sentences about different people are two acts
    body = "Polisi menahan AYL di rutan Polri pada Senin. Polisi menahan WY di rutan Polri pada Senin. Jokowi, Prabowo dan KPK belum berkomentar."
    assert coded(body) == [("COERCE", "IDN", "IDN"), ("COERCE", "IDN", "IDN")]


def test_a_gathering_of_many_states_is_no_meeting_of_the_first_with_each():
    assert coded("Para pemimpin Brazil, Rusia, India, China dan Afrika Selatan akan bertemu di Johannesburg.") == []
    assert coded("Putin dan Xi Jinping akan bertemu di Moskow.") == [("CONSULT", "RUS", "CHN")]


def test_a_noun_trigger_pointing_back_names_an_act_told_before():
    body = ("Jepang mengirim bantuan ke Indonesia pada Senin. Kishida mengatakan pengiriman bantuan Jepang tersebut "
            "ke Indonesia berjalan lancar.")
    assert coded(body) == [("AID", "JPN", "IDN")]
    # without the demonstrative it may be another delivery
    body = "Jepang mengirim bantuan ke Indonesia pada Senin. Pengiriman bantuan Jepang ke Indonesia berlanjut Selasa."
    assert coded(body) == [("AID", "JPN", "IDN"), ("AID", "JPN", "IDN")]


def test_court_orders_prosecutions_and_agreements_to_act_by_the_conventions():
    # a court sentencing a body to act orders it (REQUEST); a prosecutor demanding a sentence prosecutes (ACCUSE)
    assert coded("Pengadilan Jepang menghukum Indonesia untuk membayar ganti rugi.") == [("REQUEST", "JPN", "IDN")]
    assert coded("Pengadilan China menghukum warga Kanada.") == [("COERCE", "CHN", "CAN")]
    assert coded("Jaksa Jepang menuntut warga Indonesia dengan hukuman mati.") == [("ACCUSE", "JPN", "IDN")]
    assert coded("China menuntut Jepang meminta maaf.") == [("REQUEST", "CHN", "JPN")]
    # an agreement to act governs the act, as "sepakat untuk" does
    assert coded("Indonesia dan Jepang membuat kesepakatan untuk menjalin komunikasi.") == [("AGREE", "IDN", "JPN")]


def test_a_clash_is_between_the_two_sides_it_names():
    assert coded("Bentrokan bersenjata antara Armenia dan Azerbaijan pecah pada Senin.") == [("ASSAULT", "ARM", "AZE")]
    # two attacked by someone unnamed are no clash between them
    assert coded("Rusia dan Ukraina diserang pada Senin.") == []


def test_a_call_for_a_named_act_needs_no_addressee():
    # a summit's declaration: the request names the act (a nominalised verb), nobody is asked
    assert coded("Para pemimpin G20 mendesak perluasan aliran bantuan kemanusiaan.") == [("REQUEST", "G20", None)]
    assert coded("G20 menyerukan gencatan senjata di Gaza.") == [("REQUEST", "G20", None)]
    # a bare request with no act named and nobody asked stays uncoded
    assert coded("Jepang mendesak segera.") == []
    # review R7: a noun spelled like peN-an / ke-an that names a body or people is an addressee, not an act
    assert coded("Menteri Keuangan Indonesia meminta perusahaan tambang membayar pajak tepat waktu.") == []
    assert coded("China mendesak kedutaan besar negara-negara Barat agar tidak ikut campur.") == []


def test_a_coordination_of_parties_runs_past_nouns_and_list_words_that_open_like_verbs():
    # review R1: "termasuk", "terutama", "diplomat" open like me-/ber-/di-/ter- verbs but are no predicate
    assert coded("Amerika Serikat menjatuhkan sanksi kepada Rusia dan sekutunya, termasuk Iran dan Belarusia.") == [
        ("SANCTION", "USA", "RUS"), ("SANCTION", "USA", "IRN"), ("SANCTION", "USA", "BLR")]
    assert coded("Uni Eropa mengecam Rusia dan terutama Belarusia atas serangan itu.") == [
        ("ACCUSE", "EU", "RUS"), ("ACCUSE", "EU", "BLR")]
    assert coded("Rusia mengusir diplomat Amerika Serikat dan diplomat Inggris dari Moskow.") == [
        ("COERCE", "RUS", "USA"), ("COERCE", "RUS", "GBR")]
    # a real verb after the coordinator still ends it
    assert coded("AS menyerukan Rusia mengakhiri pengusiran diplomat dan staf Jepang.") == [("REQUEST", "USA", "RUS")]


def test_a_truce_in_force_is_no_agreement():
    # review R11: the bare noun is AGREE only when the truce is agreed, reached or takes effect
    assert ("AGREE", "ISR", "PSE") not in coded("Pertempuran antara Israel dan Hamas berlanjut meski ada gencatan senjata.")
    assert ("AGREE", "ISR", "PSE") not in coded("Israel masih dalam gencatan senjata dengan Hamas di Gaza.")
    assert ("AGREE", "ISR", "PSE") in coded("Gencatan senjata Israel dengan Hamas berlaku Jumat.")
    assert ("AGREE", "ISR", "PSE") in coded("Gencatan senjata Israel dengan Hamas disepakati di Kairo.")


def test_a_second_predicate_ends_the_object_only_when_the_parse_or_lemmatiser_finds_a_verb():
    # review R1 in target_end: "media", "terutama", "termasuk" after a coordinator open like verbs but
    # start no second predicate, so the party after them is still the object
    assert coded("Rusia menyerang gudang senjata dan media Ukraina.") == [("ASSAULT", "RUS", "UKR")]
    assert coded("Amerika Serikat mengecam tindakan itu dan terutama Iran.") == [("ACCUSE", "USA", "IRN")]
    assert coded("AS menjatuhkan sanksi kepada bank dan termasuk Iran.") == [("SANCTION", "USA", "IRN")]
    # a real verb after the coordinator still ends it: Israel is what the US backs, not what it condemns
    assert coded("Amerika Serikat mengecam serangan itu dan mendukung Israel.") == []
    # a party followed by a verb is a new clause's subject, a list word there its predicate
    assert coded("AS menyerukan gencatan senjata dan Iran menyambut seruan itu.") == []
    assert coded("AS menyerukan gencatan senjata dan Iran termasuk di antara yang mendukungnya.") == []


def test_a_title_before_a_state_runs_past_nouns_that_open_like_verbs():
    from warta.events import arguments

    def titled(text: str) -> bool:
        low = text.split()
        verbs = arguments.verb_tokens(low, [""] * len(low), None, (0, len(low)))
        return arguments._titled(low, 1, len(low) - 1, verbs)

    # review R1 in _titled: "diplomat", "direktur", "media" are nouns of the title, no verb ending it
    assert titled("pertemuan dengan diplomat senior jepang")
    assert titled("pertemuan dengan direktur jenderal kementerian jepang")
    assert titled("pertemuan dengan media besar jepang")
    # a real verb between the preposition and the state does end it
    assert not titled("pertemuan dengan menteri mewakili jepang")
    # and at a party's name a noun is no predicate either, a list word is
    low = "iran diplomat iran termasuk".split()
    verbs = arguments.verb_tokens(low, [""] * 4, None, (0, 4))
    assert not arguments.is_verb(low, 1, verbs, after_party=True)
    assert arguments.is_verb(low, 3, verbs, after_party=True) and not arguments.is_verb(low, 3, verbs)
