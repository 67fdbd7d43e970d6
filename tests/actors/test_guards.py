"""Guards: capitalised common words and titles are never people; short surnames never fuzzy-match words."""

from __future__ import annotations

import pytest
from rapidfuzz import process
from rapidfuzz.distance import OSA

from warta.actors import gazetteer, link
from warta.actors.text import common_words
from warta.article import Article

# Sentence-initial words of Indonesian news: connectives, adverbs, bare titles.  Several are not in
# common_words.txt (Presiden, Menteri, Kepala: capitalised as titles most of the time), so these
# cases check the role words and the other guards as well as the word list.
OPENERS = ["Pantas", "Sempat", "Kemudian", "Namun", "Selain", "Menurut", "Sementara", "Bahkan", "Setelah",
           "Padahal", "Jika", "Meski", "Presiden", "Menteri", "Juru", "Kepala", "Ketua", "Sekretaris",
           "Perdana", "Wakil", "Selanjutnya", "Sebelumnya", "Akibatnya", "Adapun", "Tak", "Usai", "Dalam",
           "Sedangkan", "Pihaknya", "Kini", "Lantas", "Walau", "Terkait", "Sejak", "Saat"]


@pytest.fixture(scope="module")
def nlp():
    from warta import pipeline

    return pipeline.nlp()


def _link(nlp, text: str, published: str = "2019-05-14") -> Article:
    article = Article(body=text, published=published)
    doc = nlp(text)
    article.sentences = [[s.start_char, s.end_char] for s in doc.sents]
    return link(article, doc)


def _people(article: Article) -> dict[str, str]:
    return {m.text: e.name for e in article.entities if e.type == "PER" for m in e.mentions}


@pytest.mark.parametrize("word", OPENERS)
def test_sentence_initial_common_word_is_never_a_person(nlp, word):
    text = (f"Rapat itu berlangsung hingga malam. {word} para diplomat meninggalkan ruangan tanpa komentar. "
            f"{word} Lavrov menolak usul tersebut.")
    people = _people(_link(nlp, text))
    assert not [s for s in people if word in s.split()], people
    # the surname after the word is still Lavrov, and the word did not join his name
    assert people.get("Lavrov") == "Sergey Lavrov", people


@pytest.mark.parametrize("word", ["Presiden", "Menteri", "Juru bicara", "Kepala", "Ketua", "Wakil", "Perdana Menteri"])
def test_bare_title_without_country_links_no_person(nlp, word):
    # no country, no name: the title alone must not become (or resolve to) a person
    article = _link(nlp, f"{word} mengatakan bahwa pertemuan itu penting bagi kedua negara.")
    assert not [e for e in article.entities if e.type == "PER"], article.entities


def _near_misses() -> list[tuple[str, str]]:
    """Common words of 5+ letters one edit away from the surname of a known official (Pantas ~ Panta?)."""
    gaz = gazetteer.load()
    surnames = [s for s in gaz.person_tokens if len(s) <= 7]
    out = []
    for word in sorted(w for w in common_words() if 5 <= len(w) <= 7 and w.isalpha()):
        hits = process.extract(word, surnames, scorer=OSA.distance, score_cutoff=1, limit=1)
        if hits and hits[0][0] != word and hits[0][0][:1] == word[:1]:
            out.append((word.capitalize(), hits[0][0]))
    return out


NEAR = _near_misses()


@pytest.mark.skipif(not NEAR, reason="no common word is one edit from a surname")
def test_short_surnames_never_fuzzy_match_common_words():
    # each common word, capitalised mid-sentence as in a headline, next to a known person for the
    # typo pool: none may be linked to anyone (surnames with one edit away: Pompeo/Pomepo is allowed)
    wrong = []
    for word, surname in NEAR:
        text = f"Menlu AS Mike Pompeo bertemu Putin. Kabar {word} Itu Beredar luas di media."
        article = link(Article(body=text, published="2019-05-14"))
        for ent in article.entities:
            if ent.type == "PER" and any(m.text == word for m in ent.mentions):
                wrong.append((word, surname, ent.name))
    assert not wrong, wrong[:10]
    assert len(NEAR) >= 5  # the table is not empty by accident: words like these exist


def test_real_typo_still_links():
    # the guard must not kill the feature it guards: Pomepo is one swap from Pompeo
    article = link(Article(body="Menlu AS Mike Pompeo tiba. Kata Pomepo, Rusia harus keluar.", published="2019-05-14"))
    assert any(m.text == "Pomepo" for e in article.entities if e.name == "Mike Pompeo" for m in e.mentions)


def test_indonesian_names_are_no_typos_of_indonesian_officials():
    # Indonesian names share their parts: Soeharto is not Rini Soemarno, Subardi is not Budi Karya Sumadi
    article = link(Article(body="Setelah Soeharto jatuh pada 1998, Indonesia berubah. Anggota DPR Subardi "
                                "mengatakan hal itu di Jakarta.", published="2024-05-14"))
    linked = {m.text: e.name for e in article.entities for m in e.mentions}
    assert linked.get("Soeharto") in (None, "Soeharto") and linked.get("Subardi") in (None, "Subardi")
