"""`postrun --self-test`: is this installation whole? A 3-second circuit goes through the
engine, the window (offscreen when there is no display), the sound player and a workout
log in a temporary folder; one line per check, exit 0 only when every check passed.

It never touches the user's data: everything is written under a temporary folder. Run
by `make bundle` on the bundle and by `make test` on a wheel in a fresh venv.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

CIRCUIT = """\
format = 1
name = "Self-test"
prepare = 1
rest = 0
[[exercise]]
name = "Stand tall"
work = 2
muscles = ["core"]
tips = ["Breathe."]
"""


def _circuits() -> str:
    from postrun.store.library import Source, load_library

    builtins = [e for e in load_library() if e.source is Source.BUILTIN]
    broken = [e.key for e in builtins if e.circuit is None]
    if not builtins or broken:
        raise AssertionError(f"built-in circuits missing or broken: {broken or 'none found'}")
    return f"{len(builtins)} built-in circuits read"


def _engine() -> str:
    from postrun.core.circuit_toml import parse_circuit
    from postrun.core.engine import Engine
    from postrun.core.events import Finished
    from postrun.core.timeline import build_timeline

    now = [0.0]
    engine = Engine(build_timeline(parse_circuit(CIRCUIT.encode())), clock=lambda: now[0])
    events = list(engine.start())
    while now[0] < 10 and not any(isinstance(e, Finished) for e in events):
        now[0] += 0.25
        events += engine.poll()
    if not any(isinstance(e, Finished) for e in events):
        raise AssertionError("the 3-second circuit did not finish")
    return f"the 3-second circuit ran to its end ({len(events)} events)"


class Skipped(Exception):  # noqa: N818 - a check that could not run here: neither ok nor failed
    pass


def _sound() -> str:
    from postrun.audio.cues import CUES, CueSet
    from postrun.audio.player import CuePlayer

    cues = CueSet()
    sizes = [len(cues[name]) for name in CUES]
    if not all(sizes):
        raise AssertionError("a cue came out empty")
    import simpleaudio  # noqa: F401 - the compiled extension a bundle must carry

    from postrun.audio.alsa_output import system_output

    output = system_output()        # what the window plays through
    if output is None and sys.platform.startswith("linux"):
        raise AssertionError("pyalsaaudio is missing: cues would open a stream each (twice the CPU)")
    player = CuePlayer(cues, play_buffer=output)
    library = "simpleaudio" if output is None else "the ALSA output kept open (pyalsaaudio)"
    try:
        played = player.play("go")
        if played:
            player.wait()
            return f"{len(sizes)} cues built; {library} played one"
        raise Skipped(f"{len(sizes)} cues built and {library} loaded, but no sound device answered "
                      f"({player.detail or player.problem}): cues cannot be heard on this machine")
    finally:
        player.stop_all()


def _log(folder: Path) -> str:
    from postrun.core.clock import local_now
    from postrun.store.workout_log import WorkoutDraft, WorkoutLog

    log = WorkoutLog.open(folder / "self-test.sqlite3")
    try:
        if not log.durable:
            raise AssertionError(log.notice or "the log is kept in memory")
        record_id = log.write(WorkoutDraft("self-test", {"name": "Self-test"}, local_now(),
                                           status="completed", active_seconds=3.0))
        record = log.get(record_id)
        if record is None or record.status != "completed":
            raise AssertionError("the record did not read back")
    finally:
        log.close()
    return "a workout written and read back"


def _window(folder: Path) -> str:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or sys.platform == "darwin":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet_offscreen(kind: QtMsgType, context: object, message: str) -> None:
        # the offscreen platform's note on every window; anything else is still printed
        if "does not support propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet_offscreen)

    from postrun.app import build_parts
    from postrun.store.library import find_entry
    from postrun.ui.main_window import MainWindow

    (folder / "circuits").mkdir(parents=True, exist_ok=True)
    (folder / "circuits" / "self-test.toml").write_text(CIRCUIT)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    parts = build_parts()
    window = MainWindow(parts)
    try:
        window.show()
        entry = find_entry("self-test")
        window.open_entry(entry)
        window.start_from_preview()
        watch = QElapsedTimer()
        watch.start()
        while window.current_view() is not window._finish and watch.elapsed() < 10_000:  # noqa: SLF001
            app.processEvents()
            time.sleep(0.01)
        if window.current_view() is not window._finish:  # noqa: SLF001
            raise AssertionError("the window did not reach the finish screen within 10 s")
        seconds = watch.elapsed() / 1000
        saved = window.finish.saved.text()
        if "Saved" not in saved:
            raise AssertionError(f"the finish screen says: {saved}")
        return f"the run view counted the circuit down in {seconds:.1f} s and the finish screen says “{saved}”"
    finally:
        window.close()
        parts.sound.shutdown()
        parts.data.log.close()


GPX = b"""<?xml version="1.0"?><gpx version="1.1" creator="self-test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><type>running</type><trkseg><trkpt lat="52.0" lon="4.0"><time>2024-11-05T18:00:00Z</time></trkpt>
<trkpt lat="52.01" lon="4.0"><time>2024-11-05T18:06:00Z</time></trkpt></trkseg></trk></gpx>"""
TCX = b"""<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities><Activity Sport="Running"><Id>2024-11-05T18:00:00Z</Id><Lap StartTime="2024-11-05T18:00:00Z">
<TotalTimeSeconds>1800</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters></Lap></Activity></Activities>
</TrainingCenterDatabase>"""


def _fit() -> bytes:
    """A FIT file of one session: started 2024-11-05, 30 minutes, running."""
    import struct

    from fastcrc import crc16

    body = bytes([0x40, 0, 0]) + struct.pack("<HB", 18, 3) + bytes([2, 4, 0x86, 5, 1, 0x00, 7, 4, 0x86])
    body += bytes([0]) + struct.pack("<IBI", 1_099_677_600, 1, 1_800_000)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    data = header + struct.pack("<H", crc16.arc(header)) + body
    return data + struct.pack("<H", crc16.arc(data))


def _run_files() -> str:
    """FIT (fastcrc, fitdecode), GPX (defusedxml, gpxpy) and TCX: what a bundle could leave out."""
    from postrun.store.run_file import run_from_bytes

    for name, data in (("self-test.fit", _fit()), ("self-test.gpx", GPX), ("self-test.tcx", TCX)):
        result = run_from_bytes(name, data)
        if result.run is None:
            raise AssertionError(result.line)
    return "a FIT, a GPX and a TCX run read"


def _voice() -> str:
    from postrun.audio.speech_probe import probe_speech

    found = probe_speech()
    if found.problem is not None:
        raise RuntimeError(f"no voice ({found.problem}); the cues do not need one")
    return f"the {found.engine} speech engine answered{f', voice {found.voice}' if found.voice else ''}"


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="postrun-self-test-"))
    os.environ["POSTRUN_DATA_DIR"] = str(folder)          # never the user's data
    checks: list[tuple[str, Callable[[], str], bool]] = [
        ("circuits", _circuits, True), ("engine", _engine, True), ("sound", _sound, True),
        ("log", lambda: _log(folder), True), ("runs", _run_files, True),
        ("window", lambda: _window(folder), True),
        ("voice", _voice, False),
    ]
    failed = skipped = 0
    try:
        for name, check, required in checks:
            try:
                print(f"ok    {name}: {check()}", flush=True)
            except Skipped as exc:
                skipped += 1
                print(f"skip  {name}: {exc}", flush=True)
            except Exception as exc:  # noqa: BLE001 - every failure is one line, and the next check still runs
                if required:
                    failed += 1
                    print(f"FAIL  {name}: {type(exc).__name__}: {exc}", flush=True)
                    if os.environ.get("POSTRUN_SELF_TEST_TRACE"):
                        traceback.print_exc()
                else:
                    print(f"note  {name}: {exc}", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)     # nothing of the self-test is left in the temp folder
    passed = len(checks) - failed - skipped
    skip_text = f", {skipped} skipped" if skipped else ""
    print(f"{passed} of {len(checks)} checks passed{skip_text}" if failed or skipped else "all checks passed")
    return 1 if failed else 0
