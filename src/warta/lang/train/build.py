"""`warta train`: convert the corpora, train NER and syntax, assemble one pipeline, install it."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Callable

import spacy

from warta.errors import WartaError
from warta.lang.train import corpora
from warta.lang import model_path  # noqa: F401  (re-exported for the CLI)

log = logging.getLogger(__name__)

# The data each model is trained and tuned on (relative to the datasets folder).
UD_TRAIN = "ud/csui_id_csui-ud-train.conllu"  # current scheme, news
UD_OLD_TRAIN = "ud/old21_id-ud-train.conllu"  # GSD 2.1, harmonised to the current scheme
UD_DEV = "ud/gsd_id_gsd-ud-dev.conllu"  # current scheme; its test split is held out
NER_DEV = "ner/nerui/nerui_dev.01.tsv"


@dataclass
class BuildPlan:
    """Where the data is read from and the outputs go, and how long each model trains."""

    datasets: Path
    scratch: Path
    target: Path
    ner_steps: int = 8000
    ud_steps: int = 8000
    say: Callable[[str], None] = print
    outputs: dict[str, Path] = field(default_factory=dict)


def default_datasets() -> Path:
    """``../shared/datasets`` beside the repository (the checkout this package was installed from)."""
    return Path(__file__).resolve().parents[5] / "shared" / "datasets"


def check_datasets(datasets: Path) -> None:
    """Raise a clear error naming the first missing file the build needs."""
    if not datasets.is_dir():
        raise WartaError(f"{datasets}: datasets folder not found; pass --datasets DIR (see MODEL_CARD.md)")
    needed = [UD_TRAIN, UD_OLD_TRAIN, UD_DEV, NER_DEV]
    needed += [f"ner/{name}/{train}" for name, (train, _) in corpora.NER_SPLITS.items()]
    for rel in needed:
        if not (datasets / rel).is_file():
            raise WartaError(f"{datasets / rel}: missing; `warta train` needs it")


def convert(plan: BuildPlan) -> dict[str, Path]:
    """Write the training and dev corpora as ``.spacy`` files in the scratch folder."""
    d, out = plan.datasets, plan.scratch / "corpus"
    vocab = spacy.blank("id").vocab
    files = {
        "ner_train": out / "ner_train.spacy",
        "ner_dev": out / "ner_dev.spacy",
        "ud_train": out / "ud_train.spacy",
        "ud_dev": out / "ud_dev.spacy",
    }
    ner_train = chain.from_iterable(
        corpora.bio_docs(d / "ner" / name / train, vocab) for name, (train, _) in corpora.NER_SPLITS.items()
    )
    n = corpora.write_docbin(ner_train, files["ner_train"])
    plan.say(f"NER train: {n} sentences from {', '.join(corpora.NER_SPLITS)} (train splits)")
    n = corpora.write_docbin(corpora.bio_docs(d / NER_DEV, vocab), files["ner_dev"])
    plan.say(f"NER dev: {n} sentences from {NER_DEV}")
    aux = corpora.scheme_words(d / UD_TRAIN, "AUX")
    sconj = corpora.scheme_words(d / UD_TRAIN, "SCONJ")
    ud_train = chain(corpora.conllu_docs(d / UD_TRAIN, vocab), corpora.old_docs(d / UD_OLD_TRAIN, vocab, aux, sconj))
    n = corpora.write_docbin(ud_train, files["ud_train"])
    plan.say(f"UD train: {n} sentences from {UD_TRAIN} + {UD_OLD_TRAIN} (harmonised)")
    n = corpora.write_docbin(corpora.conllu_docs(d / UD_DEV, vocab), files["ud_dev"])
    plan.say(f"UD dev: {n} sentences from {UD_DEV}")
    return files


def _config(name: str) -> Path:
    return Path(str(resources.files("warta.lang.train").joinpath(name)))


def train_one(config: str, train: Path, dev: Path, output: Path, steps: int) -> Path:
    """Run ``spacy train`` through the Python API; return the best model's folder."""
    from spacy.cli.train import train as spacy_train

    overrides = {"paths.train": str(train), "paths.dev": str(dev), "training.max_steps": steps}
    spacy_train(_config(config), output, use_gpu=-1, overrides=overrides)
    return output / "model-best"


def assemble(ud_model: Path, ner_model: Path, target: Path) -> Path:
    """One pipeline: the syntax model, plus NER with its own copy of its tok2vec, plus Warta's rules."""
    from warta import lang

    nlp = spacy.load(ud_model)
    ner_nlp = spacy.load(ner_model)
    # NER listens to a tok2vec of its own training run: give it a private copy of it
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp)
    finals = [a.text for a in lang.load_abbreviations() if a.final]
    nlp.add_pipe("warta_sentences", first=True, config={"final_abbreviations": finals})
    nlp.add_pipe("warta_lemmas", last=True)
    nlp.meta.update({"name": "warta_id", "version": "0.1.0",
                     "description": "Warta's Indonesian news pipeline (see MODEL_CARD.md)"})
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    return target


def build(plan: BuildPlan) -> Path:
    """Convert, train both models, assemble and install the pipeline into ``plan.target``."""
    check_datasets(plan.datasets)
    plan.say(f"datasets: {plan.datasets}; scratch: {plan.scratch}")
    files = convert(plan)
    plan.say(f"training NER ({plan.ner_steps} steps at most)")
    ner = train_one("ner.cfg", files["ner_train"], files["ner_dev"], plan.scratch / "ner", plan.ner_steps)
    plan.say(f"training tagger, morphologizer, lemmatizer, parser ({plan.ud_steps} steps at most)")
    ud = train_one("ud.cfg", files["ud_train"], files["ud_dev"], plan.scratch / "ud", plan.ud_steps)
    target = assemble(ud, ner, plan.target)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    plan.say(f"installed {target} ({size / 1e6:.1f} MB)")
    return target
