"""The speech engine's own process: `python -m postrun.audio.speaker_process [ENGINE]`.

Qt's speech-dispatcher engine takes seconds to start and can block for ever when its
daemon is stale. Here that only stops this child: the window talks to it through one
JSON line per command on stdin (say, stop, volume) and reads one JSON line per answer on
stdout: first {"ready": ...} or {"error": ...}, then {"state": "speaking" | "ready"}.

The voice is chosen for the language the sentences are written in (English): the
system's own voice when its locale is English, else the first English voice; under
LANG=C a speech engine may otherwise pick any language's voice to read English text.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import Any

from postrun.audio.speech_words import engine_failed, no_engine

LANGUAGE = "English"
# the voice's Qt module lives in PySide6-Addons (438 MB with WebEngine), an optional extra
NO_ADDONS = ("the voice is not installed: it needs PySide6-Addons (about 440 MB), which the lean install "
             "leaves out; add it with: pip install 'postrun[voice]'")


def _send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def choose_voice(tts: Any, current_locale: Any) -> Any:
    """The voice to read English sentences: the current one if it speaks English, else the
    first English voice found (en_US before the rest), else the current one."""
    from PySide6.QtCore import QLocale

    current = tts.voice()
    if current_locale.language() == QLocale.Language.English:
        return current
    tts.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    english = [v for v in tts.availableVoices() if v.locale().language() == QLocale.Language.English]
    if not english:
        for locale in tts.availableLocales():
            if locale.language() == QLocale.Language.English:
                tts.setLocale(locale)
                english = list(tts.availableVoices())
                break
    english.sort(key=lambda v: v.locale().territory() != QLocale.Country.UnitedStates)
    return english[0] if english else current


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        _send({"error": NO_ADDONS})
        return 0

    app = QCoreApplication([])
    names = [a for a in argv if not a.startswith("--")]
    wanted = names[0] if names else None
    engines = list(QTextToSpeech.availableEngines())
    real = [e for e in engines if e != "mock"]
    engine = wanted if wanted in engines else (real[0] if real and wanted is None else None)
    if engine is None:
        _send({"error": no_engine(), "engines": engines})
        return 0
    tts = QTextToSpeech(engine)
    if tts.state() == QTextToSpeech.State.Error:
        _send({"error": engine_failed(engine, tts.errorString())})
        return 0
    voice = choose_voice(tts, tts.locale())
    if voice is not None and voice.name():
        tts.setVoice(voice)
    _send({"ready": True, "engine": engine, "voice": tts.voice().name(),
           "language": tts.locale().name(), "voices": [v.name() for v in tts.availableVoices()][:50]})
    if "--probe" in argv:
        return 0

    class Commands(QObject):
        arrived = Signal(str)

    commands = Commands()

    def handle(line: str) -> None:
        try:
            message = json.loads(line)
        except ValueError:
            return
        if "say" in message:
            tts.say(str(message["say"]))
        elif "stop" in message:
            tts.stop()
        elif "volume" in message:
            tts.setVolume(max(0.0, min(1.0, float(message["volume"]))))

    commands.arrived.connect(handle)
    tts.stateChanged.connect(lambda state: _send(
        {"state": "speaking" if state == QTextToSpeech.State.Speaking else "ready"}))

    def read() -> None:           # stdin on a thread; each line is handed to the Qt thread
        for line in sys.stdin:
            commands.arrived.emit(line)
        app.quit()                # the window went away: so does its speaker

    threading.Thread(target=read, daemon=True).start()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
