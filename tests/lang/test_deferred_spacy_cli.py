"""spaCy's command line loads when first used, not with spaCy (``warta._defer_spacy_cli``)."""

import subprocess
import sys

import pytest

CHECK = """
import sys
import warta, spacy
assert "spacy.cli._util" not in sys.modules and "weasel" not in sys.modules, "spaCy's CLI was imported"
assert spacy.blank("id")("anak-anak bermain")[0].text == "anak-anak"
for step in sys.argv[1:]:
    if step == "info":
        assert isinstance(spacy.info(), dict)  # loads spacy.cli.info when called
    elif step == "train":
        from spacy.cli.train import train  # a submodule: the package runs first, as with spaCy
    elif step == "cli":
        import spacy.cli
        assert callable(spacy.cli.download) and callable(spacy.cli.init_config)
print("ok")
"""


@pytest.mark.parametrize("steps", [["info", "train", "cli"], ["train", "info", "cli"], ["cli", "info", "train"]])
def test_spacy_cli_loads_on_first_use(steps):
    done = subprocess.run([sys.executable, "-c", CHECK, *steps], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
