"""Recognition and normalisation of Indonesian temporal expressions, case by case."""

from __future__ import annotations

import pytest

from warta.time import find_timex

# Sunday 12 May 2019 (seed 000's publication date) unless a case says otherwise.
DCT = "2019-05-12"


def _one(text: str, dct: str | None = DCT):
    found = find_timex(text, dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


@pytest.mark.parametrize(
    "text,expected,kind,value",
    [
        # absolute and partial dates
        ("pada 12 Mei 2019 lalu", "12 Mei 2019 lalu", "DATE", "2019-05-12"),
        ("tiba 3 Mei", "3 Mei", "DATE", "2019-05-03"),
        ("pada Mei 2018", "Mei 2018", "DATE", "2018-05"),
        ("sejak 2016 konflik", "2016", "DATE", "2016"),
        ("pada tahun 2014", "tahun 2014", "DATE", "2014"),
        ("pada 17 Agt 1945", "17 Agt 1945", "DATE", "1945-08-17"),  # abbreviation after a day number
        ("tanggal 2019-05-14 itu", "2019-05-14", "DATE", "2019-05-14"),
        # numeric forms, with and without weekday and parentheses
        ("kata dia (14/5/2019).", "(14/5/2019)", "DATE", "2019-05-14"),
        ("Kamis, 25/04/2024 20:06", "Kamis, 25/04/2024", "DATE", "2024-04-25"),
        ("kata Price, Jumat (18/2/2022).", "Jumat (18/2/2022)", "DATE", "2022-02-18"),
        ("tulisnya (10/5).", "(10/5)", "DATE", "2019-05-10"),
        # weekday + day/month: the weekday picks the year (past by default in news)
        ("kata Pompeo, Selasa (7/5) waktu setempat", "Selasa (7/5)", "DATE", "2019-05-07"),
        ("pada hari Senin (13/5) malam", "hari Senin (13/5) malam", "TIME", "2019-05-13TNI"),  # hari inside
        # weekdays alone and with lalu/depan/ini
        ("Pada Jumat, Pompeo bertemu Lavrov", "Jumat", "DATE", "2019-05-10"),
        ("dia akan tiba pada Selasa", "Selasa", "DATE", "2019-05-14"),  # akan: future
        ("Selasa lalu", "Selasa lalu", "DATE", "2019-05-07"),
        ("Senin depan", "Senin depan", "DATE", "2019-05-13"),
        ("Jumat pekan depan", "Jumat pekan depan", "DATE", "2019-05-17"),
        ("pada Minggu (12/5)", "Minggu (12/5)", "DATE", "2019-05-12"),  # Minggu + date = Sunday
        # relative days and parts of the day
        ("kemarin", "kemarin", "DATE", "2019-05-11"),
        ("besok", "besok", "DATE", "2019-05-13"),
        ("lusa", "lusa", "DATE", "2019-05-14"),
        ("kemarin lusa", "kemarin lusa", "DATE", "2019-05-10"),  # not "kemarin" + "lusa"
        ("hari ini", "hari ini", "DATE", "2019-05-12"),
        ("tadi malam", "tadi malam", "TIME", "2019-05-11TNI"),  # last night
        ("malam ini", "malam ini", "TIME", "2019-05-12TNI"),
        ("pagi tadi", "pagi tadi", "TIME", "2019-05-12TMO"),
        ("kemarin sore", "kemarin sore", "TIME", "2019-05-11TAF"),
        # weeks, months, years relative to the DCT (ISO week 19 of 2019)
        ("pekan lalu", "pekan lalu", "DATE", "2019-W18"),
        ("minggu depan", "minggu depan", "DATE", "2019-W20"),  # lower-case minggu = week
        ("pekan ini", "pekan ini", "DATE", "2019-W19"),
        ("bulan lalu", "bulan lalu", "DATE", "2019-04"),
        ("tahun depan", "tahun depan", "DATE", "2020"),
        ("akhir pekan lalu", "akhir pekan lalu", "DATE", "2019-W18-WE"),
        ("akhir tahun ini", "akhir tahun ini", "DATE", "2019"),
        ("awal bulan", "awal bulan", "DATE", "2019-05"),
        ("pertengahan 2014", "pertengahan 2014", "DATE", "2014"),
        # month names and lalu/ini: November lalu is the most recent past November
        ("November lalu", "November lalu", "DATE", "2018-11"),
        ("Oktober ini", "Oktober ini", "DATE", "2019-10"),
        ("Mei tahun lalu", "Mei tahun lalu", "DATE", "2018-05"),
        ("pada Januari", "Januari", "DATE", "2019-01"),
        ("yang dijadwalkan Maret", "Maret", "DATE", "2020-03"),  # dijadwalkan: future
        # decades and centuries
        ("pada 1990-an", "1990-an", "DATE", "199"),
        ("era tahun 80-an", "tahun 80-an", "DATE", "198"),
        ("abad ke-21", "abad ke-21", "DATE", "2001/2100"),  # a century is its range of years
        ("abad XX", "abad XX", "DATE", "1901/2000"),
        # clock times take the date of their sentence
        ("Selasa (14/5), pukul 10.00 WIB", "pukul 10.00 WIB", "TIME", "2019-05-14T10:00"),
        # a clock time right after a date is one expression with it (IndoTimex convention)
        ("Selasa (14/5) pukul 10.00 WIB", "Selasa (14/5) pukul 10.00 WIB", "TIME", "2019-05-14T10:00"),
        ("tiba pada 07.30 di Surabaya", "07.30", "TIME", "2019-05-12T07:30"),
        ("diperbarui 09:04 WIB", "09:04 WIB", "TIME", "2019-05-12T09:04"),
        ("pukul 8 malam", "pukul 8 malam", "TIME", "2019-05-12T20:00"),
        # durations (the preposition selama stays outside, as in TimeML)
        ("selama tiga hari", "tiga hari", "DURATION", "P3D"),
        ("dua tahun", "dua tahun", "DURATION", "P2Y"),
        ("24 jam", "24 jam", "DURATION", "PT24H"),
        ("dua puluh lima tahun", "dua puluh lima tahun", "DURATION", "P25Y"),
        ("sebelas bulan", "sebelas bulan", "DURATION", "P11M"),
        ("seminggu", "seminggu", "DURATION", "P1W"),
        ("beberapa hari", "beberapa hari", "DURATION", "PXD"),
        ("setengah jam", "setengah jam", "DURATION", "PT0.5H"),
        ("dua dekade", "dua dekade", "DURATION", "P20Y"),
        ("dalam lima tahun terakhir", "lima tahun terakhir", "DURATION", "2014/2019"),  # anchored stretch
        # counted back or forward from the DCT
        ("tiga hari lalu", "tiga hari lalu", "DATE", "2019-05-09"),
        ("setahun lalu", "setahun lalu", "DATE", "2018"),
        ("dua bulan lagi", "dua bulan lagi", "DATE", "2019-07"),
        # sets
        ("setiap Senin", "setiap Senin", "SET", "XXXX-WXX-1"),
        ("tiap tahun", "tiap tahun", "SET", "P1Y"),
        ("setiap hari", "setiap hari", "SET", "P1D"),
        ("dua kali sehari", "dua kali sehari", "SET", "P1D"),
        ("setahun sekali", "setahun sekali", "SET", "P1Y"),
        ("kebutuhan sehari-hari", "sehari-hari", "SET", "P1D"),  # a SET in IndoTimex
        # parts of the day alone, anaphoric and ordinal periods (IndoTimex annotates them)
        ("sejak pagi", "pagi", "TIME", "2019-05-12TMO"),
        ("hingga malam hari", "malam hari", "TIME", "2019-05-12TNI"),
        ("Kamis (9/5) dan pada hari yang sama", "hari yang sama", "DATE", "2019-05-09"),
        ("saat itu", "saat itu", "DATE", "PAST_REF"),
        ("pada hari ketiga pencarian", "hari ketiga", "DATE", None),
        ("Kamis (9/5). Keesokan harinya", "Keesokan harinya", "DATE", "2019-05-10"),
        # present, past and future references
        ("saat ini", "saat ini", "DATE", "PRESENT_REF"),
        ("AS baru-baru ini memperketat", "baru-baru ini", "DATE", "PAST_REF"),
        # quarters
        ("kuartal III 2014", "kuartal III 2014", "DATE", "2014-Q3"),
        ("semester pertama 2019", "semester pertama 2019", "DATE", "2019-H1"),
        # real-news conventions (issue 16): hari inside, part of day or relative day before a date,
        # anchored stretches, years in names and regulation numbers, English dates of copied pages
        ("pada hari Rabu ia tiba", "hari Rabu", "DATE", "2019-05-08"),
        ("tiba Jumat sore (10/5) di Bogor", "Jumat sore (10/5)", "TIME", "2019-05-10TAF"),
        ("Rabu pagi, 8 Mei 2019 lalu", "Rabu pagi, 8 Mei 2019 lalu", "TIME", "2019-05-08TMO"),
        ("kata dia hari ini (12/5).", "hari ini (12/5)", "DATE", "2019-05-12"),
        ("ditahan tiga hari ke depan", "tiga hari ke depan", "DURATION", "2019-05-12/2019-05-15"),
        ("harga naik dua bulan terakhir", "dua bulan terakhir", "DURATION", "2019-03/2019-05"),
        ("kampanye Pilgub 2018 berakhir", "Pilgub 2018", "DATE", "2018"),
        ("di sela Forum Ekonomi Dunia 2017", "Forum Ekonomi Dunia 2017", "DATE", "2017"),
        ("Judul Berita Panjang Sekali Tentang 2019", "2019", "DATE", "2019"),  # title case: no edition name
        ("Permen ESDM No 1/2013 untuk", "2013", "DATE", "2013"),  # a regulation's year
        ("date 2019-05", "date 2019-05", "DATE", "2019-05"),  # header of a copied page
        ("Posted May 9, 2019 by", "May 9, 2019", "DATE", "2019-05-09"),
        ("Thursday, May 9, 2019", "Thursday, May 9, 2019", "DATE", "2019-05-09"),
        ("terbit 9 May 2019", "9 May 2019", "DATE", "2019-05-09"),
        ("serangan sepanjang musim semi ini", "musim semi ini", "DATE", "2019-03/2019-05"),
        ("persediaan untuk musim dingin mendatang", "musim dingin mendatang", "DATE", "2019-12/2020-02"),
        ("saat musim panas lalu", "musim panas lalu", "DATE", "2018-06/2018-08"),
        ("pada musim gugur 2017", "musim gugur 2017", "DATE", "2017-09/2017-11"),
        ("saat musim dingin tiba", "musim dingin", "DATE", None),  # which winter is not said
        ("ditahan 20 hari ke depan terhitung sejak Kamis (9/5/2019)", "20 hari ke depan", "DURATION",
         "2019-05-09/2019-05-29"),  # counted from the day the text names
    ],
)
def test_timex_recognises_and_normalises(text, expected, kind, value):
    found = find_timex(text, DCT)
    hits = [t for t in found if t.text == expected]
    assert len(hits) == 1, [(t.text, t.value) for t in found]
    t = hits[0]
    assert (t.type, t.value) == (kind, value)
    assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(
    "text",
    [
        "Jl Raya Pasar Minggu 14, Pancoran",  # a place, not Sunday
        "sebanyak 2014 orang hadir",  # a count, not a year
        "skor 3/4 di babak",  # a fraction is not a date without parentheses
        "Kami ingin memastikan dulu sistemnya",  # dulu = first
        "masa depan Maduro harus diputuskan",  # his future, not a time
        "barel per hari",  # a rate, not annotated (IndoTimex convention)
        "acara makan malam",  # dinner, not the night
        "kata Paskah Suzetta",  # a minister named Paskah, not Easter
        "harga Rp 10.50",  # an amount, not a clock time
        "minggu pertama",  # lower-case minggu alone is week, not Sunday
        "kata Theresa May kepada",  # the English May only after a day number or before one with a year
    ],
)
def test_timex_ignores_non_temporal_lookalikes(text):
    assert [(t.text, t.value) for t in find_timex(text, DCT)] == []


@pytest.mark.parametrize("text,value", [
    ("pada 12-14 Mei 2019", "2019-05-12/2019-05-14"),
    ("pada 16 dan 17 Maret 2019 di Tokyo", "2019-03-16/2019-03-17"),
    ("sejak 1 hingga 3 Januari 2019", "2019-01-01/2019-01-03"),
    ("pada 30 April-2 Mei 2019", "2019-04-30/2019-05-02"),
    ("pada 5-6 November 2018", "2018-11-05/2018-11-06"),
    ("pada 5-6 November", "2018-11-05/2018-11-06"),  # the grammar sees the month alone; the days join it
    ("periode 2008 – 2012", "2008/2012"),
    ("dari 13 Desember hingga 15 Desember 2016", "2016-12-13/2016-12-15"),  # the start takes the end's year
    ("pada 28 Desember hingga 3 Januari 2016", "2015-12-28/2016-01-03"),
])
def test_timex_range_is_one_expression(text, value):
    found = find_timex(text, DCT)
    assert [t.value for t in found] == [value]
    assert text.endswith(found[0].text) or found[0].text in text and not found[0].text[0].isalpha()


@pytest.mark.parametrize("text,value", [
    ("date 2022-11 PHNOM PENH -", "2022-11"),  # the ISO month of a copied page's header
    ("date 2023-06-16 400 personel", "2023-06-16"),
])
def test_timex_iso_month_and_day(text, value):
    assert [t.value for t in find_timex(text, DCT)] == [value]


@pytest.mark.parametrize("text,values", [
    ("pada 2 Mei dan 5 Juni 2019", ["2019-05-02", "2019-06-05"]),  # a list, not a range
    ("tahun 2019 dan 2020", ["2019", "2020"]),
    # two dates each with its own weekday name two days (as the real-news gold keeps them)
    ("sidang digelar Senin (6/5/2019) hingga Rabu (8/5/2019).", ["2019-05-06", "2019-05-08"]),
    ("pada 3 Mei dan 5 Juni 2016", ["2016-05-03", "2016-06-05"]),  # the first takes the year of the next
])
def test_timex_lists_stay_apart(text, values):
    assert [t.value for t in find_timex(text, DCT)] == values


def test_timex_without_dct_takes_the_year_of_the_nearest_full_date():
    text = "Rapat digelar 23 Januari 2015. Pada Sabtu (30/5) ia kembali."
    assert [t.value for t in find_timex(text, None)] == ["2015-01-23", "2015-05-30"]


def test_timex_resolves_selasa_against_published():
    # 14 May 2019 was a Tuesday; published the Sunday before it, the coming Tuesday is meant
    assert _one("Selasa (14/5)", "2019-05-12").value == "2019-05-14"


def test_timex_weekday_year_follows_tense_and_reanchors_a_wrong_dct():
    # seed 001: stamped 2024-04-25, but 14 May is a Tuesday in 2019 (and only ahead of the DCT in 2024)
    warnings: list[str] = []
    found = find_timex("kata Pompeo, Selasa (14/5). Dia menjabat pada Januari.", "2024-04-25", warnings=warnings)
    assert [t.value for t in found] == ["2019-05-14", "2019-01"]
    assert any("conflicts with 'Selasa (14/5)'" in w for w in warnings)


def test_timex_full_date_weekday_conflict_keeps_date_and_warns():
    warnings: list[str] = []
    found = find_timex("Senin, 12 Mei 2019", DCT, warnings=warnings)
    assert found[0].value == "2019-05-12"  # 12 May 2019 was a Sunday
    assert warnings and "weekday conflict" in warnings[0]


def test_timex_typo_weekday_keeps_dct_year():
    # no year near the DCT has 30 March on a Thursday: a typo, not evidence for another year
    warnings: list[str] = []
    found = find_timex("kata dia, Kamis (30/3)", "2019-03-28", warnings=warnings)
    assert found[0].value == "2019-03-30"
    assert "weekday conflict" in warnings[0]


@pytest.mark.parametrize("text,dct,value", [
    # 28 October 2022 was a Friday; two days before a Sunday paper the day is right, the weekday slipped
    ("diserang pada Sabtu (28/10).", "2022-10-30", "2022-10-28"),
    ("tiba Selasa (2/3).", "2021-03-05", "2021-03-02"),  # a Tuesday in 2021: fits
])
def test_timex_weekday_slip_near_the_dct_keeps_its_year(text, dct, value):
    warnings: list[str] = []
    assert find_timex(text, dct, warnings=warnings)[0].value == value
    assert not any("conflicts with" in w for w in warnings)


@pytest.mark.parametrize(
    "text,dct,value",
    [
        ("Latihan diperkirakan selesai pada Minggu.", "2022-02-18", "2022-02-20"),  # expected: future
        ("Latihan selesai pada Minggu.", "2022-02-18", "2022-02-13"),  # reported: past
        ("Pada Minggu lalu, dia tiba.", "2022-02-18", "2022-02-13"),  # capitalised mid-sentence: Sunday
        ("Minggu lalu, dia tiba.", "2022-02-18", "2022-W06"),  # sentence-initial: last week
        ("pada 5 Januari", "2014-12-28", "2015-01-05"),  # days just ahead count as coming
        ("telah tiba pada 5 Januari", "2014-12-28", "2014-01-05"),  # telah: past
    ],
)
def test_timex_direction_from_tense_and_minggu_sense(text, dct, value):
    assert find_timex(text, dct)[-1].value == value


def test_timex_without_dct_resolves_only_absolute_values():
    found = find_timex("Rabu, 1 Februari 2023 dan kemarin", None)
    assert [t.value for t in found] == ["2023-02-01", None]
    # nothing anchors the year of a day and month when no date of the text is written in full
    assert [t.value for t in find_timex("Selasa (14/5) lalu", None)] == ["XXXX-05-14"]


def test_timex_bare_weekday_takes_the_date_the_article_gave_it():
    # published Wednesday; the meeting was dated Thursday 27/11 earlier, so "Kamis" is that day
    text = "OPEC akan bertemu Kamis (27/11/2014). Mereka memotong produksi pada pertemuan Kamis di Wina."
    assert [t.value for t in find_timex(text, "2014-11-26")] == ["2014-11-27", "2014-11-27"]


@pytest.mark.parametrize(
    "text,dct,value",
    [
        ("libur Natal", "2014-12-28", "2014-12-25"),
        ("menjelang Tahun Baru", "2014-12-28", "2015-01-01"),  # just ahead: the coming New Year
        ("malam Tahun Baru", "2014-12-28", "2014-12-31TNI"),  # the night before
        ("mudik Lebaran 2014", "2014-12-28", "2014"),  # movable feast: the year only
    ],
)
def test_timex_holidays(text, dct, value):
    assert find_timex(text, dct)[-1].value == value


def test_timex_future_cue_of_another_verb_does_not_move_a_dated_weekday_years_away():
    # "akan" belongs to the second clause; 6 May 2019 (a Monday) is the meant date, no re-anchoring
    warnings: list[str] = []
    text = "Pompeo bertemu Lavrov pada Senin 6 Mei lalu dan akan ke Sochi. Mereka akan bertemu lagi Senin (6/5)."
    assert [t.value for t in find_timex(text, DCT, warnings=warnings)] == ["2019-05-06", "2019-05-06"]
    assert warnings == []


@pytest.mark.parametrize(
    "text,dct,values",
    [
        # the coming New Year's Day, 3 days after the DCT, across the year boundary
        ("Kamis (1/1) pukul 10.00", "2014-12-29", ["2015-01-01T10:00"]),
        ("kata dia, Selasa (30/12)", "2015-01-02", ["2014-12-30"]),
        # a clock time takes the date written right after it
        ("sekitar pukul 05.35 WIB, Minggu (28/12/2014) pagi", "2014-12-29", ["2014-12-28T05:35", "2014-12-28TMO"]),
    ],
)
def test_timex_year_boundary_and_clock_dates(text, dct, values):
    assert [t.value for t in find_timex(text, dct)] == values
