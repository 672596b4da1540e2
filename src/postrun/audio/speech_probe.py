"""Find out, in a separate process, whether a speech engine works.

Qt's speech-dispatcher plug-in can block for ever in its constructor when the
speech-dispatcher daemon is installed but not answering; done in our own process that
would freeze the window. A short-lived child process with a time limit answers instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass

TIMEOUT = 6.0

_CHILD = r"""
import json, os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QCoreApplication
from PySide6.QtTextToSpeech import QTextToSpeech
app = QCoreApplication([])
engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
result = {"engines": engines, "engine": None, "error": None, "voices": []}
if engines:
    tts = QTextToSpeech(engines[0])
    result["engine"] = engines[0]
    if tts.state() == QTextToSpeech.State.Error:
        result["error"] = tts.errorString() or "the engine failed to start"
    else:
        result["voices"] = [v.name() for v in tts.availableVoices()]
print(json.dumps(result))
"""


@dataclass(frozen=True)
class SpeechProbe:
    engine: str | None          # the engine to use, when it works
    problem: str | None         # why there is no voice, in words
    voices: tuple[str, ...] = ()


def probe_speech(timeout: float = TIMEOUT) -> SpeechProbe:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=timeout,
                              env=env)
        result = json.loads(done.stdout.strip().splitlines()[-1])
    except subprocess.TimeoutExpired:
        return SpeechProbe(None, f"the speech engine did not answer within {timeout:.0f} s "
                                 "(is speech-dispatcher running?)")
    except (OSError, ValueError, IndexError) as exc:
        return SpeechProbe(None, f"the speech engine could not be checked ({exc})")
    if not result["engines"]:
        return SpeechProbe(None, "no speech engine is installed (on Linux, install speech-dispatcher "
                                 "and a voice such as espeak-ng)")
    if result["error"]:
        return SpeechProbe(None, f"the {result['engine']} speech engine failed: {result['error']}")
    return SpeechProbe(result["engine"], None, tuple(result["voices"]))


class BackgroundProbe:
    """Runs probe_speech on a thread; `result` is None until it is known."""

    def __init__(self) -> None:
        self.result: SpeechProbe | None = None
        self._thread = threading.Thread(target=self._run, name="speech-probe", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        self.result = probe_speech()
