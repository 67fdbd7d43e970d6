"""Hand-written Indonesian articles for the corpus stages: two stories, a near-miss, a copy, a stray."""

from __future__ import annotations

import re

import pytest

from warta.article import Article, Entity, Event, EventActor, Mention, RawDocument, Source, Span, Timex
from warta.store import Store

# Two outlets report one meeting (2023-05-10); a third copies the first almost word for word.
MEETING_A = (
    "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang Yoshimasa Hayashi di Tokyo, "
    "Rabu (10/5/2023). Kedua menteri membahas kerja sama perikanan, energi bersih dan keamanan maritim "
    "di Laut China Selatan. Retno mengatakan Indonesia dan Jepang sepakat memperkuat patroli bersama "
    "serta pelatihan penjaga pantai. Hayashi menyambut baik usulan itu dan berjanji mengirim kapal latih "
    "ke Bitung tahun depan."
)
MEETING_B = (
    "Retno Marsudi dan Yoshimasa Hayashi menggelar pertemuan bilateral di Tokyo pada Rabu (10/5/2023). "
    "Dalam pertemuan itu kedua menlu sepakat memperkuat kerja sama keamanan maritim dan patroli bersama "
    "di Laut China Selatan. Menlu Jepang juga berjanji mengirim kapal latih penjaga pantai ke Bitung. "
    "Selain itu kerja sama energi bersih dan perikanan ikut dibahas."
)
MEETING_COPY = MEETING_A.replace("Kedua menteri", "Kedua diplomat itu").replace("tahun depan", "pada 2024")
# The same two ministers meet again a year later: another story.
MEETING_NEXT_YEAR = (
    "Menteri Luar Negeri Retno Marsudi kembali bertemu Menteri Luar Negeri Jepang Yoshimasa Hayashi di "
    "Tokyo, Senin (13/5/2024). Kedua menteri membahas kerja sama perikanan, energi bersih dan keamanan "
    "maritim. Retno mengatakan patroli bersama penjaga pantai berjalan baik sejak tahun lalu."
)
FLOOD = (
    "Banjir merendam ratusan rumah warga di Kecamatan Sungai Raya, Kalimantan Barat, Kamis (11/5/2023). "
    "Badan Penanggulangan Bencana Daerah mencatat air setinggi satu meter menggenangi permukiman setelah "
    "hujan deras mengguyur sejak malam. Warga mengungsi ke masjid dan balai desa terdekat. Petugas "
    "membagikan makanan siap saji dan selimut kepada para pengungsi."
)
FLOOD_B = (
    "Ratusan rumah di Sungai Raya, Kalimantan Barat, terendam banjir setinggi satu meter pada Kamis "
    "(11/5/2023) setelah hujan deras sejak malam. BPBD membuka posko pengungsian di masjid dan balai desa "
    "serta membagikan makanan siap saji dan selimut kepada warga yang mengungsi."
)


def _consult(body: str, trigger: str, date: str) -> Event:
    start = body.index(trigger)
    return Event(type="CONSULT", trigger=Span(start, start + len(trigger), trigger), sentence=[0, body.index(".") + 1],
                 source=EventActor("per:retno", "Retno Marsudi", "IDNGOV"),
                 target=EventActor("per:hayashi", "Yoshimasa Hayashi", "JPNGOV"),
                 date=date, date_precision="day", quad_class="verbal-cooperation", confidence=0.9)


def _sentences(body: str) -> list[list[int]]:
    spans, start = [], 0
    for k, ch in enumerate(body):
        if ch == "." and (k + 1 == len(body) or body[k + 1] == " "):
            spans.append([start, k + 1])
            start = k + 2
    return spans


def make(body: str, *, outlet: str, published: str | None, day: str, url: str, event: str | None = None,
         title: str | None = None) -> Article:
    """An article as the pipeline would store it: sentences, a dated timex, the ministers, the meeting."""
    found = re.search(r"[A-Z][a-z']+ \(\d{1,2}/\d{1,2}/\d{4}\)", body)  # "Rabu (10/5/2023)", as the time stage tags it
    art = Article(body=body, title=title or body.split(",")[0], outlet=outlet, published=published,
                  source=Source(url=url), sentences=_sentences(body),
                  timex=[Timex(found.start(), found.end(), found.group(0), "DATE", day)])
    if "Retno" in body:
        art.entities = [
            Entity("per:retno", "Retno Marsudi", "PER", "IDN", "IDNGOV", True, mentions=[Mention(0, 5, "Retno")]),
            Entity("per:hayashi", "Yoshimasa Hayashi", "PER", "JPN", "JPNGOV", True, mentions=[Mention(0, 5, "Hayashi")]),
        ]
    if event:
        art.events = [_consult(body, event, day)]
    from warta.summary import annotate

    return annotate(art)


def example_articles() -> dict[str, Article]:
    """The six hand-written articles by name."""
    return {
        "a": make(MEETING_A, title="Retno Bertemu Menlu Jepang di Tokyo, Bahas Patroli Bersama", outlet="Kompas.com", published="2023-05-10", day="2023-05-10", url="https://kompas.com/a", event="bertemu"),
        "b": make(MEETING_B, title="Indonesia-Jepang Sepakat Perkuat Keamanan Maritim", outlet="detikcom", published=None, day="2023-05-10", url="https://detik.com/b", event="pertemuan"),
        "copy": make(MEETING_COPY, title="Menlu RI dan Jepang Bertemu di Tokyo", outlet="Tribunnews", published="2023-05-11", day="2023-05-10", url="https://tribunnews.com/c", event="bertemu"),
        "next": make(MEETING_NEXT_YEAR, title="Setahun Kemudian, Retno Kembali Temui Hayashi", outlet="Antara", published="2024-05-13", day="2024-05-13", url="https://antaranews.com/n", event="bertemu"),
        "flood": make(FLOOD, title="Banjir Rendam Ratusan Rumah di Sungai Raya", outlet="Antara", published="2023-05-11", day="2023-05-11", url="https://antaranews.com/f"),
        "flood_b": make(FLOOD_B, title="BPBD Buka Posko Pengungsian Banjir Sungai Raya", outlet="Suara", published="2023-05-12", day="2023-05-11", url="https://suara.com/f"),
    }


@pytest.fixture
def articles() -> dict[str, Article]:
    return example_articles()


def save(store: Store, arts) -> None:
    for art in arts:
        store.save(art, RawDocument(source=Source(url=art.source.url), text=art.body, raw=art.body.encode()))


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "stories.db") as store:
        yield store
