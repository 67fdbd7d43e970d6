"""`warta entities` and `warta entity` over a small store."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from warta.article import RawDocument, Source
from warta.cli import app
from warta.store import Store


@pytest.fixture
def db(tmp_path, run):
    path = tmp_path / "w.db"
    texts = ["Menlu AS Mike Pompeo bertemu Presiden Rusia Vladimir Putin di Sochi.",
             "Kata Pomepo, Rusia harus keluar dari Venezuela, seperti dituntut AS."]  # a typo needs its state named
    with Store.open(path) as store:
        for i, text in enumerate(texts):
            store.save(run(text), RawDocument(Source(path=f"t{i}.txt"), text=text, raw=text.encode()))
    return str(path)


def test_cli_entities_lists_counts_and_filters(db):
    result = CliRunner().invoke(app, ["entities", "--db", db, "--type", "PER", "--country", "USA"])
    assert result.exit_code == 0, result.output
    assert "Mike Pompeo" in result.output and "Putin" not in result.output


def test_cli_entity_shows_surfaces_roles_and_articles(db):
    result = CliRunner().invoke(app, ["entity", "Pomepo", "--db", db])  # a surface finds the entity
    assert result.exit_code == 0, result.output
    assert "Mike Pompeo" in result.output and "Pomepo (1)" in result.output
    assert "Menteri Luar Negeri (USA)" in result.output and "2 article(s)" in result.output


def test_cli_entity_unknown_name_is_one_line_error(db):
    result = CliRunner().invoke(app, ["entity", "Nobody", "--db", db])
    assert result.exit_code == 1 and "no entity named 'Nobody'" in result.output
