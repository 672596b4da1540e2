"""Your equipment on disk: defaults by the locale's unit, saved and read back, and a file
that cannot be used said in words (thousands of entries, a negative bell, pounds of stone)."""

import json

import pytest

from postrun.core.equipment import DEFAULT_KG, DEFAULT_LB, Equipment
from postrun.core.load import Unit
from postrun.store.equipment_file import locale_unit, read_equipment, save_equipment


@pytest.mark.parametrize(("environ", "unit"), [
    ({"LANG": "en_US.UTF-8"}, Unit.LB), ({"LANG": "en_GB.UTF-8"}, Unit.KG), ({"LANG": "de_DE.UTF-8"}, Unit.KG),
    ({"LC_MEASUREMENT": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}, Unit.LB), ({}, Unit.KG), ({"LANG": "C"}, Unit.KG),
])
def test_the_default_unit_follows_the_locale(environ, unit):
    assert locale_unit(environ) is unit


def test_no_file_is_the_defaults_in_the_locales_unit(tmp_path):
    assert read_equipment(tmp_path / "none.json", {"LANG": "en_US.UTF-8"}).equipment == DEFAULT_LB
    assert read_equipment(tmp_path / "none.json", {"LANG": "fr_FR.UTF-8"}).equipment == DEFAULT_KG


def test_saved_and_read_back(tmp_path):
    mine = Equipment(kettlebells=(12, 16, 16, 24), bands=("red",), bodyweight=72.5)
    assert save_equipment(mine, tmp_path / "equipment.json") is None
    assert read_equipment(tmp_path / "equipment.json").equipment == mine


@pytest.mark.parametrize(("data", "words"), [
    ({"kettlebells": list(range(1, 3001))}, "kettlebells: 3000 weights; at most 50"),
    ({"kettlebells": [16, -8]}, "kettlebells[2]: must be more than 0"),
    ({"dumbbells": [0]}, "dumbbells[1]: must be more than 0"),
    ({"bar": 900}, "bar: must be more than 0 and at most 500 kg, not 900"),
    ({"unit": "stone"}, "unit: must be kg or lb"),
    ({"bands": ["pink"]}, "bands: must be a list of the colours"),
    ({"plates": "lots"}, "plates: must be a list of weights"),
    ([1, 2], "not an object"),
])
def test_a_file_that_cannot_be_used_is_said_and_the_defaults_used(tmp_path, data, words):
    path = tmp_path / "equipment.json"
    path.write_text(json.dumps(data))
    read = read_equipment(path, {"LANG": "en_GB.UTF-8"})
    assert read.equipment == DEFAULT_KG
    assert words in read.problem
    assert "the default equipment is used" in read.problem


def test_a_folder_or_garbage_is_said_too(tmp_path):
    (tmp_path / "folder.json").mkdir()
    assert "not a regular file" in read_equipment(tmp_path / "folder.json").problem
    (tmp_path / "bad.json").write_bytes(b"\xff\xfe{")
    assert "could not be read" in read_equipment(tmp_path / "bad.json").problem
