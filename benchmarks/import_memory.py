"""Peak memory of `postrun history --import` by the size of the file, beside its reference
in the same run: the same file read whole with json.loads, as the importer did before it
streamed. Each figure is one fresh process's maximum resident size (/usr/bin/time -f %M).

Target: a 50 MB history import under 300 MB of peak memory, and the peak not growing
with the file (the reader holds one workout at a time; the log takes them in one
transaction on disk).
Run: .venv/bin/python benchmarks/import_memory.py [--sizes 10,50,200]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from _table import print_table  # noqa: E402

REFERENCE = "import json, sys; json.loads(open(sys.argv[1], 'rb').read())"


def history_file(path: Path, megabytes: int) -> int:
    """A JSON export of about `megabytes` MB: workouts of four circuits with notes, one a
    line, as Postrun writes them. Returns how many workouts."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from postrun.core.circuit_toml import circuit_to_dict
    from postrun.store.library import load_library

    circuits = [(e.key, circuit_to_dict(e.circuit)) for e in load_library() if e.circuit is not None]
    first = datetime(2016, 1, 1, 18, 30, tzinfo=UTC)
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"format": 1, "kind": "postrun-workouts", "workouts": [\n')
        while out.tell() < megabytes * 1_000_000:
            key, circuit = circuits[count % len(circuits)]
            item = {"id": str(uuid.UUID(int=count + 1)), "circuit_key": key, "circuit_name": circuit["name"],
                    "started_at": (first + timedelta(hours=6 * count)).isoformat(), "status": "completed",
                    "active_seconds": 1200.0, "segment_index": 40, "skipped": [3], "note": "heavy bell " * 8,
                    "effort": 6, "circuit": circuit}
            out.write(("," if count else "") + json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
        out.write("]}\n")
    return count


def peak_kib(command: list[str], env: dict[str, str]) -> tuple[int, str]:
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True, env=env,
                          timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr}")
    return int(done.stderr.strip().splitlines()[-1]), done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,50,200", help="file sizes in MB, comma-separated")
    args = parser.parse_args()
    if not shutil.which("time", path="/usr/bin"):
        raise SystemExit("needs /usr/bin/time (Debian package: time)")
    rows: list[list[object]] = []
    work = Path(tempfile.mkdtemp(prefix="postrun-import-memory-"))
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            path = work / f"history-{size}.json"
            count = history_file(path, size)
            data = work / f"data-{size}"
            env = dict(os.environ, POSTRUN_DATA_DIR=str(data))
            postrun_peak, said = peak_kib([sys.executable, "-m", "postrun", "history", "--import", str(path)], env)
            assert f"Imported {count} workouts" in said, said
            reference_peak, _ = peak_kib([sys.executable, "-c", REFERENCE, str(path)], env)
            rows.append([f"{path.stat().st_size / 1e6:.0f} MB", count, f"{postrun_peak / 1024:.0f}",
                         f"{reference_peak / 1024:.0f}", "< 300" if size == 50 else ""])
            path.unlink()
            shutil.rmtree(data, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(["file", "workouts", "postrun --import peak MB", "json.loads of the file peak MB (reference)",
                 "target MB"], rows)


if __name__ == "__main__":
    main()
