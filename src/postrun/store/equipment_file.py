"""Your equipment, kept in the config folder as equipment.json: the unit, the kettlebells,
dumbbells and plates owned, the bar, a machine's stack, the bands and your bodyweight.
A file that cannot be used is said in words, and the defaults (by the locale's unit) are
used until it is saved again; nothing in it is trusted beyond its shape and limits."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from postrun.core.equipment import Equipment, default_equipment
from postrun.core.load import BAND_COLOURS, LB_PER_KG, MAX_KG, Unit
from postrun.store.atomic import write_atomically
from postrun.store.paths import config_dir

MAX_ITEMS = 50                 # weights in one list: a home gym, not a warehouse
MAX_FILE_BYTES = 64 * 1024
IMPERIAL = ("US", "LR", "MM")  # the countries that weigh in pounds


@dataclass(frozen=True)
class EquipmentRead:
    equipment: Equipment
    problem: str | None          # why the file could not be used, in words


def equipment_path() -> Path:
    return config_dir() / "equipment.json"


def locale_unit(environ: dict[str, str] | None = None) -> Unit:
    """lb where the locale's country weighs in pounds (en_US.UTF-8), else kg."""
    env = os.environ if environ is None else environ
    name = env.get("LC_ALL") or env.get("LC_MEASUREMENT") or env.get("LANG") or ""
    country = name.split(".")[0].split("_")[1] if "_" in name.split(".")[0] else ""
    return Unit.LB if country.upper() in IMPERIAL else Unit.KG


def read_equipment(path: Path | None = None, environ: dict[str, str] | None = None) -> EquipmentRead:
    path = path or equipment_path()
    fallback = default_equipment(locale_unit(environ))
    try:
        if not path.exists() and not path.is_symlink():
            return EquipmentRead(fallback, None)
        if not path.is_file():
            return EquipmentRead(fallback, f"{path} is not a regular file; the default equipment is used")
        if path.stat().st_size > MAX_FILE_BYTES:
            return EquipmentRead(fallback, f"{path} is larger than {MAX_FILE_BYTES // 1024} KB; "
                                           "the default equipment is used")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return EquipmentRead(fallback, f"{path} could not be read ({exc}); the default equipment is used")
    try:
        return EquipmentRead(equipment_of(data), None)
    except ValueError as exc:
        return EquipmentRead(fallback, f"{path}: {exc}; the default equipment is used until it is saved again")


class EquipmentError(ValueError):
    """What is wrong with one field of an equipment document: `field` is its key
    ("kettlebells"), the text names the entry too ("kettlebells[2]: must be …")."""

    def __init__(self, field: str, message: str, where: str | None = None) -> None:
        super().__init__(f"{where or field}: {message}" if field else message)
        self.field = field


def equipment_of(data: Any) -> Equipment:
    """The equipment in a document, or EquipmentError naming the field and what is wrong."""
    if not isinstance(data, dict):
        raise EquipmentError("", "not an object")
    unit_text = data.get("unit", "kg")
    if unit_text not in ("kg", "lb"):
        raise EquipmentError("unit", f"must be kg or lb, not {str(unit_text)[:20]!r}")
    unit = Unit(unit_text)
    limit = MAX_KG if unit is Unit.KG else round(MAX_KG * LB_PER_KG)
    base = default_equipment(unit)

    def weights(key: str) -> tuple[float, ...]:
        value = data.get(key, list(getattr(base, key)))
        if not isinstance(value, list):
            raise EquipmentError(key, "must be a list of weights")
        if len(value) > MAX_ITEMS:
            raise EquipmentError(key, f"{len(value)} weights; at most {MAX_ITEMS}")
        return tuple(weight(key, v, f"{key}[{i}]") for i, v in enumerate(value, start=1))

    def weight(key: str, value: Any, where: str | None = None) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise EquipmentError(key, "must be a number", where)
        if not 0 < value <= limit:
            raise EquipmentError(key, f"must be more than 0 and at most {limit:g} {unit.value}, not {value:g}",
                                 where)
        return float(value)

    bands = data.get("bands", list(base.bands))
    if not isinstance(bands, list) or len(bands) > len(BAND_COLOURS) or any(b not in BAND_COLOURS for b in bands):
        raise EquipmentError("bands", f"must be a list of the colours {', '.join(BAND_COLOURS)}")
    body = data.get("bodyweight")
    return Equipment(
        unit=unit, kettlebells=weights("kettlebells"), dumbbells=weights("dumbbells"), plates=weights("plates"),
        bar=weight("bar", data.get("bar", base.bar)),
        stack_step=weight("stack_step", data.get("stack_step", base.stack_step)),
        stack_top=weight("stack_top", data.get("stack_top", base.stack_top)), bands=tuple(bands),
        bodyweight=None if body is None else weight("bodyweight", body))


def save_equipment(equipment: Equipment, path: Path | None = None) -> str | None:
    """Written atomically; None when saved, else why not in words."""
    path = path or equipment_path()
    data = asdict(equipment)
    data["unit"] = equipment.unit.value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, (json.dumps(data, indent=2) + "\n").encode())
    except OSError as exc:
        return f"the equipment could not be saved to {path}: {exc.strerror or exc}"
    return None
