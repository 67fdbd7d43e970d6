"""warta.stemming gives Sastrawi's roots, word for word.

On every word form of the training data in ../shared (UD train files, the NER train folds,
realnews_train and realnews_dev, the 300 Detik articles; skipped when ../shared is absent), and on
forms made from Sastrawi's own dictionary with every prefix and suffix its rules know (always run).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from warta.stemming import LiteralStemmer, LiteralVisitors

SHARED = Path(__file__).resolve().parents[2] / "../shared"
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
PREFIXES = ["", "di", "ke", "se", "ber", "be", "bel", "ter", "te", "me", "mem", "men", "meng", "menge", "meny",
            "mempe", "memper", "pe", "per", "pem", "pen", "peng", "penge", "peny", "pel", "ku", "kau", "diper"]
SUFFIXES = ["", "kan", "an", "i", "nya", "lah", "kannya", "annya", "ku", "mu", "isme", "isasi", "-nya", "pun"]


UD_TRAIN = (SHARED / "datasets/ud/csui_id_csui-ud-train.conllu", SHARED / "datasets/ud/old21_id-ud-train.conllu")
NER = SHARED / "datasets/ner"
PASSAGES = (SHARED / "corpus/realnews_train/passages.jsonl", SHARED / "corpus/realnews_dev/passages.jsonl")
SUMMARIES = SHARED / "corpus/summaries_dev/detik_dev_300.csv"
READ = (*UD_TRAIN, NER, *PASSAGES, SUMMARIES)  # every path shared_vocabulary() reads


def shared_vocabulary() -> set[str]:
    """The lower-case word forms of the training data in ../shared (no test split)."""
    words: set[str] = set()
    for path in UD_TRAIN:
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) > 2 and cells[0].isdigit():
                words.update(WORD.findall(cells[1].lower()))
    for path in sorted(NER.glob("*/*train*")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words.update(WORD.findall(line.split("\t")[0].lower()))
    for path in PASSAGES:
        for line in path.read_text(encoding="utf-8").splitlines():
            words.update(WORD.findall(json.dumps(json.loads(line), ensure_ascii=False).lower()))
    csv.field_size_limit(1 << 30)
    with SUMMARIES.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            words.update(WORD.findall(" ".join(row).lower()))
    return words


def made_words() -> list[str]:
    """Every 150th root of Sastrawi's dictionary with each prefix and suffix, and doubled (plural) forms."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    roots = sorted(w for w in StemmerFactory().get_words() if w)[::150]
    words = [p + r + s for r in roots for p in PREFIXES for s in SUFFIXES[:5]]
    words += [r + s for r in roots for s in SUFFIXES[5:]]
    words += [w for r in roots[::4] for w in (f"{r}-{r}", f"ber{r}-{r}an", f"{r}-me{r}", f"{r}-{r}-nya")]
    return words


def differences(words) -> list[tuple[str, str, str]]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    original, literal = StemmerFactory().create_stemmer(), LiteralStemmer()
    return [(w, a, b) for w in words if (a := original.stem(w)) != (b := literal.stem(w))]


def test_same_roots_as_sastrawi_on_made_words():
    words = made_words()
    assert len(words) > 20_000
    assert differences(words) == []


def test_same_roots_as_sastrawi_on_the_training_vocabulary():
    for path in READ:
        if not path.exists():
            pytest.skip(f"{path} is absent")
    words = sorted(shared_vocabulary())
    assert len(words) > 30_000
    assert differences(words) == []


def test_a_rule_skipped_for_its_start_could_not_have_acted():
    """The first-letter index and the starts only leave out rules whose disambiguators all give None."""
    provider = LiteralVisitors()
    rules = provider.prefix_visitors[1:]
    for word in made_words()[::7]:
        offered = [v for v in provider.by_letter.get(word[:1], ()) if v.start.match(word)]
        for rule in rules:
            if rule not in offered:
                assert all(d.disambiguate(word) is None for d in rule.disambiguators), (word, rule.start.pattern)


def test_known_roots():
    stemmer = LiteralStemmer()
    assert [stemmer.stem(w) for w in ["bertemu", "pertemuan", "mempengaruhi", "belajar", "berbalas-balasan"]] == [
        "temu", "temu", "pengaruh", "ajar", "balas"]
