"""One window at a time, per user and data folder.

The first `postrun` takes a lock file and listens on a local socket; a second one finds
the lock held, sends its request ("raise", or "open this circuit") over the socket, prints
the answer and exits. QLockFile knows a lock left by a crashed program (its pid is gone)
and takes it over, so a crash never blocks the next start.

Both belong to the user: they live in a folder only this user can enter
(private_folder.py), and where the system tells a local socket's peer (Linux), each side
checks that the other runs as this user before a request is sent or read.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from postrun.system.private_folder import private_folder

log = logging.getLogger(__name__)
MAX_MESSAGE = 64 * 1024
CONNECT_FOR_SECONDS = 5.0     # the first window may still be starting


def instance_name(data_dir: Path) -> str:
    """Short (socket paths are limited to about 100 bytes) and unique per user and folder."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name known to the system: the uid still tells users apart
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    digest = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()[:16]
    return f"postrun-{digest}"


def _encode(message: dict[str, object]) -> bytes:
    return json.dumps(message).encode() + b"\n"


def _decode(data: bytes) -> dict[str, object] | None:
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return message if isinstance(message, dict) else None


class SingleInstance(QObject):
    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = private_folder()
        # a full path for the socket inside the private folder; a bare name (Windows: a
        # named pipe, per user already) where there is none
        self.name = str(folder / name) if folder is not None else name
        self._lock = QLockFile(os.path.join(str(folder) if folder is not None else QDir.tempPath(), f"{name}.lock"))
        self._lock.setStaleLockTime(0)         # stale only when its process is gone
        self._server: QLocalServer | None = None
        self.handler: Callable[[str | None], str] = lambda circuit: "Postrun is already open."
        self._buffers: dict[QLocalSocket, bytes] = {}

    def claim(self) -> bool:
        """True: this is the first instance. False: another one runs. Needs no event loop, so
        a second `postrun` can ask before it builds any application object."""
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            log.warning("no single-instance lock (%s); running without one", self._lock.error())
        return True

    def listen(self) -> None:
        """Answer later instances; call once the application (its event loop) exists."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)      # a socket file left by a crash
        if server.listen(self.name):
            server.newConnection.connect(self._accept)
            self._server = server
        else:
            log.warning("cannot listen on %s: %s", self.name, server.errorString())

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    # -- the second instance ---------------------------------------------------------

    def send(self, circuit: str | None, timeout: float = CONNECT_FOR_SECONDS) -> str | None:
        """Hand the request to the running window; its answer in words, or None if none came."""
        socket = QLocalSocket()
        deadline = time.monotonic() + timeout
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                break
            socket.abort()
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.1)
        from postrun.system.peer_user import same_user  # the socket module: only when a request is made

        if not same_user(socket.socketDescriptor()):
            socket.abort()                # never hand a request to another account's program
            return None
        socket.write(_encode({"circuit": circuit}))
        socket.waitForBytesWritten(2000)
        reply = b""
        while b"\n" not in reply and len(reply) < MAX_MESSAGE and time.monotonic() < deadline + 5:
            if not socket.waitForReadyRead(500) and socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                break
            reply += bytes(socket.readAll().data())
        socket.abort()
        message = _decode(reply.split(b"\n", 1)[0])
        text = message.get("message") if message else None
        return text if isinstance(text, str) else None

    # -- the first instance ----------------------------------------------------------

    def _accept(self) -> None:
        from postrun.system.peer_user import same_user  # the socket module: not before the first paint

        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if not same_user(socket.socketDescriptor()):
                socket.abort()            # another account's program: not read, not answered
                socket.deleteLater()
                continue
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data and len(data) < MAX_MESSAGE:
            self._buffers[socket] = data
            return
        self._buffers[socket] = b""
        message = _decode(data.split(b"\n", 1)[0])
        circuit = message.get("circuit") if message else None
        if message is None or not (circuit is None or isinstance(circuit, str)):
            answer = "Postrun is already open; the request was not understood."
        else:
            try:
                answer = self.handler(circuit)
            except Exception as exc:  # a request must never take the running window down
                log.exception("handling a request failed")
                answer = f"Postrun is already open, and the request failed: {exc}"
        socket.write(_encode({"message": answer}))
        socket.flush()
        socket.disconnectFromServer()

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
