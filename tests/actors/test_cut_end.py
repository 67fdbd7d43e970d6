"""A text cut off at a length limit in the middle of a word: the fragment of a name that closes it is
no entity unless it is a complete known name (own sentences, fixture gazetteer, blank pipeline)."""

from __future__ import annotations

import pytest

from tests.actors.conftest import mentions


@pytest.mark.parametrize("text", [
    "Rapat itu dibuka pagi ini.\nDelegasi itu lalu bertemu Wakil Menteri Hartono Wib",
    "Rapat itu dibuka pagi ini.\nDelegasi itu lalu bertemu Wakil Menteri Hartono Wib  \n",
])
def test_a_name_cut_off_at_the_end_of_the_text_is_no_entity(run, text):
    assert not any("Hartono" in m for m in mentions(run(text)))


@pytest.mark.parametrize("text,surface,name", [
    # a gazetteer name is whole even where the text stops
    ("Rapat itu dibuka pagi ini.\nPompeo akan berangkat ke Moskow", "Moskow", "Moskow"),
    # a sentence that ends: nothing was cut
    ("Rapat itu dibuka pagi ini.\nDelegasi itu lalu bertemu Wakil Menteri Hartono Wibowo.", "Hartono Wibowo",
     "Hartono Wibowo"),
])
def test_a_complete_name_at_the_end_of_the_text_stays(run, text, surface, name):
    assert mentions(run(text)).get(surface) == name


def test_a_name_the_text_gave_before_stays_at_the_cut_end(run):
    text = "Wakil Menteri Hartono Wibowo membuka rapat.\nRapat itu akan berlanjut besok, kata Hartono"
    assert mentions(run(text)).get("Hartono") == "Hartono Wibowo"
