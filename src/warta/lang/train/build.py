"""`warta train`: convert the corpora, (optionally) pretrain the tok2vec on their raw text, train one
joint model, assemble the pipeline, install it."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Callable

import spacy
import srsly

from warta.errors import WartaError
from warta.lang.train import corpora
from warta.lang import model_path  # noqa: F401  (re-exported for the CLI)

log = logging.getLogger(__name__)

# The data each model is trained and tuned on (relative to the datasets folder).
UD_TRAIN = "ud/csui_id_csui-ud-train.conllu"  # current scheme, news
UD_OLD_TRAIN = "ud/old21_id-ud-train.conllu"  # GSD 2.1, harmonised to the current scheme
UD_DEV = "ud/gsd_id_gsd-ud-dev.conllu"  # current scheme; its test split is held out
NER_DEV = "ner/nerui/nerui_dev.01.tsv"
NERP_TRAIN = "ner/nerp/nerp_ner-prosa_train_preprocess.txt"  # lower-cased: raw text for pretraining only
CONFIG = "joint.cfg"  # the pinned training config, beside this module
# How many times each NER corpus's train sentences go into the training corpus. NER UI is the
# corpus whose conventions Warta is judged by (football clubs named by their city are ORG,
# "Polda Jabar" is ORG + LOC), so its sentences count twice against UGM's and Grit's: NER UI dev
# +0.7 and +1.3 F1 in two seeds, UD unchanged (runs Q, Q0 in MODEL_CARD.md).
NER_REPEAT = {"nerui": 2}


@dataclass
class BuildPlan:
    """Where the data is read from and the outputs go, and how long each model trains."""

    datasets: Path
    scratch: Path
    target: Path
    steps: int = 5600  # dev scores have levelled off by then (MODEL_CARD.md)
    harmonise: bool = True  # harmonise_words + harmonise_classes in the GSD 2.1 conversion
    pretrain: bool = True  # pretrain the tok2vec on the raw text first (``spacy pretrain``)
    pretrained: Path | None = None  # weights of an earlier pretraining to start from instead
    ner_repeat: dict[str, int] = field(default_factory=lambda: dict(NER_REPEAT))
    say: Callable[[str], None] = print
    outputs: dict[str, Path] = field(default_factory=dict)


def default_datasets() -> Path:
    """``../shared/datasets`` beside the repository (the checkout this package was installed from)."""
    return Path(__file__).resolve().parents[5] / "shared" / "datasets"


def default_scratch() -> Path:
    """``training/`` at the repository root (git-ignored)."""
    return Path(__file__).resolve().parents[4] / "training"


def check_datasets(datasets: Path) -> None:
    """Raise a clear error naming the first missing file the build needs."""
    if not datasets.is_dir():
        raise WartaError(f"{datasets}: datasets folder not found; pass --datasets DIR (see MODEL_CARD.md)")
    needed = [UD_TRAIN, UD_OLD_TRAIN, UD_DEV, NER_DEV, NERP_TRAIN]
    needed += [f"ner/{name}/{train}" for name, (train, _) in corpora.NER_SPLITS.items()]
    for rel in needed:
        if not (datasets / rel).is_file():
            raise WartaError(f"{datasets / rel}: missing; `warta train` needs it")


def convert(plan: BuildPlan) -> dict[str, Path]:
    """Write the joint training and dev corpora as ``.spacy`` files in the scratch folder."""
    d, out = plan.datasets, plan.scratch / "corpus"
    vocab = spacy.blank("id").vocab
    files = {"train": out / "train.spacy", "dev": out / "dev.spacy"}
    # word lists of the conversion, all from the training corpora (never from dev or test)
    aux = corpora.scheme_words(d / UD_TRAIN, "AUX")
    sconj = corpora.scheme_words(d / UD_TRAIN, "SCONJ")
    whole = corpora.clitic_words(d / UD_TRAIN)
    known = corpora.corpus_words(d / UD_TRAIN, d / UD_OLD_TRAIN)
    # harmonise_words (pron=) and harmonise_classes (closed=): +0.6 UPOS in every run; the NER cost
    # seen without pretraining (runs K, K0, E2) is within seed noise with it (MODEL_CARD.md)
    extra = {}
    if plan.harmonise:
        extra = {"pron": corpora.scheme_words(d / UD_TRAIN, "PRON"), "closed": corpora.closed_class_words(d / UD_TRAIN)}
    ud_train = list(chain(
        corpora.csui_docs(d / UD_TRAIN, vocab),
        corpora.old_docs(d / UD_OLD_TRAIN, vocab, aux, sconj, full=True, whole=whole, known=known, **extra),
    ))
    # NERP (lower-cased; corpora.lowercased_bio_docs true-cases it) is left out: with it ORG recall
    # fell from 0.80 to 0.71 on dev and NER F1 from 0.883 to 0.874 (MODEL_CARD.md, run NP)
    ner_train = [doc for name, (train, _) in corpora.NER_SPLITS.items()
                 for doc in corpora.bio_docs(d / "ner" / name / train, vocab)
                 for _ in range(plan.ner_repeat.get(name, 1))]
    corpora.write_docbin(chain(ud_train, ner_train), files["train"])
    plan.say(f"train: {len(ud_train)} UD sentences ({UD_TRAIN} + {UD_OLD_TRAIN}, harmonised) "
             f"+ {len(ner_train)} NER sentences ({', '.join(_counted(name, plan) for name in corpora.NER_SPLITS)} "
             "train splits)")
    ud_dev = list(corpora.conllu_docs(d / UD_DEV, vocab, features=False))
    ner_dev = list(corpora.bio_docs(d / NER_DEV, vocab))
    corpora.write_docbin(chain(ud_dev, ner_dev), files["dev"])
    plan.say(f"dev: {len(ud_dev)} UD sentences ({UD_DEV}) + {len(ner_dev)} NER sentences ({NER_DEV})")
    return files


def _counted(name: str, plan: BuildPlan) -> str:
    """``nerui ×2`` for a corpus counted more than once, else its name."""
    times = plan.ner_repeat.get(name, 1)
    return f"{name} ×{times}" if times > 1 else name


def write_pretraining_text(plan: BuildPlan) -> Path:
    """The raw text of every train split (labels ignored; NERP true-cased) as JSONL for ``pretrain``."""
    d = plan.datasets
    texts = corpora.pretraining_texts(
        conllu=[d / UD_TRAIN, d / UD_OLD_TRAIN],
        cased=[d / "ner" / name / train for name, (train, _) in corpora.NER_SPLITS.items()],
        lowercased=[d / NERP_TRAIN],
    )
    path = plan.scratch / "corpus" / "pretrain.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_jsonl(path, ({"text": text} for text in texts))
    plan.say(f"pretraining text: {len(texts)} sentences, {sum(len(t.split()) for t in texts)} words "
             f"(train splits of UD, {', '.join(corpora.NER_SPLITS)} and NERP)")
    return path


def _config(name: str) -> Path:
    return Path(str(resources.files("warta.lang.train").joinpath(name)))


def pretrain(config: str, text: Path, output: Path) -> Path:
    """Run ``spacy pretrain`` (the config's ``[pretraining]``) on ``text``; return the weights of its
    last epoch, which ``train_one`` starts the tok2vec from."""
    from spacy.training.pretrain import pretrain as spacy_pretrain

    settings = spacy.util.load_config(_config(config), overrides={"paths.raw_text": str(text)}, interpolate=True)
    output.mkdir(parents=True, exist_ok=True)
    spacy_pretrain(settings, output, use_gpu=-1, silent=False)
    return output / "model-last.bin"


def train_one(config: str, train: Path, dev: Path, output: Path, steps: int, init_tok2vec: Path | None = None) -> Path:
    """Run ``spacy train`` through the Python API; return the best model's folder."""
    from spacy.cli.train import train as spacy_train

    overrides = {"paths.train": str(train), "paths.dev": str(dev), "training.max_steps": steps,
                 "paths.init_tok2vec": str(init_tok2vec) if init_tok2vec else None}
    spacy_train(_config(config), output, use_gpu=-1, overrides=overrides)
    return output / "model-best"


def assemble(model: Path, target: Path) -> Path:
    """One pipeline: the trained model with Warta's sentence splitter first and the rule lemmatizer last."""
    from warta import lang

    nlp = spacy.load(model)
    finals = [a.text for a in lang.load_abbreviations() if a.final]
    if "warta_sentences" not in nlp.pipe_names:
        nlp.add_pipe("warta_sentences", first=True, config={"final_abbreviations": finals})
    nlp.add_pipe("warta_lemmas", last=True)
    for key in nlp._config["paths"]:  # the training run's own files: the shipped model needs none
        nlp._config["paths"][key] = None
    nlp.meta.update({"name": "warta_id", "version": "0.1.0",
                     "description": "Warta's Indonesian news pipeline (see MODEL_CARD.md)"})
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    return target


def build(plan: BuildPlan) -> Path:
    """Convert, pretrain the tok2vec (unless ``plan.pretrained`` gives its weights), train the joint
    model, assemble and install it into ``plan.target``."""
    check_datasets(plan.datasets)
    weights = plan.pretrained
    if weights is not None and not weights.is_file():
        raise WartaError(f"{weights}: pretrained weights not found (a model*.bin of an earlier run's pretrain/ folder)")
    plan.say(f"datasets: {plan.datasets}; scratch: {plan.scratch}")
    files = convert(plan)
    if weights is None and plan.pretrain:
        text = write_pretraining_text(plan)
        plan.say("pretraining the tok2vec on that text (about 35 minutes on one core)")
        weights = pretrain(CONFIG, text, plan.scratch / "pretrain")
    plan.say(f"training morphologizer, parser and NER on one tok2vec ({plan.steps} steps; "
             "about 20 minutes on one core)")
    model = train_one(CONFIG, files["train"], files["dev"], plan.scratch / "joint", plan.steps, weights)
    target = assemble(model, plan.target)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    plan.say(f"installed {target} ({size / 1e6:.1f} MB)")
    return target
