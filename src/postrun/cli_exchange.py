"""`postrun import FILE...` and `postrun export NAME PATH`: circuits shared as files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from postrun.store.circuit_exchange import Clash, export_circuit, import_circuit
from postrun.store.library import NotFound, find_entry, load_library


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    importing = commands.add_parser(
        "import", help="check circuit files and copy them into your circuits folder")
    importing.add_argument("paths", nargs="+", metavar="FILE", type=Path)
    clash = importing.add_mutually_exclusive_group()
    clash.add_argument("--replace", action="store_true",
                       help="a circuit of yours with the same name is overwritten")
    clash.add_argument("--rename", action="store_true",
                       help="with the same name as another circuit, keep both: the new one becomes “NAME (2)”")
    exporting = commands.add_parser("export", help="write a circuit (built-in or yours) to a file to share")
    exporting.add_argument("circuit", metavar="NAME", help="a file name from `postrun list`, or a circuit name")
    exporting.add_argument("destination", metavar="PATH", type=Path, help="a file, or a folder to put NAME.toml in")
    exporting.add_argument("--force", action="store_true", help="overwrite PATH if it exists")


def cmd_import(args: argparse.Namespace) -> int:
    clash = Clash.REPLACE if args.replace else Clash.RENAME if args.rename else Clash.REFUSE
    failed = False
    for path in args.paths:
        result = import_circuit(path, load_library(), clash)     # the library again: earlier files count
        print(result.message, file=sys.stdout if result.ok else sys.stderr)
        failed = failed or not result.ok
    return 1 if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    try:
        entry = find_entry(args.circuit)
    except NotFound as exc:
        print(f"postrun: {exc}", file=sys.stderr)
        return 1
    try:
        written = export_circuit(entry, args.destination, overwrite=args.force)
    except FileExistsError as exc:
        print(f"postrun: {exc}; use --force to overwrite it", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"postrun: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"postrun: cannot write {args.destination}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"Wrote “{entry.title}” to {written}.")
    return 0
