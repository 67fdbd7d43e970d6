"""One settings table: every environment variable Warta reads, checked, listed by `warta settings` and the docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta import settings
from warta.cli import app
from warta.errors import WartaError
from warta.ingest import DEFAULT_MAX_BYTES

ROOT = Path(__file__).resolve().parents[1]


def test_every_environment_variable_in_the_code_is_in_the_table():
    used = set()
    for path in (ROOT / "src" / "warta").rglob("*.py"):
        used |= set(re.findall(r"\bWARTA_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    assert used - {s.env for s in settings.SETTINGS} == set()


def test_docs_hold_the_table():
    assert settings.markdown() in (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")


def test_the_table_agrees_with_the_readers():
    assert settings.setting("max_body").default == DEFAULT_MAX_BYTES


@pytest.mark.parametrize("env,raw,expected", [
    ("WARTA_WORKERS", "3", 3), ("WARTA_WORKERS", "0", 1), ("WARTA_WORKERS", "", None),
    ("WARTA_MAX_BODY", "2048", 2048), ("WARTA_GAZETTEER", "mine.yaml", "mine.yaml"), ("WARTA_DB", "", "warta.db"),
])
def test_value_reads_the_variable_or_the_default(env, raw, expected):
    name = next(s.name for s in settings.SETTINGS if s.env == env)
    assert settings.value(name, {env: raw}) == expected


def test_a_bad_value_is_one_line_naming_the_variable():
    with pytest.raises(WartaError, match=r"^WARTA_WORKERS must be a whole number, not 'many'$"):
        settings.value("workers", {"WARTA_WORKERS": "many"})


def test_cli_lists_the_settings_and_refuses_a_bad_value(monkeypatch):
    monkeypatch.setenv("WARTA_GAZETTEER", "mine.yaml")
    result = CliRunner().invoke(app, ["settings"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    lines = lines[lines.index("setting\tvariable\tvalue\twhat it is") + 1:]  # piped: a header, then one row each
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert set(rows) == {s.name for s in settings.SETTINGS}
    assert rows["gazetteer"][1:3] == ["WARTA_GAZETTEER", "mine.yaml"]
    monkeypatch.setenv("WARTA_WORKERS", "many")
    result = CliRunner().invoke(app, ["settings"])
    assert result.exit_code == 1 and "WARTA_WORKERS must be a whole number" in result.output
