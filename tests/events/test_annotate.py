"""The events stage on hand-made articles: types, actors, voice, coordination, modality, date, location."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from warta.article import QUAD_CLASS, Article, Entity, Mention
from warta.events import annotate, code_events

from tests.events.conftest import _blank, coded, make_article


@pytest.mark.parametrize("body,expected", [
    ("Menlu Amerika Mike Pompeo dijadwalkan bertemu dengan Presiden Rusia Vladimir Putin.",
     [("CONSULT", "USA", "RUS")]),
    # a title's country and the person are one actor; coordination gives one event per target
    ("Pompeo bertemu dengan Presiden Rusia Vladimir Putin dan Menlu Rusia Sergey Lavrov.",
     [("CONSULT", "USA", "RUS"), ("CONSULT", "USA", "RUS")]),
    # passive with oleh: the agent is the source, the subject the target
    ("Usulan Ukraina ditolak oleh Moskow.", [("REJECT", "RUS", "UKR")]),
    # passive without oleh: the noun phrase right after a di- verb is the agent
    ("Pelaut Ukraina, yang ditangkap Rusia November lalu, belum dibebaskan.", [("COERCE", "RUS", "UKR")]),
    # the possessed subject of a passive is the previous event's source
    ("Pompeo mendesak Rusia untuk mengakhiri dukungan bagi Maduro, tetapi seruannya ditolak oleh Moskow.",
     [("REQUEST", "USA", "RUS"), ("REJECT", "RUS", "USA")]),
    # the urged act belongs to the request: no SUPPORT event for "dukungan bagi Maduro"
    ("AS mendesak agar Moskwa segera menarik pasukannya dan berhenti memberikan dukungan kepada Maduro.",
     [("REQUEST", "USA", "RUS")]),
    # a chain of verbs shares its subject: Venezuela is the object of the first, not the subject of the second
    ("Rusia telah mengirimkan sekitar 100 personel militernya ke Venezuela untuk memberi dukungan kepada Presiden Nicolas Maduro.",
     [("MOBILIZE", "RUS", "VEN"), ("SUPPORT", "RUS", "VEN")]),
    # coordinated subjects of a symmetric verb meet each other
    ("Antony Blinken dan Sergey Lavrov akan bertemu pekan depan.", [("CONSULT", "USA", "RUS")]),
    # coordinated subjects of a directed verb: one event each
    ("Rusia dan China mengecam NATO.", [("ACCUSE", "RUS", "NATO"), ("ACCUSE", "CHN", "NATO")]),
    # a comma list closed by "dan" is coordination, either side of the verb; a comma alone is not
    ("Iran menolak tuntutan Inggris, Prancis, dan Jerman.",
     [("REJECT", "IRN", "GBR"), ("REJECT", "IRN", "FRA"), ("REJECT", "IRN", "DEU")]),
    ("Inggris, Prancis dan Jerman mengecam Iran.",
     [("ACCUSE", "GBR", "IRN"), ("ACCUSE", "FRA", "IRN"), ("ACCUSE", "DEU", "IRN")]),
    ("Pompeo bertemu Lavrov, Rusia.", [("CONSULT", "USA", "RUS")]),
    # signing an agreement is SUPPORT by the real-news convention, not the noun perjanjian kerja sama (COOPERATE)
    ("Indonesia menandatangani perjanjian kerja sama pertahanan dengan Australia.", [("SUPPORT", "IDN", "AUS")]),
    # a ministry's protest is verbal (ACCUSE); ordering diplomats out is an expulsion
    ("Vietnam memprotes penangkapan nelayannya oleh Indonesia.", [("ACCUSE", "VNM", "IDN")]),
    # saying a named party must act is a demand on it, and the act is part of it; a passive after
    # the modal or a common noun before it is no demand
    ("Juru bicara China mengatakan Washington harus berhenti menjual senjata kepada Taiwan.", [("REQUEST", "CHN", "USA")]),
    ("Lavrov mengatakan masa depan Maduro harus diputuskan oleh rakyat Venezuela.", []),
    ("Jokowi mengatakan semua pihak di Myanmar harus menahan diri.", []),
    # the threatened party is the subject of the condition; an embassy is its state, not a place;
    # aid "untuk korban ... di Turki" goes to Turki, while a plain place after "di" stays the location
    ("Korea Utara mengancam akan menyerang jika Jepang dan Korea Selatan menggelar latihan.",
     [("THREATEN", "PRK", "JPN"), ("THREATEN", "PRK", "KOR")]),
    ("Warga Indonesia berunjuk rasa di depan Kedutaan Besar Jepang.", [("PROTEST", "IDN", "JPN")]),
    ("Indonesia mengirimkan bantuan untuk korban gempa di Turki.", [("AID", "IDN", "TUR")]),
    ("Indonesia mengirimkan bantuan kepada Palestina di Jakarta.", [("AID", "IDN", "PSE")]),
    # a noun's agent follows it, its target comes after a preposition
    ("Serangan udara Israel terhadap Gaza berlanjut.", [("ASSAULT", "ISR", "PSE")]),
    # a noun without both actors is too weak to code
    ("Pada konferensi pers setelah pertemuan itu, Pompeo berbicara panjang.", []),
    # no actor, no event
    ("Para demonstran berunjuk rasa di depan gedung parlemen.", []),
    # a place after "di" is the location, not the target
    ("Pompeo bertemu Lavrov di Sochi.", [("CONSULT", "USA", "RUS")]),
    # a topic is not a target
    ("Blinken terbang ke China untuk meredakan ketegangan soal Taiwan.", [("CONSULT", "USA", "CHN")]),
    # a one-sided event is coded only for the types that often have one side: not "meredakan" above,
    # but a deployment or a protest
    ("Rusia mengerahkan pasukan cadangan.", [("MOBILIZE", "RUS", None)]),
    ("Warga Indonesia berunjuk rasa di Jakarta.", [("PROTEST", "IDN", None)]),
    # a promise of aid is the aid: the real-news gold codes AID alone (sepakat/berjanji govern the act)
    ("China berjanji membantu Indonesia.", [("AID", "CHN", "IDN")]),
    # a cited news outlet is not an actor
    ("Dilansir dari Iran, Jepang mengecam Korea Utara.", [("ACCUSE", "JPN", "PRK")]),
    # "menahan diri" is restraint, not detention
    ("Jepang meminta China menahan diri.", [("REQUEST", "JPN", "CHN")]),
    # the pronoun refers to the first person named in the sentence
    ("Menjelang pertemuan di Finlandia, Pompeo menekankan, dia ingin Rusia berhenti campur tangan.",
     [("REQUEST", "USA", "RUS")]),
    # "langkah tersebut" points back at the last act of another actor: its source is the target
    ("Uni Eropa menjatuhkan sanksi terhadap Rusia. Rusia mengecam langkah tersebut.",
     [("SANCTION", "EU", "RUS"), ("ACCUSE", "RUS", "EU")]),
    # a second predicate has its own object: AS is not a second target of bertemu
    ("Austin dijadwalkan bertemu Presiden Filipina Marcos dan membahas akses pasukan AS.", [("CONSULT", "USA", "PHL")]),
    # the place an attack strikes stands for its state (realnews conventions)
    ("Israel melancarkan serangan udara di Gaza pada Selasa.", [("ASSAULT", "ISR", "PSE")]),
])
def test_events_code_type_source_and_target(body, expected):
    assert coded(body) == expected


@pytest.mark.parametrize("body,negated,planned", [
    ("Rusia secara konsisten membantah akan menyerang Ukraina.", True, True),  # membantah marks the act
    ("Rusia menyatakan tidak akan menarik pasukan dari Venezuela.", True, True),
    ("Menlu AS dan Rusia sepakat bertemu dengan Jepang.", False, True),  # sepakat bertemu: planned
    ("Pompeo dijadwalkan bertemu Lavrov.", False, True),
    ("Pompeo diperkirakan bertemu Lavrov.", False, True),  # expected: not yet done
    ("Rusia tidak mengancam Ukraina.", True, False),
    ("Rusia menyerang Ukraina.", False, False),
    # "tidak akan pernah berhenti mendukung": the negation is of the stopping
    ("Indonesia tidak akan pernah berhenti mendukung Palestina.", False, True),
    # a conditional event has not happened: planned
    ("Jepang siap membantu jika diminta oleh Turki.", False, True),
    # an act that failed, was called off or nearly happened did not happen
    ("Rusia gagal menyerang Ukraina.", True, False),
    ("Pompeo batal bertemu Lavrov.", True, False),
    ("Putin melewatkan KTT G20 dengan Indonesia.", True, False),
    ("Putin absen dari KTT G20 dengan Indonesia.", True, False),
    ("Rusia nyaris menyerang Ukraina.", True, False),
    # review #3: a failure word negates only the act it governs, not one across another verb or a clause word
    ("Warga nyaris tewas dalam serangan udara Rusia di Kharkiv.", False, False),
    ("Kunjungan Menteri Luar Negeri Jepang ke Seoul batal setelah serangan rudal Korea Utara ke Jepang.",
     False, False),
])
def test_events_read_negation_and_plans_before_the_trigger(body, negated, planned):
    art, doc = make_article(body)
    ev = code_events(art, doc)[0]
    assert (ev.negated, ev.planned) == (negated, planned)


def test_events_take_the_nearest_timex_of_the_sentence():
    body = "Pada Senin 6 Mei, Pompeo bertemu Lavrov di Sochi. Putin mengecam NATO."
    art, doc = make_article(body, timex=[("Senin 6 Mei", "2019-05-06")])
    first, second = code_events(art, doc)
    assert (first.date, first.date_precision, first.location) == ("2019-05-06", "day", "Sochi")
    # a sentence without a date falls back on the publication date, marked as such
    assert (second.date, second.date_precision) == ("2019-05-12", "published")


@pytest.mark.parametrize("value,precision", [
    ("2019-05", "month"), ("2019", "year"), ("2022-W08", "week"), ("2019-W12-WE", "week"),
])
def test_events_give_the_precision_of_the_date(value, precision):
    art, doc = make_article("Rusia menyerang Ukraina pekan itu.", timex=[("pekan itu", value)])
    ev = code_events(art, doc)[0]
    assert (ev.date, ev.date_precision) == (value, precision)


def test_event_record_has_evidence_quad_class_and_confidence():
    body = "Uni Eropa menjatuhkan sanksi terhadap Rusia."
    art, doc = make_article(body)
    annotate(art, doc)
    (ev,) = art.events
    assert body[ev.trigger.start:ev.trigger.end] == ev.trigger.text == "menjatuhkan sanksi"
    assert ev.sentence == [0, len(body)]
    assert ev.quad_class == QUAD_CLASS["SANCTION"] == "material-conflict"
    assert ev.source.name == "Uni Eropa" and ev.source.entity == art.entities[0].id
    # a verb with both actors outranks a noun with both actors
    art2, doc2 = make_article("Sanksi Uni Eropa terhadap Rusia diperpanjang.")
    assert ev.confidence > code_events(art2, doc2)[0].confidence


def test_events_in_a_quote_without_subject_take_the_speaker():
    from warta.article import Quote

    body = '"Kami mau militer Rusia keluar," kata Pompeo.'
    art, doc = make_article(body)
    speaker = next(e for e in art.entities if e.name == "Mike Pompeo")
    art.quotes = [Quote(text=body[1:33], start=1, end=33, direct=True, speaker=speaker.id, speaker_text="Pompeo")]
    assert [(e.type, e.source.actor, e.target.actor) for e in code_events(art, doc)] == [("REQUEST", "USA", "RUS")]


def test_events_use_the_dependency_parse_when_present():
    # the subject is 24 words before its verb, past the reach of the positional rule: only the
    # parse (Moskow nsubj of menolak) can find it
    filler = ["kata"] * 22
    words = ["Moskow", ","] + filler + [",", "menolak", "usulan", "Kiev", "."]
    verb = len(words) - 4
    heads = [verb, 0] + [0] * 22 + [verb, verb, verb, verb + 1, verb]
    deps = ["nsubj", "punct"] + ["dep"] * 22 + ["punct", "ROOT", "obj", "nmod", "punct"]
    doc = Doc(_blank().vocab, words=words, heads=heads, deps=deps)
    body = doc.text
    art = Article(body=body)
    art.entities = [
        Entity("r", "Rusia", "GPE", "RUS", "RUS", True, mentions=[Mention(0, 6, "Moskow")]),
        Entity("u", "Ukraina", "GPE", "UKR", "UKR", True, mentions=[Mention(body.index("Kiev"), body.index("Kiev") + 4, "Kiev")]),
    ]
    (ev,) = code_events(art, doc)
    assert (ev.type, ev.source.actor, ev.target.actor) == ("REJECT", "RUS", "UKR")
    # without the parse, the same sentence has no source, and a REJECT needs both sides
    plain = _blank()(body)
    assert code_events(art, plain) == []


def test_events_stage_works_on_an_article_without_entities():
    art, doc = make_article("Tidak ada aktor di sini, hanya pertemuan dan serangan.")
    art.entities = []
    assert annotate(art, doc).events == []


def test_one_sided_events_are_kept_only_for_the_types_asked():
    from warta.article import EVENT_TYPES

    art, doc = make_article("Rusia mengecam keras keputusan itu.")  # no actor for "itu" anywhere before
    assert code_events(art, doc) == []
    (ev,) = code_events(art, doc, one_sided=frozenset(EVENT_TYPES))
    assert (ev.type, ev.source.actor, ev.target.actor) == ("ACCUSE", "RUS", None)
    assert ev.confidence < 0.85  # a missing side lowers the confidence


@pytest.mark.parametrize("body,expected", [
    # "negara itu" is the country named last, other than the source's
    ("AS menekan program nuklir Iran. Washington juga memberlakukan sanksi baru di sektor logam negara itu.",
     [("SANCTION", "USA", "IRN")]),
    # "Ia" opening a sentence is the person named last before it
    ("Lavrov tiba di Jenewa. Ia bertemu dengan Blinken di sana.", [("CONSULT", "RUS", "USA")]),
    # the subject of a fronted clause comes after its comma
    ("Sebelum bertemu dengan Pompeo, Putin mengatakan Rusia tidak ikut campur.", [("CONSULT", "RUS", "USA")]),
    # "kedua negara" are the two sides of the last two-sided event; "saling" gives one event each way
    ("Armenia bertemu Azerbaijan di Moskow. Namun, kedua negara saling menuduh.",
     [("CONSULT", "ARM", "AZE"), ("ACCUSE", "ARM", "AZE"), ("ACCUSE", "AZE", "ARM")]),
    # an organisation is not one of "kedua negara" (ASEAN is a whole code, not ASE + a sector);
    # with no event before, the two states named last, the one named first leading
    ("India dan Jepang bersahabat. Tokyo juga dekat dengan ASEAN. Kedua negara akan menggelar pertemuan bulan depan.",
     [("CONSULT", "IND", "JPN")]),
])
def test_events_resolve_anaphors_and_fronted_subjects(body, expected):
    assert coded(body) == expected


@pytest.mark.parametrize("body,expected", [
    # a country after "dolar" is a currency: the signing is between the two coordinated parties
    ("Indonesia dan China menandatangani lima kontrak kerja sama senilai 23 miliar dolar AS.",
     [("SUPPORT", "IDN", "CHN")]),
    # the dateline before a dash is no agent of the noun after it
    ("Moskow - Serangan terhadap Ukraina terus berlanjut.", []),
    ("Serangan Rusia terhadap Ukraina terus berlanjut.", [("ASSAULT", "RUS", "UKR")]),
])
def test_events_leave_out_currencies_and_datelines(body, expected):
    assert coded(body) == expected


def test_a_denial_does_not_negate_a_second_predicate():
    # "membantah dan balik menuduh": the accusation after the coordinator is not denied
    art, doc = make_article("Ukraina membantah dan balik menuduh Rusia menyebarkan propaganda.")
    coded = [(e.type, e.source.actor, e.target.actor, e.negated) for e in code_events(art, doc)]
    assert ("ACCUSE", "UKR", "RUS", False) in coded
    art, doc = make_article("Rusia membantah akan menyerang Ukraina.")
    assert [(e.type, e.negated) for e in code_events(art, doc)] == [("ASSAULT", True)]


def test_an_indonesian_mission_is_indonesia_wherever_it_sits():
    # "KBRI Yangon" is Indonesia's embassy in Myanmar: the city is its seat, the mission acts as IDN
    body = "KBRI Yangon berkoordinasi erat dengan Myanmar."
    art, doc = make_article(body)
    at = body.index("Yangon")
    art.entities += [Entity(id="kbri", name="KBRI", type="ORG", mentions=[Mention(0, 4, "KBRI")]),
                     Entity(id="ygn", name="Yangon", type="GPE", country="MMR", linked=True,
                            mentions=[Mention(at, at + 6, "Yangon")])]
    art.entities.sort(key=lambda e: e.mentions[0].start)
    assert [(e.type, e.source.actor, e.target.actor) for e in code_events(art, doc)] == [("COOPERATE", "IDNGOV", "MMR")]


def test_a_supposed_act_is_no_event():
    # "jika …": the act is a condition, not a report; the threat itself is coded
    assert coded("Rusia mengatakan bahwa jika Swedia bergabung dengan NATO, Rusia akan membalas.") == []
    assert coded("Korea Utara mengancam Korea Selatan jika latihan itu berlanjut.") == [("THREATEN", "PRK", "KOR")]


def test_a_city_one_goes_to_or_comes_from_is_not_the_actor():
    # an Indonesian story (Jokowi, KPK, Polri): the unnamed party of the request is Indonesia
    body = ("Jokowi meminta KPK bekerja. Para tersangka yang ditangkap Polri dibawa ke Surabaya untuk dilakukan "
            "permintaan keterangan lebih lanjut.")
    art, doc = make_article(body)
    at = body.index("Surabaya")
    art.entities.append(Entity(id="sby", name="Surabaya", type="GPE", country="IDN", linked=True,
                               mentions=[Mention(at, at + 8, "Surabaya")]))
    art.entities.sort(key=lambda e: e.mentions[0].start)
    sources = [e.source.name for e in code_events(art, doc)]
    assert "Surabaya" not in sources


def test_aid_goes_to_the_country_its_sentence_names():
    body = "Indonesia mengirimkan bantuan kemanusiaan untuk korban gempa yang melanda Myanmar pada Kamis."
    assert coded(body) == [("AID", "IDN", "MMR")]
    # the country of the giver is no recipient
    assert coded("Indonesia mengirimkan bantuan kemanusiaan untuk korban gempa yang melanda Natuna.") == []


def test_mereka_as_subject_is_the_state_named_last():
    # not a state the event is aimed at: "Mereka juga mengecam Jepang" is Korea Selatan's
    assert coded("Korea Selatan memperkuat pemantauan. Mereka juga mengecam Jepang.") == [("ACCUSE", "KOR", "JPN")]
    assert coded("Jepang memperkuat pemantauan. Mereka juga mengecam Jepang.") == []


def test_a_second_request_after_a_coordinator_is_not_absorbed_by_the_first():
    # "menyerukan ... dan mendesak ...": two acts of one subject; the second is no part of the first's complement
    body = "Indonesia menyerukan perdamaian di Gaza dan mendesak Israel untuk menghentikan serangan."
    assert ("REQUEST", "IDN", "ISR") in coded(body)
    # the acts inside one request's complement stay part of it
    assert coded("Indonesia mendesak Israel untuk menarik pasukan dan menghentikan serangan.") == [("REQUEST", "IDN", "ISR")]


@pytest.mark.parametrize("body,expected", [
    # the act a request names after its addressee is coded too, planned, with the addressee acting
    ("Indonesia mendesak PBB untuk mengirim pasukan ke Gaza.",
     [("REQUEST", "IDN", "UN", False), ("MOBILIZE", "UN", "PSE", True)]),
    ("Trump memerintahkan para pejabat Amerika Serikat untuk menaikkan tarif impor dari China.",
     [("REQUEST", "USA", "USA", False), ("SANCTION", "USA", "CHN", True)]),
    # a threat's own act right after it stays part of the threat (its object is the threat's target)
    ("Korea Utara mengancam akan menyerang Amerika Serikat.", [("THREATEN", "PRK", "USA", False)]),
    # an act asked to be stopped is not asked for
    ("Jepang meminta Rusia untuk berhenti menyerang Ukraina.", [("REQUEST", "JPN", "RUS", False)]),
    # an accusation's complement is the alleged act: part of the accusation
    ("Amerika Serikat menuduh Korea Utara mengirimkan pasukan ke Rusia.", [("ACCUSE", "USA", "PRK", False)]),
])
def test_the_act_a_request_names_is_a_planned_event_of_its_addressee(body, expected):
    art, doc = make_article(body)
    assert [(e.type, e.source.actor, e.target.actor, e.planned) for e in code_events(art, doc)] == expected


@pytest.mark.parametrize("body,act", [
    # held-out check of session 11 (docs/realnews.md): what a request names that is no act of its addressee
    # a passive act: its subject is the thing acted on, the addressee does not act
    ('Komisi Pemberantasan Korupsi (KPK) menerima laporan itu. "KPK juga mengimbau pemberian hadiah lain '
     'untuk dapat segera dilaporkan ke KPK," kata dia.', "ACCUSE"),
    # civilians asked to raise their alert take a precaution: no force stands on alert
    ("Pemerintah Jepang mengimbau masyarakat untuk meningkatkan kewaspadaan terhadap tsunami.", "MOBILIZE"),
    ("Pemerintah Jepang meminta warganya di Korea Selatan untuk meningkatkan kewaspadaan.", "MOBILIZE"),
    # a verb after a preposition is a circumstance of what is asked: the protest is going on
    ("Kepolisian Indonesia meminta para mahasiswa untuk tidak anarkis dalam berunjuk rasa.", "PROTEST"),
    ("Kepolisian Indonesia meminta para mahasiswa untuk tetap tertib saat berunjuk rasa.", "PROTEST"),
])
def test_what_a_request_names_that_its_addressee_does_not_do_is_no_planned_event(body, act):
    art, doc = make_article(body)
    assert act not in [e.type for e in code_events(art, doc)]


def test_a_force_asked_to_raise_its_alert_stays_a_planned_mobilisation():
    art, doc = make_article("Korea Selatan meminta militernya untuk meningkatkan kewaspadaan di perbatasan.")
    assert [(e.type, e.source.actor, e.planned) for e in code_events(art, doc)] == [("MOBILIZE", "KOR", True)]


def test_an_attack_noun_with_no_side_restates_the_last_attack():
    # "serangan besar-besaran" with no actor of its own names the attack told before (RESTATED types)
    body = "Rusia menyerang Ukraina pada Senin. Serangan besar-besaran itu menghancurkan sebuah jembatan."
    assert coded(body) == [("ASSAULT", "RUS", "UKR"), ("ASSAULT", "RUS", "UKR")]
    # a meeting noun does not: "pertemuan" alone is often another meeting
    assert coded("Jokowi bertemu Putin di Moskow. Pertemuan itu berlangsung dua jam.") == [("CONSULT", "IDN", "RUS")]


def test_an_attack_noun_restates_an_attack_of_its_own_or_the_previous_paragraph():
    body = "Rusia menyerang Ukraina pada Senin.\n\nSerangan besar-besaran itu menghancurkan sebuah jembatan."
    assert coded(body) == [("ASSAULT", "RUS", "UKR"), ("ASSAULT", "RUS", "UKR")]


def test_an_attack_noun_two_paragraphs_on_is_another_attack():
    # a paragraph about something else between: the mosque bombing is not Russia's attack on Ukraine
    body = ("Rusia menyerang Ukraina pada Senin.\n\nDi Pakistan, pemilu berlangsung dengan tenang pekan ini.\n\n"
            "Sementara itu, serangan bom bunuh diri menewaskan 10 orang di sebuah masjid.")
    assert coded(body) == [("ASSAULT", "RUS", "UKR")]


def test_an_attack_noun_dated_to_another_year_is_another_attack():
    body = "Israel menyerang Suriah pada Senin.\n\nPada 1982, bentrokan bersenjata pecah di perbatasan."
    assert coded(body, timex=[("Senin", "2019-05-06"), ("1982", "1982")]) == [("ASSAULT", "ISR", "SYR")]
    # a date of the same year does not part them: "Senin" and "pekan lalu" resolve loosely
    body = "Israel menyerang Suriah pada Senin.\n\nBentrokan bersenjata itu pecah pada 5 Mei 2019."
    assert coded(body, timex=[("Senin", "2019-05-06"), ("5 Mei 2019", "2019-05-05")]) == [("ASSAULT", "ISR", "SYR")] * 2
