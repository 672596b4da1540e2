"""The rules of what today's run suggests, read from assets/run_rules.toml (data, like the
muscle groups): each mistake in the file is said with its rule's number."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from postrun.core.run import RunKind
from postrun.core.run_advice import Advice, RunRule, RunRules
from postrun.store.paths import assets_dir

ADVICE = {"full": Advice.FULL, "fewer_rounds": Advice.FEWER_ROUNDS, "cooldown_only": Advice.COOLDOWN_ONLY}
CONDITIONS = {"minutes_over", "distance_over_average", "kinds", "effort_at_least", "training_effect_at_least",
              "heart_rate_at_least"}


def _rule(table: Any, number: int) -> RunRule:
    where = f"rule[{number}]"
    if not isinstance(table, dict):
        raise ValueError(f"{where}: must be a table")
    unknown = set(table) - CONDITIONS - {"advice", "words"}
    if unknown:
        raise ValueError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    if table.get("advice") not in ADVICE:
        raise ValueError(f"{where}.advice: one of {', '.join(ADVICE)}")
    if not isinstance(table.get("words"), str) or not table["words"].strip():
        raise ValueError(f"{where}.words: the reason in words is needed")
    if not CONDITIONS & set(table):
        raise ValueError(f"{where}: needs a condition ({', '.join(sorted(CONDITIONS))})")
    numbers = {}
    for key in CONDITIONS - {"kinds"}:
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"{where}.{key}: must be a number, 0 or more")
            numbers[key] = value
    try:
        kinds = frozenset(RunKind(str(k)) for k in table.get("kinds", []))
    except ValueError:
        raise ValueError(f"{where}.kinds: each of {', '.join(k.value for k in RunKind)}") from None
    return RunRule(ADVICE[table["advice"]], table["words"].strip(), minutes_over=numbers.get("minutes_over"),
                   distance_over_average=numbers.get("distance_over_average"), kinds=kinds,
                   effort_at_least=int(numbers["effort_at_least"]) if "effort_at_least" in numbers else None,
                   training_effect_at_least=numbers.get("training_effect_at_least"),
                   heart_rate_at_least=int(numbers["heart_rate_at_least"]) if "heart_rate_at_least" in numbers
                   else None)


def read_run_rules(path: Path) -> RunRules:
    """The rules, or ValueError (tomllib's included) naming what is wrong."""
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    rules = doc.get("rule", [])
    if not isinstance(rules, list):
        raise ValueError(f"{path}: [[rule]] must be a list of tables")
    weeks = doc.get("average_weeks", 4)
    share = doc.get("fewer_rounds_share", 0.5)
    if not isinstance(weeks, int) or not 1 <= weeks <= 52:
        raise ValueError(f"{path}: average_weeks must be a whole number from 1 to 52")
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share < 1:
        raise ValueError(f"{path}: fewer_rounds_share must be more than 0 and less than 1")
    try:
        found = tuple(_rule(table, number) for number, table in enumerate(rules, 1))
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
    return RunRules(found, weeks, float(share), str(doc.get("easy_words", RunRules.easy_words)))


@cache
def run_rules() -> RunRules:
    return read_run_rules(assets_dir() / "run_rules.toml")
