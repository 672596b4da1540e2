"""One window at a time, per user and data folder: the request half.

The first `postrun` holds the lock (instance_lock.py) and, once its window has painted,
listens on a local socket; a second one finds the lock held, sends its request ("raise",
or "open this circuit") over the socket, retrying while the first is still starting,
prints the answer and exits.

Where the system tells a local socket's peer (Linux), each side checks that the other runs
as this user before a request is sent or read.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
MAX_MESSAGE = 64 * 1024
CONNECT_FOR_SECONDS = 5.0     # the first window may still be starting


def _encode(message: dict[str, object]) -> bytes:
    return json.dumps(message).encode() + b"\n"


def _decode(data: bytes) -> dict[str, object] | None:
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return message if isinstance(message, dict) else None


class RequestServer(QObject):
    """Answers later instances through `handler(circuit) -> answer in words`."""

    def __init__(self, name: str, handler: Callable[[str | None], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.handler = handler
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

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

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

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


def send(name: str, circuit: str | None, timeout: float = CONNECT_FOR_SECONDS) -> str | None:
    """Hand the request to the running window; its answer in words, or None if none came."""
    socket = QLocalSocket()
    deadline = time.monotonic() + timeout
    while True:
        socket.connectToServer(name)
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

