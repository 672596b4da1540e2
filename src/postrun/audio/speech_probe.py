"""`postrun doctor`'s speech check: the speaker process asked once, with a time limit.

The same child the window speaks through (speaker_process.py, `--probe`): Qt's
speech-dispatcher plug-in can block for ever in its constructor when the daemon is
installed but not answering; in a child with a time limit that is an answer, not a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass

from postrun.audio.speaker import speaker_command

TIMEOUT = 8.0


@dataclass(frozen=True)
class SpeechProbe:
    engine: str | None          # the engine to use, when it works
    problem: str | None         # why there is no voice, in words
    voices: tuple[str, ...] = ()
    voice: str = ""             # the one that will read the (English) sentences


def probe_speech(timeout: float = TIMEOUT, command: list[str] | None = None) -> SpeechProbe:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        done = subprocess.run([*(command or speaker_command()), "--probe"], capture_output=True, text=True,
                              timeout=timeout, env=env, stdin=subprocess.DEVNULL)
        result = json.loads(done.stdout.strip().splitlines()[0])
    except subprocess.TimeoutExpired:
        return SpeechProbe(None, f"the speech engine did not answer within {timeout:.0f} s "
                                 "(is speech-dispatcher running?)")
    except (OSError, ValueError, IndexError) as exc:
        return SpeechProbe(None, f"the speech engine could not be checked ({exc or 'no answer'})")
    if "error" in result:
        return SpeechProbe(None, str(result["error"]))
    return SpeechProbe(str(result["engine"]), None, tuple(result.get("voices", ())), str(result.get("voice", "")))
