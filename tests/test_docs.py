"""The docs cannot drift: every command is shown in README.md or docs/, every data file named there or in a
data README, every `warta ...` command shown in the docs is a real one, every module documented."""

from __future__ import annotations

import ast
import shlex
import re
from datetime import datetime, timezone
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


DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _docs() -> str:
    """README.md and every page of docs/, joined: the user documentation."""
    return "\n".join(p.read_text(encoding="utf-8") for p in DOC_FILES if p.is_file())


def _readmes() -> str:
    """The user documentation and every README.md under src/warta/data/, joined."""
    files = [*DOC_FILES, *sorted(DATA.rglob("README.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in files if p.is_file())


def test_command_walk_finds_nested_eval_commands():
    # guards the walk itself: without sub-groups the README check below would check too little
    assert {"extract", "eval", "eval quotes"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_appears_in_the_docs(name):
    # `warta list` must not be satisfied by `warta listing`; spaces may be runs (aligned examples)
    pattern = r"warta\s+" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])"
    assert re.search(pattern, _docs()), f"`warta {name}` is not shown in README.md or docs/*.md"


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


ROOT_COMMAND = typer.main.get_command(app)
_FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.M | re.S)
_ENV = re.compile(r"^[A-Z_][A-Z0-9_]*=")


def _shown_commands(text: str) -> list[list[str]]:
    """The argument lists of `warta ...` invocations in fenced code blocks.

    In a ``console`` block only ``$ `` prompt lines are commands (the rest is output); in other blocks every
    line is. A line may pipe, chain and set environment variables; `# comments` are dropped.
    """
    found = []
    for match in _FENCE.finditer(text):
        console = match.group(1) == "console"
        for line in match.group(2).splitlines():
            if console:
                if not line.startswith("$ "):
                    continue
                line = line[2:]
            for piece in re.split(r"\s(?:\||&&|;)\s", line):
                try:
                    tokens = shlex.split(piece, comments=True)
                except ValueError:  # an unbalanced quote in an abridged example
                    tokens = piece.split()
                while tokens and _ENV.match(tokens[0]):
                    tokens.pop(0)
                if tokens and (tokens[0] == "warta" or tokens[0].endswith("/warta")):
                    found.append(tokens[1:])
    return found


def _option_names(command) -> dict[str, bool]:
    """Every option string of a command, and whether it takes a value."""
    names = {"--help": False}
    for param in command.params:
        if getattr(param, "param_type_name", "") != "option":
            continue
        takes_value = not (getattr(param, "is_flag", False) or getattr(param, "count", False))
        for opt in [*param.opts, *param.secondary_opts]:
            names[opt] = takes_value
    return names


def resolve(args: list[str], root=ROOT_COMMAND) -> str:
    """The problem with a shown `warta ARGS` ('' when it names real commands and options), without running it.

    Walks the Click tree: words name sub-commands while the current command is a group; `--options` must be
    options of the command they follow (a value after `=` or as the next word); leaf arguments are not checked.
    """
    command, path, args = root, ["warta"], list(args)
    while args:
        token = args.pop(0)
        if token.startswith("-") and token != "-":
            name = token.split("=", 1)[0]
            options = _option_names(command)
            if name not in options:
                return f"`{' '.join(path)}` has no option {name}"
            if options[name] and "=" not in token and args:
                args.pop(0)
            continue
        if getattr(command, "commands", None) is None:
            continue  # an argument of a leaf command
        if token not in command.commands:
            return f"`{' '.join(path)}` has no sub-command {token!r}"
        command = command.commands[token]
        path.append(token)
    return ""


SHOWN = sorted({(p.name, " ".join(args)): args for p in DOC_FILES if p.is_file()
                for args in _shown_commands(p.read_text(encoding="utf-8"))}.items())


def test_the_docs_show_commands():
    # guards the scan itself: without fenced blocks found, the check below would check nothing
    assert len(SHOWN) > 30
    assert ("README.md", "ingest examples/") in [key for key, _ in SHOWN]


@pytest.mark.parametrize("where,args", SHOWN, ids=[f"{p}: warta {a}"[:80] for (p, a), _ in SHOWN])
def test_every_shown_command_is_real(where, args):
    problem = resolve(args)
    assert not problem, f"{where[0]}: `warta {where[1]}`: {problem}"


@pytest.mark.parametrize("args,problem", [
    (["ingest", "examples/", "--db", "x.db"], ""),
    (["eval", "quotes", "--help"], ""),
    (["--version"], ""),
    (["stoires"], "no sub-command 'stoires'"),
    (["eval", "nothing"], "no sub-command 'nothing'"),
    (["list", "--falied"], "no option --falied"),
])
def test_resolve_finds_wrong_commands(args, problem):
    found = resolve(args)
    assert (problem in found) if problem else found == ""


def _generated(page: str, generator: str) -> str:
    """The text of a docs page between the `<!-- generated: GENERATOR -->` marker and `<!-- end generated -->`."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    match = re.search(r"<!-- generated: " + re.escape(generator) + r" -->\n(.*?)<!-- end generated -->", text, re.S)
    assert match, f"docs/{page} has no block generated by `{generator}`"
    return match.group(1)


def test_quality_floors_table_is_the_generated_one():
    from warta.eval import gate

    expected = gate.markdown(gate.load_baseline(ROOT / "tests" / "eval_baseline.json"))
    assert _generated("quality.md", "python -m warta.eval.gate --markdown") == expected, (
        "docs/quality.md: the pinned floors differ from tests/eval_baseline.json; "
        "paste the output of `python -m warta.eval.gate --markdown`")


def test_benchmark_table_is_the_generated_one():
    from benchmarks import run

    assert _generated("speed.md", "python -m benchmarks.run --markdown") == run.markdown(), (
        "docs/speed.md: the benchmark list is stale; paste the output of `python -m benchmarks.run --markdown`")


def test_speed_figures_are_the_committed_benchmark_results():
    # the figures are not measured here: the table must be what benchmarks/results.json holds
    from benchmarks import results

    stored = results.load()
    assert stored["scripts"], "benchmarks/results.json holds no figures; run `make bench`"
    assert _generated("speed.md", "python -m benchmarks.run --figures") == results.markdown(stored), (
        "docs/speed.md: the speed figures differ from benchmarks/results.json; "
        "paste the output of `python -m benchmarks.run --figures`")


def test_speed_figures_table_shows_each_figure_with_its_machine():
    from benchmarks import results

    on = {"cpu": "x", "cores": 2, "system": "Linux", "python": "3.11", "load_average": 0.5}
    stored = results.merge({"scripts": {}}, "bench_x", [results.figure("a | b", 1234.56, "articles/s", target="≥ 30",
                                                                        note="n")],
                           when=datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc), on=on)
    assert results.markdown(stored).splitlines()[2] == (
        r"| a \| b | 1,235 articles/s (n) | ≥ 30 | `benchmarks/bench_x.py` | 2026-01-02 03:04 UTC, 2 cores, load 0.5 |")


def test_gate_markdown_lists_every_floor():
    from warta.eval import gate

    baseline = {"epsilon": 0.005, "measured_on": "2026-01-01", "data": {"ner": "ner/dev.tsv"},
                "floors": {"ner.micro_f1": 0.8966, "ner.PER_f1": 0.92}}
    table = gate.markdown(baseline)
    assert "| ner | `ner/dev.tsv` | PER_f1 | 0.9200 |" in table
    assert "| ner | `ner/dev.tsv` | micro_f1 | 0.8966 |" in table
    assert table.index("PER_f1") < table.index("micro_f1")


@pytest.mark.parametrize("page", [p for p in DOC_FILES if p.is_file()], ids=lambda p: p.name)
def test_relative_links_in_the_docs_resolve(page):
    # the README was split into docs/: a link that still points at a README anchor or a moved file is caught here
    missing = [target for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8"))
               if "://" not in target and not target.startswith("mailto:") and not (page.parent / target).exists()]
    assert not missing, f"{page.name}: links to missing files {missing}"


def test_readme_quality_headline_matches_the_pinned_real_news_floors():
    # the front page's headline figures are typed by hand; they must be the gate's floors, rounded
    from warta.eval import gate

    floors = gate.load_baseline(ROOT / "tests" / "eval_baseline.json")["floors"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Quality"):readme.index("## Read more")]
    rows = {"realnews.entities_f1": "| entities", "realnews.events_f1": "| events",
            "realnews.speakers": "| quotations", "realnews.timex_values": "| time expressions"}
    for key, start in rows.items():
        row = next(line for line in section.splitlines() if line.startswith(start))
        assert f"| {floors[key]:.3f}" in row, f"README.md quality headline: {start[2:]} is not the pinned {floors[key]:.3f}"
