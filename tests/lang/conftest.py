"""Fixtures of the language-layer tests: the shipped pipeline, loaded offline."""

import os

import pytest

from warta import lang


@pytest.fixture(scope="module")
def nlp():
    """The shipped pipeline, loaded with the model hub switched off; skipped when no model is built."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    if not (lang.model_path() / "config.cfg").is_file():
        pytest.skip("no shipped model; run `warta train`")
    return lang.load()
