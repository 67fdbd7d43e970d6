"""The settings of the corpus stages in one place: name, default and why (read by the code, the CLI and docs)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    """One tunable value with its reason."""

    name: str
    default: float
    help: str


SETTINGS = (
    Setting("link_threshold", 0.16,
            "TF-IDF cosine (stemmed words) an article needs with a story's closest member to join it; "
            "fitted on half of stories_dev's stories (flat between 0.12 and 0.20), checked on the other half"),
    Setting("window_days", 7,
            "two dated articles more than this many days apart are never one story (the same leaders "
            "meeting a year later, another eruption of the same volcano); coverage of one event runs ~4 days"),
    Setting("main_event_penalty", 0.15,
            "subtracted from the similarity when both articles' main events have the same type and source "
            "but another target (Jokowi meets Zelensky vs Jokowi meets Putin)"),
    Setting("lead_day_penalty", 0.2,
            "subtracted from the similarity when both leads state the day of their event and the days differ "
            "(Jokowi in Kyiv on Wednesday 29 June, in the Kremlin on Thursday 30 June)"),
    Setting("near_duplicate_containment", 0.5,
            "share of the shorter article's word 3-grams found in the other that makes it a near-duplicate "
            "(syndicated and lightly edited copies; parallel rewrites of a press release stay below ~0.45)"),
    Setting("summary_words", 50, "target length of an article summary in words (DESIGN.md: about 40-60)"),
    Setting("story_summary_words", 70, "target length of a story summary in words"),
)

DEFAULTS = {s.name: s.default for s in SETTINGS}


def get(name: str, overrides: dict | None = None) -> float:
    """The value of a setting, from ``overrides`` if given there."""
    if overrides and name in overrides:
        return overrides[name]
    return DEFAULTS[name]
