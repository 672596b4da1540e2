"""`postrun list/check/show`: the circuit library from a terminal.

Bad input is reported one line per problem with exit code 1, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from postrun import __version__
from postrun.core.durations import format_duration
from postrun.core.errors import CircuitError
from postrun.core.segment_words import step_lines
from postrun.core.timeline import Timeline, build_timeline
from postrun.store.circuit_reading import read_circuit_file
from postrun.store.library import LibraryEntry, NotFound, find_entry, load_library


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="postrun",
        description="Interval timer for short strength circuits after a run.",
    )
    parser.add_argument("--version", action="version", version=f"postrun {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation: a 3-second circuit through the engine, the window, the "
                             "sound and a temporary log; one line per check, exit 0 when all passed")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = commands.add_parser("list", help="every circuit, built-in and your own, with its length or its error")
    listing.add_argument("--json", action="store_true", help="machine-readable output")

    check = commands.add_parser("check", help="validate circuit files; one line per problem, exit 1 if any")
    check.add_argument("paths", nargs="+", metavar="PATH", type=Path)

    show = commands.add_parser("show", help="the expanded timeline of a circuit, segment by segment")
    show.add_argument("circuit", metavar="NAME_OR_PATH",
                      help="a file, a file name from `postrun list`, or a circuit name")
    show.add_argument("--json", action="store_true", help="machine-readable output")

    commands.add_parser("doctor", help="what this machine offers: sound, speech, keep-awake, data folder")

    cues = commands.add_parser("cues", help="hear every cue, or write them as WAV files")
    action = cues.add_mutually_exclusive_group(required=True)
    action.add_argument("--play", action="store_true", help="play each cue once, with its name")
    action.add_argument("--write", metavar="DIR", type=Path, help="write each cue as DIR/NAME.wav")

    from postrun.cli_history import add_parser as add_history

    add_history(commands)
    from postrun.cli_exchange import add_parsers as add_exchange

    add_exchange(commands)
    from postrun.cli_runs import add_parser as add_runs

    add_runs(commands)

    run = commands.add_parser("run", help="open the window on a circuit, ready to start")
    run.add_argument("circuit", metavar="NAME_OR_PATH", help="a file, a file name from `postrun list`, or a name")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--speaker"]:
        # a bundle has no `python -m`: the voice's process is postrun itself
        from postrun.audio.speaker_process import main as speaker

        return speaker(args[1:])
    try:
        return _dispatch(argv)
    except BrokenPipeError:
        # `postrun show x | head`: the reader left; not an error worth a traceback
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0


def _dispatch(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from postrun.self_test import main as self_test

        return self_test()
    if args.command == "list":
        return cmd_list(args.json)
    if args.command == "check":
        return cmd_check(args.paths)
    if args.command == "show":
        return cmd_show(args.circuit, args.json)
    if args.command == "run":
        return cmd_run(args.circuit)
    if args.command == "doctor":
        from postrun.doctor import report

        for line in report():
            print(line)
        return 0
    if args.command == "cues":
        return cmd_cues(args.play, args.write)
    if args.command in ("import", "export"):
        from postrun.cli_exchange import cmd_export, cmd_import

        return cmd_import(args) if args.command == "import" else cmd_export(args)
    if args.command == "runs":
        from postrun.cli_runs import cmd_runs

        return cmd_runs(args)
    if args.command == "history":
        from postrun.cli_history import cmd_history

        return cmd_history(args)
    from postrun.app import main as open_window  # Qt only when a window is wanted

    return open_window()


def cmd_cues(play: bool, folder: Path | None) -> int:
    import wave

    from postrun.audio.cues import CUES, RATE, CueSet

    cues = CueSet()
    if folder is not None:
        for name in CUES:
            path = folder / f"{name}.wav"
            try:
                folder.mkdir(parents=True, exist_ok=True)
                with wave.open(str(path), "wb") as out:
                    out.setnchannels(1)
                    out.setsampwidth(2)
                    out.setframerate(RATE)
                    out.writeframes(cues[name])
            except OSError as exc:
                print(f"postrun: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
                return 1
            print(path)
        return 0
    from postrun.audio.player import CuePlayer

    player = CuePlayer(cues)
    for name, cue in CUES.items():
        print(f"{name:<17} {cue.description}", flush=True)
        if not player.play(name):
            print(f"postrun: {player.problem} ({player.detail})", file=sys.stderr)
            return 1
        player.wait()
    return 0


def usable_entry(name_or_path: str) -> LibraryEntry | None:
    """The circuit asked for, or None after saying on stderr why it cannot be used."""
    try:
        entry = find_entry(name_or_path)
    except NotFound as exc:
        print(f"postrun: {exc}", file=sys.stderr)
        return None
    if entry.error is not None:
        for problem in entry.error.problems:
            print(problem, file=sys.stderr)
        return None
    return entry


def cmd_run(name_or_path: str) -> int:
    entry = usable_entry(name_or_path)
    if entry is None:
        return 1
    from postrun.app import main as open_window

    return open_window(open_entry=entry)


def _total_text(timeline: Timeline) -> str:
    text = format_duration(timeline.total_seconds)
    if timeline.rep_segments:
        text += f" + {timeline.rep_segments} rep sets"
    return text


def _entry_json(entry: LibraryEntry) -> dict[str, Any]:
    item: dict[str, Any] = {"key": entry.key, "source": entry.source.value, "path": str(entry.path)}
    if entry.circuit is None:
        assert entry.error is not None
        item.update(name=None, error=[str(p) for p in entry.error.problems])
        return item
    timeline = build_timeline(entry.circuit)
    item.update(
        name=entry.circuit.name,
        total_seconds=None if timeline.rep_segments else timeline.total_seconds,
        timed_seconds=timeline.total_seconds,
        rep_segments=timeline.rep_segments,
        exercises=len(entry.circuit.exercises),
        rounds=entry.circuit.rounds,
        focus=list(entry.circuit.focus),
        equipment=list(entry.circuit.equipment),
        error=None,
    )
    return item


def cmd_list(as_json: bool) -> int:
    entries = load_library()
    if as_json:
        print(json.dumps([_entry_json(e) for e in entries], indent=2))
        return 0
    if not entries:
        print("No circuits found.")
        return 0
    rows = []
    for entry in entries:
        if entry.circuit is None:
            assert entry.error is not None
            rows.append((entry.key, entry.source.value, "BROKEN", str(entry.error.first)))
            continue
        count = len(entry.circuit.exercises)
        rows.append((entry.key, entry.source.value, _total_text(build_timeline(entry.circuit)),
                     f"{count} exercise{'s' if count != 1 else ''}  {entry.circuit.name}"))
    # every column as wide as its widest cell, so "7:05 + 2 rep sets" keeps the rest in line
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for key, source, length, rest in rows:
        print(f"{key:<{widths[0]}}  {source:<{widths[1]}}  {length:>{widths[2]}}  {rest}")
    return 0


def cmd_check(paths: list[Path]) -> int:
    failed = False
    for path in paths:
        try:
            read_circuit_file(path)
        except CircuitError as error:
            failed = True
            for problem in error.problems:
                print(problem)
        else:
            print(f"{path}: ok")
    return 1 if failed else 0


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    return {
        "name": timeline.circuit.name,
        "total_seconds": None if timeline.rep_segments else timeline.total_seconds,
        "timed_seconds": timeline.total_seconds,
        "rep_segments": timeline.rep_segments,
        "segments": [
            {
                "kind": s.kind.value,
                "exercise": s.name,
                "side": s.side.value if s.side else None,
                "round": s.round,
                "seconds": s.seconds,
                "reps": s.reps,
            }
            for s in timeline.segments
        ],
    }


def cmd_show(name_or_path: str, as_json: bool) -> int:
    entry = usable_entry(name_or_path)
    if entry is None or entry.circuit is None:
        return 1
    timeline = build_timeline(entry.circuit)
    if as_json:
        print(json.dumps(timeline_json(timeline), indent=2))
        return 0
    circuit = entry.circuit
    rounds = f"{circuit.rounds} round{'s' if circuit.rounds != 1 else ''}"
    print(f"{circuit.name}: {rounds}, {_total_text(timeline)}")
    if circuit.focus:
        print(f"Focus: {', '.join(circuit.focus)}")
    if circuit.equipment:
        print(f"Equipment: {', '.join(circuit.equipment)}")
    print()
    for line in step_lines(timeline):
        print(line)
    at = sum(segment.seconds or 0 for segment in timeline.segments)
    print(f"{format_duration(at):>7}  END")
    return 0
