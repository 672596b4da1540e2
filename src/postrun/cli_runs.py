"""`postrun runs`: the runs in the log, brought in from watch files, folders and Strava
exports (`postrun runs import`), or typed (`postrun runs add`). One line per file says
what became of it; problems go to stderr; exit 1 when a file was refused."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from datetime import datetime, time
from pathlib import Path

from postrun.cli_history import day_argument
from postrun.core.clock import WallClock, local_now
from postrun.core.run import RunKind, run_line
from postrun.core.run_typing import TypedRun, typed_run
from postrun.store.run_import import import_runs, tally
from postrun.store.run_json import run_item
from postrun.store.run_rules import run_rules
from postrun.store.todays_run import month_line, todays_run
from postrun.store.workout_log import WorkoutLog


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    runs = commands.add_parser("runs", help="your runs (from a watch's files, a Strava export, or typed), "
                                            "and what today's run suggests")
    runs.add_argument("--json", action="store_true", help="every field, as JSON")
    runs.add_argument("--since", metavar="YYYY-MM-DD", type=day_argument, help="only runs on or after this day")
    actions = runs.add_subparsers(dest="runs_command", metavar="ACTION")
    bring = actions.add_parser("import", help="read FIT (.fit, .fit.gz), GPX and TCX files, folders of them, "
                                              "and Strava exports (the zip or its folder)")
    bring.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER", type=Path)
    add = actions.add_parser("add", help="type a run that has no file")
    add.add_argument("--time", required=True, help="how long: 47:10, 1:32:05, or 47 (minutes)")
    add.add_argument("--distance", default="", metavar="KM", help="kilometres: 8.2")
    add.add_argument("--kind", default="", choices=[k.value for k in RunKind])
    add.add_argument("--effort", default="", metavar="1-10", help="1 easy … 10 all out")
    add.add_argument("--finished", metavar="HH:MM", help="when it ended today (default: now)")


def cmd_runs(args: argparse.Namespace, now: WallClock = local_now) -> int:
    log = WorkoutLog.open(now=now)
    try:
        if args.runs_command in ("import", "add") and not log.durable:
            print(f"postrun: the workout log cannot be written ({log.problem}). Nothing was imported.",
                  file=sys.stderr)
            return 1
        if args.runs_command == "import":
            return _import(log, args.paths)
        if args.runs_command == "add":
            return _add(log, args, now())
        return _list(log, args, now())
    except sqlite3.Error as exc:
        print(f"postrun: the workout log could not be read or written ({exc}); nothing was changed",
              file=sys.stderr)
        return 1
    finally:
        log.close()


def _import(log: WorkoutLog, paths: list[Path]) -> int:
    shown = {"at": 0}

    def progress(done: int, total: int) -> None:
        # a progress line for a long import, on a terminal only (a log file gets the results)
        if total >= 50 and sys.stderr.isatty() and (done == total or done - shown["at"] >= 25):
            shown["at"] = done
            print(f"\r{done} of {total} activities read", end="\n" if done == total else "", file=sys.stderr,
                  flush=True)

    outcomes = import_runs(log, paths, progress)
    for outcome in outcomes:
        print(outcome.line)
    print(f"Runs: {tally(outcomes)}.")
    return 1 if any(o.state == "not imported" for o in outcomes) else 0


def _add(log: WorkoutLog, args: argparse.Namespace, now: datetime) -> int:
    finished = now
    if args.finished:
        try:
            clock = time.fromisoformat(args.finished)
        except ValueError:
            print(f"postrun: --finished: “{args.finished}” is not a time such as 18:45", file=sys.stderr)
            return 2
        finished = datetime.combine(now.date(), clock, now.tzinfo)
    try:
        run = typed_run(TypedRun(args.distance, args.time, args.kind, args.effort), finished)
    except ValueError as exc:
        print(f"postrun: {exc}", file=sys.stderr)
        return 2
    added, _ = log.add_runs([run])
    print(f"{'Added' if added else 'Already there'}: {run_line(run, now.tzinfo)}.")
    return 0


def _list(log: WorkoutLog, args: argparse.Namespace, now: datetime) -> int:
    since = datetime.combine(args.since, time(), now.tzinfo) if args.since else None
    runs = log.runs(since=since)
    if args.json:
        print(json.dumps([run_item(r) for r in runs], indent=2, ensure_ascii=False))
        return 0
    if not runs:
        print("No runs yet. Bring them in with `postrun runs import FILE_OR_FOLDER` (a watch's FIT files, a "
              "Strava export) or type one with `postrun runs add --time 47:10 --distance 8.2`.")
        return 0
    for run in reversed(runs):
        print(f"{run.started_at.astimezone(now.tzinfo):%Y-%m-%d}  {run_line(run, now.tzinfo)}  ({run.source})")
    today = todays_run(log, now, run_rules())
    if today is not None:
        print(f"Today: {today.sentence}")
    print(month_line(log, now).capitalize() + ".")
    return 0



