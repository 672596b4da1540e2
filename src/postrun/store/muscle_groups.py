"""The muscle-group table for the history's balance, read from assets/muscle_groups.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from postrun.core.balance import GroupTable
from postrun.store.paths import assets_dir


def read_group_table(path: Path) -> GroupTable:
    """Raises OSError or ValueError (tomllib's included) when the file is not a table."""
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    order = doc.get("order")
    groups = doc.get("groups")
    pair = doc.get("pair")
    if not (isinstance(order, list) and all(isinstance(g, str) for g in order) and isinstance(groups, dict)):
        raise ValueError(f"{path}: needs `order` (a list of group names) and a [groups] table")
    of_muscle: dict[str, str] = {}
    for group, names in groups.items():
        if group not in order or not isinstance(names, list):
            raise ValueError(f"{path}: groups.{group} must be one of `order` and list muscle names")
        for name in names:
            of_muscle[str(name).strip().casefold()] = group
    if not (isinstance(pair, list) and len(pair) == 2 and all(g in order for g in pair)):
        raise ValueError(f"{path}: `pair` must name two groups of `order`")
    ratio = float(doc.get("ratio", 1.5))
    words = {str(k): str(v) for k, v in dict(doc.get("circuit_words", {})).items()}
    return GroupTable(tuple(order), of_muscle, (pair[0], pair[1]), ratio, words)


@cache
def group_table() -> GroupTable:
    return read_group_table(assets_dir() / "muscle_groups.toml")
