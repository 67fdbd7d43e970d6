"""A small hand-made store for the serving tests: articles with entities, dates, quotes and events at real offsets.

No language model runs: the records are built by hand, each item found in its body by its text.
"""

from __future__ import annotations

from warta.article import QUAD_CLASS, Article, Entity, Event, EventActor, Mention, Quote, RawDocument, Source, Span, Timex
from warta.store import Store

SCRIPT_TITLE = "<script>window.__pwned = 1</script> Judul berbahaya"
SECOND_REPORT = "Retno dan Penny Wong Sepakat Perkuat Kerja Sama Maritim"  # the meeting again, from another outlet

# (surface, id, name, type, country, actor) of the actors the articles below mention
ACTORS = {
    "Retno Marsudi": ("per:retno-marsudi", "Retno Marsudi", "PER", "IDN", "IDNGOV"),
    "Retno": ("per:retno-marsudi", "Retno Marsudi", "PER", "IDN", "IDNGOV"),
    "Penny Wong": ("per:penny-wong", "Penny Wong", "PER", "AUS", "AUSGOV"),
    "Rusia": ("gpe:RUS", "Rusia", "GPE", "RUS", "RUS"),
    "Ukraina": ("gpe:UKR", "Ukraina", "GPE", "UKR", "UKR"),
    "Uni Eropa": ("org:EU", "Uni Eropa", "ORG", None, "EU"),
    "Indonesia": ("gpe:IDN", "Indonesia", "GPE", "IDN", "IDN"),
    "Jepang": ("gpe:JPN", "Jepang", "GPE", "JPN", "JPN"),
}


def _span(body: str, text: str, after: int = 0) -> tuple[int, int]:
    start = body.index(text, after)
    return start, start + len(text)


def make(body: str, *, title: str, outlet: str, published: str | None, surfaces=(), quotes=(), events=(),
         timex=()) -> Article:
    """An article whose items are located in ``body`` by their text."""
    art = Article(body=body, title=title, outlet=outlet, published=published, language="id",
                  sentences=[[0, len(body)]])
    by_id: dict[str, Entity] = {}
    for surface in surfaces:
        eid, name, type_, country, actor = ACTORS[surface]
        ent = by_id.setdefault(eid, Entity(id=eid, name=name, type=type_, country=country, actor=actor, linked=True))
        at = 0
        while (found := body.find(surface, at)) >= 0:
            ent.mentions.append(Mention(found, found + len(surface), surface))
            at = found + len(surface)
    art.entities = list(by_id.values())
    for text, value in timex:
        s, e = _span(body, text)
        art.timex.append(Timex(s, e, text, "DATE", value))
    for text, speaker, direct in quotes:
        s, e = _span(body, text)
        eid = ACTORS[speaker][0] if speaker in ACTORS else None
        art.quotes.append(Quote(text=text, start=s, end=e, direct=direct, speaker=eid, speaker_text=speaker, cue="kata"))
    for trigger, type_, source, target, date in events:
        s, e = _span(body, trigger)
        src, tgt = ACTORS[source], ACTORS[target]
        art.events.append(Event(
            type=type_, trigger=Span(s, e, trigger), sentence=[0, len(body)],
            source=EventActor(src[0], src[1], src[4]), target=EventActor(tgt[0], tgt[1], tgt[4]),
            date=date, date_precision="day" if date and len(date) == 10 else "month", quad_class=QUAD_CLASS[type_],
            confidence=0.8))
    return art


ARTICLES = [
    (make("JAKARTA - Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Australia Penny Wong di Jakarta, "
          "Selasa (14/3/2023). \"Kami sepakat memperkuat kerja sama maritim,\" kata Retno.",
          title="Menlu Retno Bertemu Menlu Australia", outlet="Kompas.com", published="2023-03-14T10:15:00+07:00",
          surfaces=["Retno Marsudi", "Penny Wong"],
          timex=[("Selasa (14/3/2023)", "2023-03-14")],
          quotes=[("Kami sepakat memperkuat kerja sama maritim,", "Retno", True)],
          events=[("bertemu", "CONSULT", "Retno Marsudi", "Penny Wong", "2023-03-14")]),
     "https://example.id/kompas/retno-wong"),
    (make("BRUSSEL - Uni Eropa menjatuhkan sanksi baru terhadap Rusia pada Kamis (23/2/2023). Rusia menyerang "
          "infrastruktur energi Ukraina sehari sebelumnya. Pertemuan para menteri Uni Eropa menyepakati paket itu.",
          title="Uni Eropa Jatuhkan Sanksi Baru terhadap Rusia", outlet="detikNews", published="2023-02-23T16:40:00+07:00",
          surfaces=["Uni Eropa", "Rusia", "Ukraina"],
          timex=[("Kamis (23/2/2023)", "2023-02-23")],
          events=[("menjatuhkan sanksi", "SANCTION", "Uni Eropa", "Rusia", "2023-02-23"),
                  ("menyerang", "ASSAULT", "Rusia", "Ukraina", "2023-02-22")]),
     "https://example.id/detik/sanksi"),
    (make("KIEV - Ukraina meminta bantuan pertahanan udara setelah Rusia kembali menyerang kota-kota pada Oktober 2022. "
          "Rusia menuduh Ukraina memprovokasi serangan itu.",
          title="Ukraina Minta Bantuan Pertahanan Udara", outlet="Republika", published="2022-10-10",
          surfaces=["Ukraina", "Rusia"],
          events=[("menyerang", "ASSAULT", "Rusia", "Ukraina", "2022-10"),
                  ("menuduh", "ACCUSE", "Rusia", "Ukraina", "2022-10-10"),
                  ("meminta bantuan", "REQUEST", "Ukraina", "Rusia", "2022-10-10")]),
     None),
    (make("TOKYO - Jepang mengirim tim penyelamat ke Turki. <b>Tebal</b> & \"kutip\" </div> tetap teks. "
          "Indonesia juga mengirim bantuan.",
          title=SCRIPT_TITLE, outlet="Tribunnews.com", published="2023-02-07T09:30:00+07:00",
          surfaces=["Jepang", "Indonesia"], quotes=[("<b>Tebal</b> & \"kutip\"", "Jepang", False)]),
     "https://example.id/tribun/gempa"),
    (make("JAKARTA - Menlu Retno Marsudi bertemu Menlu Australia Penny Wong di Gedung Pancasila, Jakarta, Selasa "
          "(14/3/2023). Kedua menteri luar negeri sepakat memperkuat kerja sama maritim dan keamanan kawasan.",
          title=SECOND_REPORT, outlet="ANTARA",
          published="2023-03-14T15:00:00+07:00", surfaces=["Retno Marsudi", "Penny Wong"],
          timex=[("Selasa (14/3/2023)", "2023-03-14")],
          events=[("bertemu", "CONSULT", "Retno Marsudi", "Penny Wong", "2023-03-14")]),
     "https://example.id/antara/retno-wong"),
    (make("Sebuah berita tanpa tanggal tentang pertemuan di Jakarta.", title="Berita Tanpa Tanggal", outlet="Suara.com",
          published=None), None),
]


def build(path) -> str:
    """Store the hand-made articles at ``path`` and run the corpus stages; returns the path as a string."""
    from warta import stories

    with Store.open(path) as store:
        for i, (article, url) in enumerate(ARTICLES):
            raw = RawDocument(source=Source(path=f"doc{i}.txt", url=url), text=article.body, raw=article.body.encode())
            store.save(article, raw)
        stories.update(store.engine)
    return str(path)


def by_title(title: str) -> Article:
    """The hand-made article with this title."""
    return next(a for a, _ in ARTICLES if a.title == title)
