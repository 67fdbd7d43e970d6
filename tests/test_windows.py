"""Long documents go window by window: offsets stay in body coordinates, short ones are untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta import pipeline, windows
from warta.article import Article, Entity, Event, EventActor, Mention, Quote, Span, Timex

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _examples_text(size: int) -> str:
    """The team's example articles (plain text), paragraph by paragraph, repeated to ``size`` characters."""
    parts = []
    for path in sorted(EXAMPLES.glob("0*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) > 8]
        parts.append("\n".join(lines))
    text = "\n".join(parts)
    return (text + "\n") * (size // (len(text) + 1) + 1)


@pytest.mark.parametrize("text,size", [
    ("a" * 100, 1000),  # short: one window
    ("Kalimat pertama.\n" * 500, 1000),  # paragraphs
    ("Kalimat satu. " * 500, 1000),  # one paragraph of sentences
    ("kata " * 1000, 1000),  # no sentence end
    ("x" * 5000, 1000),  # no space at all: a hard cut
])
def test_spans_cover_the_text_in_bounded_windows(text, size):
    spans = windows.spans(text, size)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - s <= size for s, e in spans)


def test_spans_cut_at_paragraph_then_sentence_breaks():
    text = "Satu dua tiga.\n" * 100
    assert all(text[e - 1] == "\n" for _, e in windows.spans(text, 200)[:-1])
    text = "Satu dua tiga. " * 100
    assert all(text[e - 2:e] == ". " for _, e in windows.spans(text, 200)[:-1])


def test_merge_shifts_everything_into_body_coordinates():
    body = "Aaa Joko. " * 10
    doc = Article(body=body)
    doc.entities = [Entity("per:joko", "Joko", "PER", mentions=[Mention(4, 8, "Joko")])]
    win = windows.part(doc, 50, 100)
    assert win.body == body[50:100] and win.id == doc.id and win.entities == []
    win.sentences = [[0, 9]]
    win.entities = [Entity("per:joko", "Joko", "PER", mentions=[Mention(4, 8, "Joko")]),
                    Entity("gpe:IDN", "Indonesia", "GPE", mentions=[Mention(0, 3, "Aaa")])]
    win.timex = [Timex(0, 3, "Aaa", "DATE", "2019")]
    win.quotes = [Quote("Joko", 4, 8, True)]
    win.events = [Event("CONSULT", Span(0, 3, "Aaa"), [0, 9])]
    windows.merge(doc, win, 50)
    assert doc.sentences == [[50, 59]]
    assert [(m.start, m.end) for m in doc.entities[0].mentions] == [(4, 8), (54, 58)]
    assert doc.entities[1].mentions[0].start == 50
    assert (doc.timex[0].start, doc.quotes[0].start, doc.events[0].trigger.start, doc.events[0].sentence) == \
        (50, 54, 50, [50, 59])
    for ent in doc.entities:
        assert all(body[m.start:m.end] == m.text for m in ent.mentions)


def test_a_long_document_is_annotated_window_by_window_in_body_coordinates():
    body = _examples_text(3 * windows.WINDOW + 5_000)
    article = Article(body=body, published="2023-07-14T10:00:00+07:00")
    out = pipeline.annotate(article)
    assert len(windows.spans(body)) >= 4
    assert out.body == body
    assert out.sentences == sorted(out.sentences)
    assert all(0 <= s < e <= len(body) for s, e in out.sentences)
    assert out.sentences[-1][1] > len(body) - 2_000  # the last window was read too
    mentions = [m for ent in out.entities for m in ent.mentions]
    assert mentions and all(body[m.start:m.end] == m.text for m in mentions)
    assert len({ent.id for ent in out.entities}) == len(out.entities)  # one entity per id across windows
    assert out.timex and all(body[t.start:t.end] == t.text for t in out.timex)
    assert out.quotes and all(body[q.start:q.end] == q.text for q in out.quotes)
    assert out.events and all(body[e.trigger.start:e.trigger.end] == e.trigger.text for e in out.events)
    assert out.summary is not None
    assert not [w for w in out.warnings if "failed" in w]


def test_a_short_document_is_one_window():
    body = _examples_text(5_000)[:5_000]
    assert windows.spans(body) == [(0, len(body))]


def test_a_ten_megabyte_body_is_cut_into_windows_the_parser_accepts():
    # spaCy refuses texts over nlp.max_length (1,000,000 characters: [E088]); the limit of an input is 10 MB
    from warta.lang import blank

    body = _examples_text(10_000_000)[:10_000_000]
    spans = windows.spans(body)
    assert spans[-1][1] == len(body)
    assert max(e - s for s, e in spans) <= windows.WINDOW < blank().max_length


def test_a_bare_name_joins_the_full_name_of_another_window():
    body = "x" * 100
    doc = Article(body=body)
    full = Entity("per:retno", "Retno Marsudi", "PER", country="IDN", linked=True, mentions=[Mention(0, 13, "Retno Marsudi")])
    putin = Entity("per:putin", "Vladimir Putin", "PER", country="RUS", linked=True, mentions=[Mention(20, 34, "Vladimir Putin")])
    bare = Entity("per:new1", "Retno", "PER", mentions=[Mention(50, 55, "Retno")])
    given = Entity("per:new2", "Vladimir", "PER", mentions=[Mention(60, 68, "Vladimir")])  # a foreigner: surname only
    doc.entities = [full, putin, bare, given]
    doc.quotes = [Quote("Kami siap", 70, 79, True, speaker="per:new1")]
    doc.events = [Event("CONSULT", Span(80, 85, "temui"), [0, 100], source=EventActor("per:new1", "Retno"))]
    windows.join_bare_names(doc)
    assert [e.id for e in doc.entities] == ["per:retno", "per:putin", "per:new2"]
    assert [(m.start, m.via) for m in doc.entities[0].mentions] == [(0, None), (50, "partial")]
    assert doc.quotes[0].speaker == "per:retno" and doc.events[0].source.entity == "per:retno"


@pytest.mark.parametrize("n", [1, 4])
def test_the_language_layer_never_sees_more_than_a_window(monkeypatch, n):
    # a pathological body (one run of quote marks: no line, sentence end or space to cut at) of n and
    # 4n windows: the parser is handed pieces of at most WINDOW characters covering the body once,
    # and the number of pieces grows with the body, so the work per piece stays bounded
    body = "“" * (n * 2 * windows.WINDOW + 123)
    seen: list[str] = []
    monkeypatch.setattr(pipeline, "analyse", lambda part: seen.append(part.body))
    pipeline.annotate(Article(body=body), stages=())
    assert "".join(seen) == body
    assert max(len(s) for s in seen) <= windows.WINDOW
    assert len(seen) == 2 * n + 1
