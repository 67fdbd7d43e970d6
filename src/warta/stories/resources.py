"""Word lists and settings of the corpus stages, loaded once from the YAML files beside this module."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from warta.errors import ResourceError


def _load(name: str) -> dict:
    text = resources.files("warta.stories").joinpath(name).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ResourceError(f"warta/stories/{name}: bad YAML: {error}") from None
    if not isinstance(data, dict):
        raise ResourceError(f"warta/stories/{name}: expected a mapping at the top level")
    return data


@lru_cache(maxsize=1)
def noise_words() -> frozenset[str]:
    """Words of page furniture that say nothing about the story (``baca``, ``wib``, ``klik``)."""
    data = _load("noise_words.yaml")
    words = set()
    for entry in data.get("words") or []:
        if not isinstance(entry, dict) or set(entry) - {"word", "note"} or "word" not in entry:
            raise ResourceError(f"warta/stories/noise_words.yaml: bad entry {entry!r}: keys are word, note")
        words.add(str(entry["word"]).lower())
    return frozenset(words)
