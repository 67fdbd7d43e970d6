"""The furniture rules of ``furniture.yaml``: compiled once, matched against one line at a time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warta.errors import ResourceError
from warta.extract.resources import load

ACTIONS = ("drop", "label", "credit-label", "footer")
GROUPS = ("authors", "editors", "tags")


@dataclass(slots=True, frozen=True, eq=False)
class Rule:
    """One furniture rule: a line pattern, the reason it is dropped, and what else it does."""

    name: str
    pattern: re.Pattern
    reason: str
    note: str
    action: str = "drop"
    max_length: int | None = None
    example: str | None = None

    def match(self, line: str) -> re.Match | None:
        """The match of this rule on a stripped line, or ``None``."""
        if self.max_length is not None and len(line) > self.max_length:
            return None
        return self.pattern.search(line)


def _compile(entry: dict) -> Rule:
    where = f"furniture.yaml rule {entry['name']!r}"
    try:
        pattern = re.compile(str(entry["pattern"]))
    except re.error as error:
        raise ResourceError(f"{where}: invalid pattern ({error})") from None
    unknown_groups = set(pattern.groupindex) - set(GROUPS)
    if unknown_groups:
        raise ResourceError(f"{where}: unknown named groups {sorted(unknown_groups)}; allowed: {list(GROUPS)}")
    action = entry.get("action", "drop")
    if action not in ACTIONS:
        raise ResourceError(f"{where}: unknown action {action!r}; allowed: {list(ACTIONS)}")
    max_length = entry.get("max_length")
    if max_length is not None and not isinstance(max_length, int):
        raise ResourceError(f"{where}: max_length must be a whole number")
    return Rule(
        name=str(entry["name"]),
        pattern=pattern,
        reason=str(entry["reason"]),
        note=str(entry["note"]),
        action=action,
        max_length=max_length,
        example=entry.get("example"),
    )


def _scoped(pattern: str) -> str:
    """A rule pattern made safe inside one alternation: leading flags scoped, named groups plain."""
    m = re.match(r"^\(\?([aiLmsux]+)\)", pattern)
    if m:
        pattern = f"(?{m.group(1)}:{pattern[m.end():]})"
    return re.sub(r"\(\?P<\w+>", "(", pattern)


@lru_cache(maxsize=None)
def _any_rule(rule_set: tuple[Rule, ...]) -> re.Pattern:
    # One search over all rules first: most lines are story and match none (28 searches -> 1).
    return re.compile("|".join(f"(?:{_scoped(r.pattern.pattern)})" for r in rule_set))


@lru_cache(maxsize=None)
def rules(user_file: str | None = None) -> tuple[Rule, ...]:
    """The shipped furniture rules, extended by ``user_file`` (or ``WARTA_FURNITURE``)."""
    return tuple(_compile(entry) for entry in load("furniture.yaml", user_file))


def match(line: str, rule_set: tuple[Rule, ...] | None = None) -> tuple[Rule, re.Match] | None:
    """The first rule matching ``line`` (stripped), with its match."""
    rule_set = rule_set if rule_set is not None else rules()
    if not _any_rule(rule_set).search(line):
        return None
    for rule in rule_set:
        m = rule.match(line)
        if m:
            return rule, m
    return None
