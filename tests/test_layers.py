"""The layers of docs/architecture.md, checked with import-linter: no import runs up a layer, no circle."""

from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports

CONFIG = Path(__file__).resolve().parents[1] / ".importlinter"


def test_imports_point_down_and_never_in_a_circle(capsys):
    code = lint_imports(config_filename=str(CONFIG), no_cache=True, no_logo=True)
    out = capsys.readouterr().out
    assert code == 0, out


def test_the_linter_sees_a_back_import(tmp_path, capsys):
    # the pipeline imports warta.errors: a contract putting errors above the pipeline must break
    config = tmp_path / "upside-down.ini"
    config.write_text(
        "[importlinter]\nroot_package = warta\n\n"
        "[importlinter:contract:upside-down]\nname = upside down\ntype = layers\n"
        "layers =\n    warta.errors\n    warta.pipeline\n"
    )
    assert lint_imports(config_filename=str(config), no_cache=True, no_logo=True) != 0
    assert "warta.pipeline -> warta.errors" in capsys.readouterr().out
