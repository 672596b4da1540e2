"""Writing circuit files: a new one as plain TOML, a hand-written one edited in place.

A file the editor writes reads back equal (round trip). A file a person wrote keeps its
comments and layout: it is read with tomlkit, and only the values that changed are
replaced (an exercise that moved keeps its table and its comments). File names come from
the circuit's name, safe on every system and unique in the folder.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomli_w
import tomlkit
from tomlkit.items import AoT, Table, Whitespace

from postrun.core.circuit import Circuit
from postrun.core.circuit_toml import circuit_to_dict
from postrun.store.atomic import write_atomically

MAX_STEM = 60
# names Windows keeps for devices, with or without an extension
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def circuit_toml(circuit: Circuit) -> str:
    """A new circuit file: every field, in the order README documents them."""
    return tomli_w.dumps(circuit_to_dict(circuit))


def safe_stem(name: str) -> str:
    """A file name (without .toml) from a circuit name that every system accepts:
    lower-case ASCII letters, digits and dashes, at most 60 characters, never a device
    name, never empty. 'Quad day: 2×!' -> 'quad-day-2'."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_STEM].strip("-")
    if not stem:
        stem = "circuit"
    if stem.split("-")[0] in _RESERVED and "-" not in stem:
        stem += "-circuit"
    return stem


def unique_path(folder: Path, stem: str, taken: set[str] | None = None) -> Path:
    """folder/stem.toml, or stem-2.toml, stem-3.toml… when taken (case-insensitively:
    two names that differ only in case are one file on macOS and Windows)."""
    taken = {t.casefold() for t in (taken or set())}
    with contextlib.suppress(OSError):
        taken |= {p.stem.casefold() for p in folder.glob("*.toml")}
    candidate, number = stem, 2
    while candidate.casefold() in taken:
        suffix = f"-{number}"
        candidate = stem[:MAX_STEM - len(suffix)] + suffix
        number += 1
    return folder / f"{candidate}.toml"


def updated_toml(original: str, old: Circuit, new: Circuit) -> str:
    """`original` (a file as a person wrote it) with the values that differ between `old`
    (what it said) and `new` replaced; comments, order and spelling of the rest kept."""
    doc = tomlkit.parse(original)
    _apply(doc, circuit_to_dict(old), circuit_to_dict(new), lists=("exercise", "cooldown"))
    return tomlkit.dumps(doc)


def write_circuit(path: Path, text: str) -> None:
    """Atomically: the file holds the old circuit or the new, never half. Raises OSError."""
    write_atomically(path, text.encode("utf-8"))


# -- applying a change to a tomlkit document ------------------------------------------

def _apply(table: Any, old: Mapping[str, Any], new: Mapping[str, Any], lists: tuple[str, ...] = ()) -> None:
    for key in list(old):
        if key not in new and key in table:
            del table[key]
    for key, value in new.items():
        if key in lists or key == "alternative":
            _apply_tables(table, key, list(old.get(key, [])), list(value))
        elif key not in old or old[key] != value:
            _set(table, key, value)             # a value the file left to its default stays unwritten


def _set(table: Any, key: str, value: Any) -> None:
    """Replace a value where it stands; a new one goes after the last plain value (not
    after the tables that follow, where it would belong to the last of them)."""
    if key in table:
        table[key] = value
        return
    plain = [k for k, item in table.body if k is not None and not isinstance(item, Table | AoT)]
    try:
        table._insert_after(plain[-1].key, key, value) if plain else table.append(key, value)  # noqa: SLF001
    except Exception:  # noqa: BLE001 - a layout tomlkit cannot insert into: add it at the end
        table[key] = value


def _apply_tables(table: Any, key: str, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
    """An array of tables ([[exercise]]): each new item reuses the old table of the same
    name (so its comments go where it goes), updated in place; the rest are new tables."""
    if old == new and (key in table or not new):
        return
    existing = table.get(key)
    tables = list(existing) if isinstance(existing, AoT) else []
    if len(tables) == len(old) == len(new) and [o.get("name") for o in old] == [n.get("name") for n in new]:
        for item_table, item_old, item in zip(tables, old, new, strict=True):
            _apply(item_table, item_old, item)      # same items in the same order: edited in place
        return
    pool: dict[str, list[tuple[Table, dict[str, Any]]]] = {}
    for item_table, item_old in zip(tables, old, strict=False):
        pool.setdefault(str(item_old.get("name", "")), []).append((item_table, item_old))
    result = tomlkit.aot()
    for item in new:
        reuse = pool.get(str(item.get("name", "")))
        if reuse:
            item_table, item_old = reuse.pop(0)
            _apply(item_table, item_old, item)
        else:
            item_table = tomlkit.table()
            for name, value in item.items():
                if name == "alternative":
                    alternatives = tomlkit.aot()
                    for alternative in value:
                        alternatives.append(tomlkit.item(alternative))
                    item_table.append(name, alternatives)
                else:
                    item_table.append(name, value)
        _one_blank_line_after(item_table)
        result.append(item_table)
    if key in table and new:
        table[key] = result             # where the old array stood
    elif key in table:
        del table[key]
    elif new:
        table.append(key, result)


def _one_blank_line_after(table: Table) -> None:
    """Moved tables keep their comments; the blank lines between them are made even."""
    body = table.value.body
    while body and body[-1][0] is None and isinstance(body[-1][1], Whitespace):
        body.pop()
    table.add(tomlkit.nl())
