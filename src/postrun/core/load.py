"""What is in the hand for an exercise: an external weight (kettlebell, dumbbell, barbell,
a cable stack), bodyweight, bodyweight with weight added, bodyweight with weight taken
off (assisted), a band by colour, or nothing.

The numbers stay positive: an assisted pull-up with 20 kg of help is `assisted, 20`, not
-20, so no sum or maximum is ever broken by a negative (wger #1656, Flexify #137). How
hard a load is, for comparing two loads and for volume, is `heaviness` and `lifted`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class LoadType(StrEnum):
    KETTLEBELL = "kettlebell"
    DUMBBELL = "dumbbell"
    BARBELL = "barbell"          # the whole bar, plates included
    CABLE = "cable"              # a cable or machine stack
    BODYWEIGHT = "bodyweight"
    WEIGHTED = "weighted"        # bodyweight plus weight added (a belt, a vest, a plate held)
    ASSISTED = "assisted"        # bodyweight minus weight taken off (a machine, a counterweight)
    BAND = "band"
    NONE = "none"


class Unit(StrEnum):
    KG = "kg"
    LB = "lb"


EXTERNAL = frozenset({LoadType.KETTLEBELL, LoadType.DUMBBELL, LoadType.BARBELL, LoadType.CABLE})
WITH_WEIGHT = EXTERNAL | {LoadType.WEIGHTED, LoadType.ASSISTED}      # a number is needed
# bands by tension, lightest first (the common colour code of resistance bands)
BAND_COLOURS = ("yellow", "red", "green", "blue", "black", "silver", "gold")
MAX_KG = 500.0
LB_PER_KG = 2.20462262185
MAX_IMPLEMENTS = 2


@dataclass(frozen=True)
class Load:
    type: LoadType
    weight: float | None = None      # each implement's; the bar's; the stack's; added; taken off
    unit: Unit = Unit.KG
    implements: int = 1              # 2: a pair (two kettlebells), `weight` is each one's
    band: str | None = None          # a colour of BAND_COLOURS
    # a pair written as the weight of both together (`total = 32` for two 16 kg bells): only
    # how the file and the window say it, never a different load
    as_total: bool = field(default=False, compare=False)

    @property
    def total(self) -> float:
        """The weight in the hands: both implements of a pair (0 without a number)."""
        return (self.weight or 0.0) * self.implements

    def with_weight(self, weight: float) -> Load:
        return Load(self.type, weight, self.unit, self.implements, self.band, self.as_total)

    def with_band(self, band: str) -> Load:
        return Load(self.type, None, self.unit, self.implements, band)



def heaviness(load: Load) -> float:
    """An order of how hard loads of one exercise are: more weight in the hand is harder,
    more assistance is easier (assisted 10 kg is harder than assisted 20 kg), a band's
    tension follows its colour. Only for comparing loads of the same type."""
    if load.type is LoadType.ASSISTED:
        return -(load.weight or 0.0)
    if load.type is LoadType.BAND:
        return float(BAND_COLOURS.index(load.band)) if load.band in BAND_COLOURS else 0.0
    return load.total


def lifted(load: Load, bodyweight: float | None = None) -> float:
    """The weight moved, for volume (weight x reps): a pair counts both implements; the
    body counts only when its weight is known; assistance takes off and never goes below
    zero. Bands and none count nothing (their pull is not a weight)."""
    body = bodyweight or 0.0
    if load.type in EXTERNAL:
        return load.total
    if load.type is LoadType.BODYWEIGHT:
        return body
    if load.type is LoadType.WEIGHTED:
        return body + load.total
    if load.type is LoadType.ASSISTED:
        return max(0.0, body - load.total)
    return 0.0


class Numbers:
    """How the window writes a weight: the locale's decimal mark, set once where the window
    starts (the command line and files keep ".")."""

    decimal_point = "."


def number_text(value: float, decimal_point: str | None = None) -> str:
    """16 -> '16', 12.5 -> '12.5' (or '12,5' with a comma locale), never '16.0'."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", decimal_point or Numbers.decimal_point)


def load_text(load: Load, decimal_point: str | None = None) -> str:
    """'16 kg kettlebell', '2 × 16 kg kettlebells', '60 kg barbell', 'bodyweight + 10 kg',
    'assisted, 20 kg off', 'red band', 'bodyweight'; '' for none."""
    weight = f"{number_text(load.weight, decimal_point)} {load.unit.value}" if load.weight is not None else ""
    kind = load.type
    if kind in EXTERNAL:
        name = "cable stack" if kind is LoadType.CABLE else kind.value
        if load.implements > 1:
            both = f" ({number_text(load.total, decimal_point)} {load.unit.value} in all)" \
                if load.as_total and load.weight is not None else ""
            return f"{load.implements} × {weight} {name}s{both}".strip()
        return f"{weight} {name}".strip()
    if kind is LoadType.WEIGHTED:
        return f"bodyweight + {weight}" if weight else "bodyweight"
    if kind is LoadType.ASSISTED:
        return f"assisted, {weight} off" if weight else "assisted"
    if kind is LoadType.BAND:
        return f"{load.band} band" if load.band else "band"
    if kind is LoadType.BODYWEIGHT:
        return "bodyweight"
    return ""


def short_text(load: Load, decimal_point: str | None = None) -> str:
    """The run view's few characters beside the name: '16 kg', '2×16 kg', '+10 kg',
    '−20 kg help', 'red band', 'BW'; '' for none."""
    weight = f"{number_text(load.weight, decimal_point)} {load.unit.value}" if load.weight is not None else ""
    if load.type in EXTERNAL:
        return f"{load.implements}×{weight}" if load.implements > 1 else weight
    if load.type is LoadType.WEIGHTED:
        return f"BW +{weight}" if weight else "BW"
    if load.type is LoadType.ASSISTED:
        return f"BW −{weight}" if weight else "BW"
    if load.type is LoadType.BAND:
        return f"{load.band} band" if load.band else "band"
    return "BW" if load.type is LoadType.BODYWEIGHT else ""


def load_of(value: object) -> Load | None:
    """A load as stored ({"type": "kettlebell", "weight": 16, ...}), read leniently: a row
    edited by hand into nonsense reads as no load, and never stops a read."""
    if not isinstance(value, dict):
        return None
    try:
        kind = LoadType(str(value.get("type")))
        unit = Unit(str(value.get("unit", "kg")))
    except ValueError:
        return None
    implements = value.get("implements", 1)
    implements = implements if implements in (1, 2) else 1
    as_total = "weight" not in value and "total" in value and implements > 1
    weight = value.get("total") if as_total else value.get("weight")
    weight = float(weight) if isinstance(weight, int | float) and not isinstance(weight, bool) and 0 < weight <= 5000 \
        else None
    if as_total and weight is not None:
        weight /= implements
    band = value.get("band") if value.get("band") in BAND_COLOURS else None
    return Load(kind, weight, unit, implements, band, as_total)
