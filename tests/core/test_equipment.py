"""Suggestions snap to what is owned: never a 37 kg barbell or an 11 kg dumbbell."""

import pytest

from postrun.core.equipment import DEFAULT_KG, DEFAULT_LB, Equipment, converted, snapped, stepped, weights_for
from postrun.core.load import Load, LoadType, Unit

KB = Load(LoadType.KETTLEBELL, 16.0)


@pytest.mark.parametrize(("load", "weight"), [
    (Load(LoadType.BARBELL, 37.0), 37.5),            # 20 + 2 x (1.25 + 2.5 + 5): never 37
    (Load(LoadType.DUMBBELL, 11.0), 10.0),           # between 10 and 12.5: the nearer
    (Load(LoadType.DUMBBELL, 11.25), 10.0),          # as near to both: the lighter
    (Load(LoadType.KETTLEBELL, 18.0), 16.0),
    (Load(LoadType.KETTLEBELL, 30.0), 24.0),         # above the heaviest: the heaviest owned
    (Load(LoadType.CABLE, 23.0), 25.0),
])
def test_a_weight_snaps_to_one_that_exists(load, weight):
    assert snapped(DEFAULT_KG, load).weight == weight


def test_every_barbell_weight_is_the_bar_and_pairs_of_plates():
    weights = weights_for(DEFAULT_KG, Load(LoadType.BARBELL))
    assert weights[0] == 20.0
    assert 37.0 not in weights
    assert all((w - 20) / 2 * 4 == int((w - 20) / 2 * 4) for w in weights)     # plate pairs of 1.25 at least


@pytest.mark.parametrize(("load", "steps", "weight"), [
    (KB, 1, 20.0), (KB, -1, 12.0), (Load(LoadType.KETTLEBELL, 24.0), 1, None),
    (Load(LoadType.BARBELL, 60.0), 1, 62.5),
    (Load(LoadType.ASSISTED, 20.0), 1, 15.0),        # harder is less help
    (Load(LoadType.ASSISTED, 20.0), -1, 25.0),
])
def test_a_step_is_the_next_weight_owned(load, steps, weight):
    result = stepped(DEFAULT_KG, load, steps)
    assert (result.weight if result else None) == weight


def test_a_pair_of_kettlebells_needs_two_of_a_weight():
    owned = Equipment(kettlebells=(12, 16, 16, 24))
    pair = Load(LoadType.KETTLEBELL, 12.0, implements=2)
    assert weights_for(owned, pair) == [16.0]
    assert snapped(owned, pair).weight == 16.0


def test_bands_step_through_the_colours_owned_by_tension():
    owned = Equipment(bands=("red", "blue", "yellow"))
    assert stepped(owned, Load(LoadType.BAND, band="red"), 1).band == "blue"
    assert stepped(owned, Load(LoadType.BAND, band="red"), -1).band == "yellow"
    assert stepped(owned, Load(LoadType.BAND, band="blue"), 1) is None
    assert snapped(owned, Load(LoadType.BAND, band="green")).band in ("red", "blue")


def test_a_load_in_lb_snaps_to_kg_equipment_and_back():
    assert converted(Load(LoadType.KETTLEBELL, 35.0, Unit.LB), Unit.KG).weight == pytest.approx(15.88, abs=0.01)
    assert snapped(DEFAULT_KG, Load(LoadType.KETTLEBELL, 35.0, Unit.LB)) == KB
    assert snapped(DEFAULT_LB, KB) == Load(LoadType.KETTLEBELL, 35.0, Unit.LB)
