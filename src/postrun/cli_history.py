"""`postrun history`: the workout log in a terminal, exported, or merged from an export.

Output goes to stdout (redirect it to a file to export); problems go to stderr, one line,
exit code 1, and an import that fails changes nothing.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from datetime import date, datetime, time
from pathlib import Path

from postrun.core.balance import minutes_words
from postrun.core.clock import WallClock, local_now
from postrun.core.durations import format_duration
from postrun.core.run import Run
from postrun.store.history import WEEK_RULE, bar_lines, filtered, outcome_text, overview, this_week_text
from postrun.store.library import load_library
from postrun.store.record_file import RecordFileError, csv_text, json_text, sets_csv, stream_workouts_file
from postrun.store.workout_log import WorkoutLog, WorkoutRecord, draft_of


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    history = commands.add_parser(
        "history", help="your workouts, newest first; export them as JSON or CSV, or merge an export in")
    shape = history.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="every field, as the window's JSON export")
    shape.add_argument("--csv", action="store_true", help="one row per workout, for a spreadsheet")
    shape.add_argument("--balance", action="store_true",
                       help="work minutes per muscle group over the last 4 weeks, and what would balance them")
    shape.add_argument("--import", dest="import_file", metavar="FILE.json", type=Path,
                       help="merge an earlier JSON export (another computer's); workouts already here are skipped")
    history.add_argument("--since", metavar="YYYY-MM-DD", type=day_argument,
                         help="only workouts started on or after this day")
    history.add_argument("--circuit", metavar="NAME", help="only this circuit (its file name or its name)")
    history.add_argument("--sets", action="store_true",
                         help="with --csv: one row per set (its exercise, load, reps or seconds)")
    history.add_argument("--exercise", metavar="NAME",
                         help="one exercise over the weeks: each workout's load and sets, the bests and what "
                              "to do next time (with --json: as JSON)")


def day_argument(text: str) -> date:
    """--since YYYY-MM-DD (of `history` and of `runs`)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day; write it as YYYY-MM-DD, e.g. 2026-11-01") from None


def cmd_history(args: argparse.Namespace, now: WallClock = local_now) -> int:
    log = WorkoutLog.open(now=now)
    try:
        if not log.durable and args.import_file is not None:
            print(f"postrun: the workout log cannot be written ({log.problem}). Nothing was imported.",
                  file=sys.stderr)
            return 1
        if args.import_file is None and not log.complete:
            # an empty answer would read as "no workouts", and an export as a whole backup
            print(f"postrun: the workout log could not be read ({log.problem}); nothing was listed or exported",
                  file=sys.stderr)
            return 1
        if log.notice:
            print(f"postrun: {log.notice}", file=sys.stderr)
        if args.import_file is not None:
            return _import(log, args.import_file)
        if args.balance:
            return _balance(log, now().date())
        if args.exercise:
            return _exercise(log, args.exercise, as_json=args.json)
        if args.sets:
            if not args.csv:
                print("postrun: --sets goes with --csv (one row per set)", file=sys.stderr)
                return 2
            _emit(sets_csv(log.set_rows()))
            sys.stdout.flush()
            return 0
        records = filtered(log.records(), args.since, args.circuit)
        if args.json:
            _emit(json_text((draft_of(r) for r in records), _runs_for(log, args.since, args.circuit, now)))
        elif args.csv:
            _emit(csv_text(draft_of(r) for r in records))
        elif records:
            _table(records, now())
        else:
            print(_nothing(log, args.since, args.circuit))
        sys.stdout.flush()          # an export redirected to a full disk fails here, not silently at exit
        return 0
    except BrokenPipeError:
        raise                       # `| head`: cli.main ends quietly
    except OSError as exc:
        print(f"postrun: the output could not be written ({exc.strerror or exc}); the export is incomplete",
              file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        print(f"postrun: the workout log could not be read ({exc})", file=sys.stderr)
        return 1
    finally:
        log.close()


def _emit(text: str) -> None:
    """All of an export to stdout, or OSError: a text stream may keep quiet about a short
    write (unbuffered, on a full disk), so the bytes go out by hand until all are written."""
    sys.stdout.flush()
    data = memoryview(text.encode("utf-8"))
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):     # not a real file (a test's capture)
        sys.stdout.write(text)
        return
    while data:
        data = data[os.write(fd, data):]


def _runs_for(log: WorkoutLog, since: date | None, circuit: str | None, now: WallClock) -> list[Run]:
    """The runs an export carries beside its workouts (none when it is of one circuit),
    newest first like them."""
    if circuit:
        return []
    start = datetime.combine(since, time(), tzinfo=now().tzinfo) if since else None
    return log.runs(since=start)[::-1]


def _import(log: WorkoutLog, path: Path) -> int:
    runs: list[Run] = []
    try:
        # workouts and runs in one transaction: all or nothing
        added, known, runs_added, runs_known = log.merge_export(stream_workouts_file(path, runs), runs)
    except RecordFileError as exc:
        print(f"postrun: {exc}. Nothing was imported.", file=sys.stderr)
        return 1
    except (sqlite3.Error, OSError) as exc:
        print(f"postrun: the workout log could not be written ({exc}). Nothing was imported.", file=sys.stderr)
        return 1
    already = f"; {known} already in your log" if known else ""
    print(f"Imported {added} workout{'s' if added != 1 else ''} from {path}{already}.")
    if runs_added or runs_known:
        already = f"; {runs_known} already in your log" if runs_known else ""
        print(f"Imported {runs_added} run{'s' if runs_added != 1 else ''}{already}.")
    return 0


def _exercise(log: WorkoutLog, wanted: str, as_json: bool) -> int:
    from postrun.store.equipment_file import read_equipment
    from postrun.store.exercise_report import UnknownExercise, matching_name, report, report_json, report_lines

    try:
        name = matching_name(log, wanted)
    except UnknownExercise as exc:
        print(f"postrun: {exc}", file=sys.stderr)
        return 1
    equipment = read_equipment()
    if equipment.problem:
        print(f"postrun: {equipment.problem}", file=sys.stderr)
    result = report(log, name, load_library(), equipment.equipment)
    if as_json:
        _emit(report_json(result))
    else:
        print("\n".join(report_lines(result)))
    return 0


def _balance(log: WorkoutLog, today: date) -> int:
    view = overview(log, load_library(), today)
    for line in bar_lines(view.balance):
        print(line)
    print()
    print(view.sentence)
    if view.suggestion is not None:
        print(f"Suggested: postrun run {view.suggestion.key}")
    print(this_week_text(view, today))
    print(f"({WEEK_RULE}.)")
    return 0


def _nothing(log: WorkoutLog, since: date | None, circuit: str | None) -> str:
    """Why the list is empty: no workouts at all, or none that the filters let through
    (an empty answer on a full log must not read like data loss)."""
    total = len(log.summaries())
    if total == 0:
        return "No workouts yet. Finish or stop one in the window and it is listed here."
    what = f"No workouts of “{circuit}”" if circuit else "No workouts"
    if since is not None:
        what += f" since {since.isoformat()}"
    return f"{what} ({total} in the log)."


def _table(records: list[WorkoutRecord], now: datetime) -> None:
    for r in records:
        when = r.started_at.strftime("%Y-%m-%d %H:%M %z")
        skips = f"{len(r.skipped)} skipped" if r.skipped else ""
        effort = f"effort {r.effort}" if r.effort else ""
        extras = "  ".join(t for t in (skips, effort, r.note.replace("\n", " ")) if t)
        print(f"{when}  {format_duration(r.active_seconds):>6}  {r.circuit_name}  "
              f"({outcome_text(r.status, r.segment_label, r.sets_done)})  {extras}".rstrip())
    total = sum(r.active_seconds for r in records)
    print(f"{len(records)} workout{'s' if len(records) != 1 else ''}, {minutes_words(total)} "
          f"(as of {now:%Y-%m-%d %H:%M})")
