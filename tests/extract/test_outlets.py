"""Outlet detection: by URL domain (subdomains too), by the dateline's agency, by a site-name line."""

from __future__ import annotations

import pytest

from warta.article import RawDocument, Source
from warta.extract import extract
from warta.extract.outlets import registry
from warta.extract.resources import load

STORY = "Pemerintah menaikkan harga BBM mulai pekan depan, kata menteri dalam jumpa pers di kantornya."
TITLE = "Pemerintah Naikkan Harga BBM Pekan Depan"
# The outlets the extraction issue names: each must be in the registry.
NAMED = ("detikNews", "Kompas.com", "CNN Indonesia", "Liputan6.com", "Tribunnews.com", "Okezone",
         "SINDOnews", "Suara.com", "IDN Times")


def test_registry_covers_the_named_outlets():
    names = {entry["name"] for entry in load("outlets.yaml")}
    assert set(NAMED) <= names


@pytest.mark.parametrize(
    "kind,given,outlet",
    [
        # --- URL domain; any subdomain (channel, region, mobile, AMP) belongs to the outlet
        ("url", "https://news.detik.com/berita/d-7000001/kpu", "detikNews"),
        ("url", "https://finance.detik.com/berita-ekonomi-bisnis/d-1/x", "detikNews"),  # one Detik outlet
        ("url", "https://www.detik.com/jabar/berita/d-2/x", "detikNews"),
        ("url", "https://internasional.kompas.com/read/2019/03/28/x", "Kompas.com"),
        ("url", "https://amp.kompas.com/nasional/read/2024/01/01/x", "Kompas.com"),
        ("url", "https://www.kompas.id/baca/polhuk/2024/01/01/x", "Kompas.com"),
        ("url", "https://www.cnnindonesia.com/internasional/20240312/x", "CNN Indonesia"),
        ("url", "https://m.liputan6.com/news/read/5900001/x", "Liputan6.com"),
        ("url", "https://www.liputan6.com/global/read/1/x", "Liputan6.com"),
        ("url", "https://www.tribunnews.com/nasional/2025/03/03/x", "Tribunnews.com"),
        ("url", "https://jateng.tribunnews.com/2025/03/03/x", "Tribunnews.com"),  # regional Tribun site
        ("url", "https://nasional.okezone.com/read/2025/03/06/337/3100001/x", "Okezone"),
        ("url", "https://news.okezone.com/read/2025/03/06/18/1/x", "Okezone"),
        ("url", "https://nasional.sindonews.com/read/1/12/x", "SINDOnews"),
        ("url", "https://www.suara.com/news/2025/03/10/x", "Suara.com"),
        ("url", "https://jatim.suara.com/read/2025/03/10/x", "Suara.com"),
        ("url", "https://www.idntimes.com/news/indonesia/x", "IDN Times"),
        ("url", "https://sumut.idntimes.com/news/sumut/x", "IDN Times"),
        ("url", "https://en.tempo.co/read/1/x", "Tempo English"),  # the longer domain wins over tempo.co
        ("url", "https://nasional.tempo.co/read/1/x", "Tempo.co"),
        ("url", "https://www.antaranews.com/berita/1/x", "ANTARA"),
        ("url", "https://www.bbc.com/indonesia/articles/x", "BBC News Indonesia"),  # by path
        ("url", "https://www.bbc.com/news/world-1", None),  # BBC in English is not an Indonesian outlet
        ("url", "www.suara.com/news/x", "Suara.com"),  # no scheme
        ("url", "https://notkompas.com/x", None),  # a lookalike domain is not a subdomain
        ("url", "https://example.org/x", None),
        # --- the dateline's agency
        ("dateline", "JAKARTA, KOMPAS.com -", "Kompas.com"),
        ("dateline", "Jakarta, CNN Indonesia --", "CNN Indonesia"),
        ("dateline", "Liputan6.com, Jakarta -", "Liputan6.com"),
        ("dateline", "TRIBUNNEWS.COM, JAKARTA -", "Tribunnews.com"),
        ("dateline", "Suara.com -", "Suara.com"),
        ("dateline", "Medan, IDN Times -", "IDN Times"),
        ("dateline", "TEMPO.CO, Jakarta -", "Tempo.co"),
        ("dateline", "Surabaya (ANTARA) -", "ANTARA"),
        ("dateline", "REPUBLIKA.CO.ID, JAKARTA --", "Republika"),
        ("dateline", "jpnn.com, JAKARTA -", "JPNN.com"),
        ("dateline", "Bisnis.com, JAKARTA -", "Bisnis.com"),
        ("dateline", "WASHINGTON, iNews.id -", "iNews.id"),
        ("dateline", "Jakarta, CNBC Indonesia -", "CNBC Indonesia"),
        ("dateline", "VIVA Dunia –", "VIVA.co.id"),  # agency and channel, no place
        ("dateline", "JAKARTA -", None),  # Okezone/Sindonews/Detik print the place only
        # --- a site-name line of a plain-text copy (logo text, header)
        ("site", "detikNews", "detikNews"),
        ("site", "Okezone", "Okezone"),
        ("site", "SINDOnews.com", "SINDOnews"),
        ("site", "IDN Times", "IDN Times"),
        ("site", "Tribunnews.com", "Tribunnews.com"),
        ("site", "CNN Indonesia", "CNN Indonesia"),
        ("site", "iNews Network", "iNews.id"),  # the outlet's name and a site word
    ],
)
def test_outlet_detected(kind, given, outlet):
    if kind == "url":
        found = registry().from_url(given)
        assert (found.name if found else None) == outlet
        return
    if kind == "dateline":
        text = f"{TITLE}\n\n{given} {STORY}"
    else:
        text = f"{given}\n\n{TITLE}\n\nJAKARTA - {STORY}"
    assert extract(RawDocument(Source(path="a.txt"), text=text)).outlet == outlet
