"""Who is at the other end of a local socket: the single instance hands a request only to,
and reads one only from, a program of this user. Its own module so that the `socket`
module loads when a second `postrun` first knocks, not before the picker's first paint."""

from __future__ import annotations

import os
import socket as socket_module
import struct


def peer_uid(descriptor: int) -> int | None:
    """The user id of the program at the other end of a local socket, where the system
    tells it (Linux: SO_PEERCRED); None where it cannot be known."""
    if descriptor < 0 or not hasattr(socket_module, "SO_PEERCRED"):
        return None
    try:
        peer = socket_module.socket(fileno=os.dup(descriptor))      # a copy: Qt keeps its own
    except OSError:
        return None
    try:
        credentials = peer.getsockopt(socket_module.SOL_SOCKET, socket_module.SO_PEERCRED, struct.calcsize("3i"))
    except OSError:
        return None
    finally:
        peer.close()
    return int(struct.unpack("3i", credentials)[1])


def same_user(descriptor: int) -> bool:
    """False only when the peer is known to run as another user."""
    uid = peer_uid(descriptor)
    return uid is None or uid == os.geteuid()
