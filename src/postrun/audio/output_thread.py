"""One thread that makes every call into the sound library, in order.

Opening a stream through ALSA's PulseAudio plugin takes about 1.3 ms on the calling
thread (4-5 ms the first time), and a cue is due the instant the digits change: on the
GUI thread that cost would delay the paint. Here the GUI thread only queues the call.
FIFO order keeps "stop the old cue, start the new one" in the order it was asked.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class OutputThread:
    def __init__(self) -> None:
        self._jobs: queue.Queue[Callable[[], object]] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="postrun-sound", daemon=True)
        self._thread.start()

    def __call__(self, job: Callable[[], object]) -> None:
        self._jobs.put(job)

    def drain(self, timeout: float = 2.0) -> bool:
        """Wait until every queued call has been made (before the process exits)."""
        done = threading.Event()
        self._jobs.put(done.set)
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job()
            except Exception:  # a job reports its own failures; this only keeps the thread alive
                log.exception("a sound call failed")


def inline(job: Callable[[], object]) -> None:
    """Make the call at once, on this thread (tests, the command line)."""
    job()
