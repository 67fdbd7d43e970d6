"""The docs cannot drift: every command is in README.md, every data file in a README, every module documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import typer

from warta.cli import app

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "warta"
DATA = PACKAGE / "data"


def _commands(group, prefix: str = "") -> list[str]:
    # duck-typed: Typer 0.29 vendors its own click, so isinstance(…, click.Group) is False
    names = []
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        names.append(prefix + name)
        if getattr(command, "commands", None):
            names += _commands(command, f"{prefix}{name} ")
    return names


COMMANDS = _commands(typer.main.get_command(app))
DATA_FILES = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file() and p.name != "README.md")
MODULES = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


def _readmes() -> str:
    """README.md and every README.md under src/warta/data/, joined."""
    files = [ROOT / "README.md", *sorted(DATA.rglob("README.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in files if p.is_file())


def test_command_walk_finds_nested_eval_commands():
    # guards the walk itself: without sub-groups the README check below would check too little
    assert {"extract", "eval", "eval quotes"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_appears_in_readme(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # `warta list` must not be satisfied by `warta listing`; spaces may be runs (aligned examples)
    pattern = r"warta\s+" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])"
    assert re.search(pattern, readme), f"`warta {name}` is not shown in README.md"


def _mentioned(relative: str, text: str) -> bool:
    """A data file counts as mentioned by its path under data/, its file name, or a glob of its folder."""
    folder, _, name = relative.rpartition("/")
    suffix = Path(name).suffix
    needles = [relative, name] + ([f"{folder}/*{suffix}", f"{folder}/*"] if folder else [])
    # `words.yaml` must not be satisfied by `my_words.yaml`
    return any(re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", text) for n in needles)


@pytest.mark.parametrize("relative", DATA_FILES)
def test_every_data_file_is_mentioned_in_a_readme(relative):
    assert _mentioned(relative, _readmes()), f"src/warta/data/{relative} is not mentioned in any README"


@pytest.mark.parametrize("relative,text,expected", [
    ("quotes/cues.yaml", "see `src/warta/data/quotes/cues.yaml`", True),
    ("gazetteer/officials/africa.yaml", "`gazetteer/officials/*.yaml` holds 832 officials", True),
    ("timex/words.yaml", "`warta time --words my_words.yaml`", False),
    ("timex/words.yaml", "the words of the lexicon", False),
])
def test_data_file_mention_rules(relative, text, expected):
    assert _mentioned(relative, text) is expected


@pytest.mark.parametrize("relative", MODULES)
def test_every_module_has_a_docstring(relative):
    tree = ast.parse((PACKAGE / relative).read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"src/warta/{relative} has no module docstring"
