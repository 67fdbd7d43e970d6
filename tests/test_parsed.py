"""The data of parsed YAML files kept between runs (warta.parsed): the same data as parsing, or a miss."""

import datetime
import os
import pickle
from pathlib import Path

import pytest

from warta import parsed, resources
from warta.errors import WartaError

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted((ROOT / "src" / "warta").rglob("*.yaml"))


def _same(a, b) -> bool:
    """Equal, with the same types all the way down (1 and True, or a date and a string, differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_every_shipped_file_reads_back_as_parsed(cache):
    assert len(SHIPPED) > 20
    for path in SHIPPED:
        text = path.read_text(encoding="utf-8")
        first = resources.read_yaml(text, path.name)  # parsed, then kept
        assert parsed.load(path.name, text, resources._PARSER) is not parsed.MISSING, path
        again = resources.read_yaml(text, path.name)  # read back
        assert _same(again, resources._parse(text, path.name)) and _same(again, first), path


def test_an_edited_text_is_parsed_again(cache):
    assert resources.read_yaml("- a: 1\n", "x.yaml") == [{"a": 1}]
    assert resources.read_yaml("- a: 2\n", "x.yaml") == [{"a": 2}]
    assert resources.read_yaml("- a: 2000-01-02\n", "x.yaml") == [{"a": datetime.date(2000, 1, 2)}]
    assert resources.read_yaml("- a: 2000-01-02\n", "x.yaml") == [{"a": datetime.date(2000, 1, 2)}]


def test_a_damaged_entry_is_a_miss_and_is_written_again(cache):
    text = "- a: 1\n"
    resources.read_yaml(text, "x.yaml")
    [entry] = list(cache.rglob("*.pickle"))
    entry.write_bytes(entry.read_bytes()[:5])
    assert parsed.load("x.yaml", text, resources._PARSER) is parsed.MISSING
    assert resources.read_yaml(text, "x.yaml") == [{"a": 1}]
    assert parsed.load("x.yaml", text, resources._PARSER) == [{"a": 1}]


def test_only_plain_data_is_read_back(cache):
    text = "- a: 1\n"
    resources.read_yaml(text, "x.yaml")
    [entry] = list(cache.rglob("*.pickle"))
    entry.write_bytes(pickle.dumps([Path("/")]))  # an object that is not plain data
    assert parsed.load("x.yaml", text, resources._PARSER) is parsed.MISSING


@pytest.mark.parametrize("off", ["off", "none", "None", "0", "false", "FALSE"])
def test_off_keeps_nothing(tmp_path, monkeypatch, off):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WARTA_CACHE_DIR", off)
    assert resources.read_yaml("- a: 1\n", "x.yaml") == [{"a": 1}]
    assert parsed.folder("p") is None and parsed.load("x.yaml", "- a: 1\n", resources._PARSER) is parsed.MISSING
    assert not list(tmp_path.iterdir())  # no folder named after the word in the working directory


def test_a_relative_folder_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WARTA_CACHE_DIR", "cache")
    with pytest.raises(WartaError, match="WARTA_CACHE_DIR must be an absolute folder or off, not 'cache'"):
        resources.read_yaml("- a: 1\n", "x.yaml")
    assert not list(tmp_path.iterdir())


def test_one_entry_per_file_an_edit_replaces_it(cache):
    for n in range(3):
        assert resources.read_yaml(f"- a: {n}\n", "x.yaml") == [{"a": n}]
    resources.read_yaml("- b: 1\n", "y.yaml")
    assert len(list(cache.rglob("*.pickle"))) == 2 and not list(cache.rglob("*.tmp"))
    assert parsed.load("x.yaml", "- a: 1\n", resources._PARSER) is parsed.MISSING  # kept from another text
    assert parsed.load("x.yaml", "- a: 2\n", resources._PARSER) == [{"a": 2}]


def test_the_suite_keeps_its_data_out_of_the_home_cache():
    assert os.environ["WARTA_CACHE_DIR"] != "off" and "pytest" in os.environ["WARTA_CACHE_DIR"]


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("WARTA_CACHE_DIR", str(blocker))
    assert resources.read_yaml("- a: 1\n", "x.yaml") == [{"a": 1}]


def test_a_syntax_error_is_reported_as_before(cache):
    with pytest.raises(Exception, match="x.yaml"):
        resources.read_yaml("- a: [\n", "x.yaml")
    assert not list(cache.rglob("*.pickle"))
