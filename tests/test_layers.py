"""The layers of docs/architecture.md, checked with import-linter: no import runs up a layer, no circle.

``lint-imports`` runs in a subprocess from the repository root, as a user would run it, so its
output never mixes with the test run's."""

from __future__ import annotations

import configparser
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import warta

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([str(LINT), "--no-cache", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_imports_point_down_and_never_in_a_circle():
    done = _lint()
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in done.stdout


def test_the_linter_sees_a_back_import(tmp_path):
    # the pipeline imports warta.errors: a contract putting errors above the pipeline must break
    config = tmp_path / "upside-down.ini"
    config.write_text(
        "[importlinter]\nroot_package = warta\n\n"
        "[importlinter:contract:upside-down]\nname = upside down\ntype = layers\n"
        "layers =\n    warta.errors\n    warta.pipeline\n"
    )
    done = _lint("--config", str(config))
    assert done.returncode != 0
    assert "warta.pipeline -> warta.errors" in done.stdout


def test_every_top_level_module_has_a_layer():
    # a module in no layer would not be checked at all
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    listed = set(re.findall(r"[a-z_]+", config["importlinter:contract:layers"]["layers"]))
    modules = {m.name for m in pkgutil.iter_modules(warta.__path__)}
    assert modules - listed == set()
