"""The weights a person owns, and the loads they make: every suggestion is snapped to one
of them (never a 37 kg barbell or an 11 kg dumbbell).

- kettlebells: each bell owned (two of a weight make a pair);
- dumbbells: each pair on the rack;
- plates: each pair of plates (one per side of a bar), with the bar's own weight;
- a cable or assisted machine: its stack's step and top;
- bands: the colours owned.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from postrun.core.load import BAND_COLOURS, LB_PER_KG, Load, LoadType, Unit

RESOLUTION = 0.25      # kg or lb: plate sums are counted to a quarter


@dataclass(frozen=True)
class Equipment:
    unit: Unit = Unit.KG
    kettlebells: tuple[float, ...] = (8, 12, 16, 20, 24)
    dumbbells: tuple[float, ...] = (2, 4, 6, 8, 10, 12.5, 15, 17.5, 20, 22.5, 25)
    plates: tuple[float, ...] = (1.25, 2.5, 2.5, 5, 5, 10, 10, 20, 20)     # pairs
    bar: float = 20
    stack_step: float = 5
    stack_top: float = 100
    bands: tuple[str, ...] = ("yellow", "red", "green", "blue", "black")
    bodyweight: float | None = None


DEFAULT_KG = Equipment()
DEFAULT_LB = Equipment(unit=Unit.LB, kettlebells=(18, 26, 35, 44, 53), dumbbells=tuple(range(5, 55, 5)),
                       plates=(2.5, 5, 5, 10, 10, 25, 25, 45, 45), bar=45, stack_step=10, stack_top=200)


def default_equipment(unit: Unit) -> Equipment:
    return DEFAULT_LB if unit is Unit.LB else DEFAULT_KG


def converted(load: Load, unit: Unit) -> Load:
    """A load in another unit (a file in lb, the equipment in kg), to a hundredth."""
    if load.unit is unit or load.weight is None:
        return replace(load, unit=unit)
    factor = LB_PER_KG if unit is Unit.LB else 1 / LB_PER_KG
    return replace(load, weight=round(load.weight * factor, 2), unit=unit)


def _sums(parts: list[float], top: float) -> set[float]:
    """Every total a subset of `parts` makes, up to `top`, to the resolution."""
    totals = {0.0}
    for part in parts:
        totals |= {round(t + part, 2) for t in totals if t + part <= top + 1e-9}
    return totals


def weights_for(equipment: Equipment, load: Load) -> list[float]:
    """The weights the equipment makes for a load of this type (each one's for a pair),
    lightest first, in the equipment's unit. Empty for bodyweight, a band and none."""
    kind = load.type
    if kind is LoadType.KETTLEBELL:
        if load.implements == 2:
            return sorted(w for w, n in Counter(equipment.kettlebells).items() if n >= 2)
        return sorted(set(equipment.kettlebells))
    if kind is LoadType.DUMBBELL:
        return sorted(set(equipment.dumbbells))
    if kind is LoadType.BARBELL:
        return sorted(equipment.bar + 2 * s for s in _sums(list(equipment.plates), 500.0))
    if kind in (LoadType.CABLE, LoadType.ASSISTED):
        step = equipment.stack_step
        count = int(equipment.stack_top / step + 1e-9) if step > 0 else 0
        return [round(step * n, 2) for n in range(1, count + 1)]
    if kind is LoadType.WEIGHTED:
        singles = [p for p in equipment.plates for _ in range(2)]
        return sorted((_sums(singles, 200.0) | set(equipment.kettlebells) | set(equipment.dumbbells)) - {0.0})
    return []


def bands_owned(equipment: Equipment) -> list[str]:
    return [c for c in BAND_COLOURS if c in equipment.bands]


def snapped(equipment: Equipment, load: Load) -> Load:
    """The load as the equipment can make it: the nearest weight owned (the lighter when
    two are as near), in the equipment's unit; a band the nearest colour owned."""
    load = converted(load, equipment.unit)
    if load.type is LoadType.BAND:
        owned = bands_owned(equipment)
        if not owned or load.band in owned:
            return load
        wanted = BAND_COLOURS.index(load.band) if load.band in BAND_COLOURS else 0
        return load.with_band(min(owned, key=lambda c: (abs(BAND_COLOURS.index(c) - wanted), BAND_COLOURS.index(c))))
    weights = weights_for(equipment, load)
    if load.weight is None or not weights:
        return load
    weight = load.weight
    return load.with_weight(min(weights, key=lambda w: (abs(w - weight), w)))


def stepped(equipment: Equipment, load: Load, steps: int) -> Load | None:
    """The load `steps` harder (+1) or easier (-1) than `load` with what is owned: the next
    heavier bell, the next plate pair, a lighter band; for assisted, harder is less help.
    None when there is no such step (the heaviest bell already)."""
    load = snapped(equipment, load)
    if load.type is LoadType.BAND:
        owned = bands_owned(equipment)
        if load.band not in owned:
            return None
        index = owned.index(load.band) + steps
        return load.with_band(owned[index]) if 0 <= index < len(owned) else None
    weights = weights_for(equipment, load)
    if load.weight is None or not weights or load.weight not in weights:
        return None
    harder = -steps if load.type is LoadType.ASSISTED else steps
    index = weights.index(load.weight) + harder
    return load.with_weight(weights[index]) if 0 <= index < len(weights) else None
