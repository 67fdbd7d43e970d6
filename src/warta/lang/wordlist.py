"""Builds ``common_words.txt``: frequent Indonesian words that must never be linked to a person.

Run at build time, not at run time: ``python -m warta.lang.wordlist ../shared/datasets``.
A word is kept when it is frequent in the training corpora, written in lower case most of the
time (so names such as Rusia or Jokowi, almost always capitalised, stay out) and rarely inside a
gold NER span.  Only the derived word list ships, not the corpora.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

# training splits only: the dev/test splits stay unseen
SOURCES = (
    "ud/csui_id_csui-ud-train.conllu",
    "ud/old21_id-ud-train.conllu",
    "ner/nerui/nerui_train.01.tsv",
    "ner/nerugm/nerugm_train.01.tsv",
    "ner/nergrit/nergrit_ner-grit_train_preprocess.txt",
)


def _tokens(path: Path):
    """(form, inside_entity, sentence_initial) triples of a CoNLL-U or token-TAB-tag file."""
    initial = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            initial = True
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if path.suffix == ".conllu":
            if len(cols) > 2 and cols[0].isdigit():
                yield cols[1], False, initial
                initial = False
        elif len(cols) >= 2:
            yield cols[0], cols[-1].strip() != "O", initial
            initial = False


def derive(root: Path, *, size: int = 5000, min_count: int = 3) -> list[str]:
    """The ``size`` most frequent lower-case words of the corpora under ``root``."""
    total, inner, lower, in_entity = Counter(), Counter(), Counter(), Counter()
    for rel in SOURCES:
        for form, ent, initial in _tokens(root / rel):
            if not form.isalpha():
                continue
            key = form.lower()
            total[key] += 1
            in_entity[key] += ent
            # a sentence's first word is capitalised whatever it is (Namun, Sementara, Menurut):
            # only the other occurrences say whether a word is written as a name
            if not initial:
                inner[key] += 1
                lower[key] += form == key
    words = [
        w for w, n in total.most_common()
        if n >= min_count and inner[w] and lower[w] / inner[w] >= 0.6 and in_entity[w] / n < 0.2 and len(w) > 1
    ]
    return sorted(words[:size])


def main(argv: list[str] | None = None) -> None:
    """Write the word list beside this module."""
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0] if argv else "../shared/datasets")
    words = derive(root)
    out = Path(__file__).with_name("common_words.txt")
    header = (
        "# Frequent Indonesian words (lower-case in >=60% of uses inside a sentence, <20% inside gold NER spans).\n"
        "# Derived by warta.actors.wordlist from token counts of the training splits of UD Indonesian\n"
        "# CSUI and GSD v2.1 (CC BY-SA 4.0), IndoLEM NER UI/UGM and IndoNLU NERGrit; words only.\n"
    )
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{out}: {len(words)} words")


if __name__ == "__main__":
    main()
