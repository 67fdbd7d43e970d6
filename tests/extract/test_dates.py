"""The date-line grammar on date lines as a dozen outlets print them."""

from __future__ import annotations

import pytest

from warta.extract.dates import FoundDate, date_from_url, parse_date_line, pick_published

T = "2019-03-28T23:08:00+07:00"


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Kompas.com - 28/03/2019, 23:08 WIB", T),  # Kompas: outlet, numeric day-first
        ("Kamis, 28/03/2019 23:08 WIB", T),  # Jurnas
        ("Senin, 12 Mei 2019 09:04 WIB", "2019-05-12T09:04:00+07:00"),  # Detik
        ("Kamis, 28 Mar 2019 23:08 WIB", T),  # CNN Indonesia: abbreviated month
        ("Kamis, 28 Maret 2019 23:08 WIB", T),  # Tempo, Antara, Tribunnews
        ("Kamis 28 Maret 2019 23:08 WIB", T),  # Okezone: no comma
        ("12 Mei 2019, 09:04 WIB", "2019-05-12T09:04:00+07:00"),  # Liputan6
        ("Kamis 28 Mar 2019 23:08 WIB", T),  # Republika
        ("28 Maret 2019 23:08 WIB", T),  # Kumparan
        ("Kamis, 28 Maret 2019 | 23:08 WIB", T),  # Suara, Kompas article page
        ("Jumat, 18 Februari 2022 - 11:10:00 WIB", "2022-02-18T11:10:00+07:00"),  # iNews: seconds
        ("Kamis, 28 Maret 2019 - 23:08", T),  # Sindonews: no zone printed -> WIB
        ("Kamis, 28 Maret 2019 pukul 23.08 WIB", T),  # "pukul" and a dot in the time
        ("Diterbitkan 12 Mei 2019, 09:04 WIB", "2019-05-12T09:04:00+07:00"),  # Liputan6 label
        ("Jumat, 29 Mar 2019 00:08 WITA", "2019-03-29T00:08:00+08:00"),  # central zone
        ("Jumat, 29 Mar 2019 01:08 WIT", "2019-03-29T01:08:00+09:00"),  # eastern zone
        ("Rabu, 7 Agt 2024 10:00 WIB", "2024-08-07T10:00:00+07:00"),  # Agt
        ("Rabu, 7 Ags 2024 10:00 WIB", "2024-08-07T10:00:00+07:00"),  # Ags
        ("Senin, 2 Sept 2024 08:15 WIB", "2024-09-02T08:15:00+07:00"),  # Sept
        ("Senin, 14 Okt 2024 08:15 WIB", "2024-10-14T08:15:00+07:00"),  # Okt
        ("Senin, 30 Des 2024 08:15 WIB", "2024-12-30T08:15:00+07:00"),  # Des
        ("Thursday, 28 March 2019 23:08 WIB", T),  # English month name (Tempo English)
        ("March 28, 2019 11:08 PM", T),  # English order and 12-hour clock
        ("Rabu, 1 Februari 2023", "2023-02-01"),  # date only: no time invented
        ("Update: 28/03/2019, 23:08 WIB", T),
        ("2019-03-28T23:08:00+07:00", T),  # machine date
    ],
)
def test_date_line_normalises_outlet_formats(line, expected):
    found = parse_date_line(line)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "line",
    [
        # a story sentence that mentions a date is not a date line
        "Menteri Luar Negeri Rusia Sergey Lavrov, pada Selasa, 31 Januari 2023, mengungkapkan pesan itu.",
        "Para personel tersebut tiba di bandara utama di luar Caracas pada Sabtu (23/3/2019) lalu.",
        "Rapat digelar pada 31 Februari 2023 pukul 10.00 WIB",  # no such day
        "Kamis, Maret 2019",  # no day
    ],
)
def test_date_line_ignores_sentences_and_impossible_dates(line):
    assert parse_date_line(line) is None


def test_first_publication_wins_over_update():
    found = [
        FoundDate("2019-05-12T11:30:00+07:00", "updated", 0, 0),
        FoundDate("2019-05-12T09:04:00+07:00", "published", 0, 0),
    ]
    assert pick_published(found) == "2019-05-12T09:04:00+07:00"
    assert parse_date_line("oleh Liputan6.com diperbarui 12 Mei 2019, 09:04 WIB").kind == "updated"


@pytest.mark.parametrize("url,value", [
    ("https://rmol.id/dunia/read/2022/10/30/552363/judul", "2022-10-30"),
    ("https://www.cnbcindonesia.com/news/20240503132707-4-123/judul", "2024-05-03T13:27:07+07:00"),
    ("https://example.id/20220327/judul", "2022-03-27"),
    ("https://news.detik.com/berita/d-7560273/judul", None),  # an article number, not a date
    ("https://example.id/read/2023/02/30/judul", None),  # no such day
    ("https://example.id/judul?date=2023/07/30/", None),  # the query is not the path
    (None, None),
])
def test_date_from_url(url, value):
    assert date_from_url(url) == value
