"""Headset and keyboard media buttons on Linux: an MPRIS player on the session bus.

Desktops keep media keys and Bluetooth headset buttons for themselves and hand them to
the MPRIS player that is playing; as a plain key event in the focused window they never
reach a program whose window is behind another, or a laptop across the room. So Postrun
registers as `org.mpris.MediaPlayer2.postrun`: play/pause, next and previous reach the
workout, and the player shows the exercise, its length and the time left.

Windows and macOS have no session bus: there the focused window's media keys remain.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import ClassInfo, Property, QObject, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection, QDBusMessage, QDBusObjectPath

from postrun.core.controls import Control

log = logging.getLogger(__name__)
SERVICE = "org.mpris.MediaPlayer2.postrun"
PATH = "/org/mpris/MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"


@ClassInfo({"D-Bus Interface": "org.mpris.MediaPlayer2"})
class _Root(QDBusAbstractAdaptor):
    def __init__(self, owner: MediaButtons) -> None:
        super().__init__(owner)
        self._owner = owner

    @Slot()
    def Raise(self) -> None:  # noqa: N802 (the MPRIS names)
        self._owner.control(Control.RAISE)

    @Slot()
    def Quit(self) -> None:  # noqa: N802
        pass              # CanQuit is false: a workout is not ended from a headset

    Identity = Property(str, lambda self: "Postrun")
    DesktopEntry = Property(str, lambda self: "postrun")
    CanQuit = Property(bool, lambda self: False)
    CanRaise = Property(bool, lambda self: True)
    HasTrackList = Property(bool, lambda self: False)
    SupportedUriSchemes = Property("QStringList", lambda self: [])
    SupportedMimeTypes = Property("QStringList", lambda self: [])


@ClassInfo({"D-Bus Interface": PLAYER})
class _Player(QDBusAbstractAdaptor):
    def __init__(self, owner: MediaButtons) -> None:
        super().__init__(owner)
        self._owner = owner

    @Slot()
    def PlayPause(self) -> None:  # noqa: N802
        self._owner.control(Control.TOGGLE)

    @Slot()
    def Play(self) -> None:  # noqa: N802
        if self._owner.status != "Playing":
            self._owner.control(Control.TOGGLE)

    @Slot()
    def Pause(self) -> None:  # noqa: N802
        if self._owner.status == "Playing":
            self._owner.control(Control.TOGGLE)

    @Slot()
    def Stop(self) -> None:  # noqa: N802
        self.Pause()      # a headset's stop pauses: ending a workout asks first, in the window

    @Slot()
    def Next(self) -> None:  # noqa: N802
        self._owner.control(Control.SKIP)

    @Slot()
    def Previous(self) -> None:  # noqa: N802
        self._owner.control(Control.BACK)

    @Slot("qlonglong")
    def Seek(self, offset: int) -> None:  # noqa: N802
        pass

    PlaybackStatus = Property(str, lambda self: self._owner.status)
    Metadata = Property("QVariantMap", lambda self: self._owner.metadata())
    Position = Property("qlonglong", lambda self: self._owner.position_us())
    Rate = Property(float, lambda self: 1.0)
    MinimumRate = Property(float, lambda self: 1.0)
    MaximumRate = Property(float, lambda self: 1.0)
    Volume = Property(float, lambda self: self._owner.volume)
    CanGoNext = Property(bool, lambda self: True)
    CanGoPrevious = Property(bool, lambda self: True)
    CanPlay = Property(bool, lambda self: True)
    CanPause = Property(bool, lambda self: True)
    CanSeek = Property(bool, lambda self: False)
    CanControl = Property(bool, lambda self: True)


class MediaButtons(QObject):
    def __init__(self, on_control: Callable[[Control], None], bus: QDBusConnection | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_control = on_control
        self._bus = bus
        self._root = _Root(self)
        self._player = _Player(self)
        self.registered = False
        self.problem: str | None = None
        self.status = "Stopped"
        self.title = "Postrun"
        self.detail = ""
        self.length_us = 0
        self._position: Callable[[], float] = lambda: 0.0
        self.volume = 1.0
        self._track = 0

    def register(self) -> bool:
        """True when on the bus; else `problem` says why (no session bus, name taken)."""
        if self._bus is None:
            if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not os.environ.get("XDG_RUNTIME_DIR"):
                self.problem = "no D-Bus session bus; media keys work only while the window has the focus"
                return False
            self._bus = QDBusConnection.sessionBus()
        if not self._bus.isConnected():
            self.problem = (f"the D-Bus session bus is not reachable ({self._bus.lastError().message() or 'no bus'}); "
                            "media keys work only while the window has the focus")
            return False
        if not self._bus.registerObject(PATH, self):
            self.problem = "could not publish the media player on the session bus"
            return False
        if not self._bus.registerService(SERVICE):
            self._bus.unregisterObject(PATH)
            self.problem = f"{SERVICE} is taken on the session bus (another Postrun?)"
            return False
        self.registered, self.problem = True, None
        return True

    def close(self) -> None:
        if self.registered and self._bus is not None:
            self._bus.unregisterService(SERVICE)
            self._bus.unregisterObject(PATH)
            self.registered = False

    def control(self, name: Control) -> None:
        try:
            self._on_control(name)
        except Exception:  # a button press must never take the bus connection down
            log.exception("media button %s failed", name)

    # -- what the player shows -------------------------------------------------------

    def show(self, status: str, title: str, detail: str, length_s: float | None,
             position: Callable[[], float], volume: float) -> None:
        """Playing/Paused/Stopped, the exercise, "12:30 left", the segment's length and a way
        to read its elapsed time. Signalled only when something other than time changed:
        clients compute the position from Position and Rate themselves."""
        length_us = int((length_s or 0) * 1_000_000)
        changed: dict[str, Any] = {}
        if status != self.status:
            self.status = status
            changed["PlaybackStatus"] = status
        if (title, detail, length_us) != (self.title, self.detail, self.length_us):
            self.title, self.detail, self.length_us = title, detail, length_us
            self._track += 1
            changed["Metadata"] = self.metadata()
        if volume != self.volume:
            self.volume = volume
            changed["Volume"] = volume
        self._position = position
        if changed and self.registered and self._bus is not None:
            message = QDBusMessage.createSignal(PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged")
            message.setArguments([PLAYER, changed, []])
            self._bus.send(message)

    def metadata(self) -> dict[str, Any]:
        return {
            "mpris:trackid": QDBusObjectPath(f"/org/postrun/step/{self._track}"),
            "mpris:length": self.length_us,
            "xesam:title": self.title,
            "xesam:artist": [self.detail] if self.detail else [],
            "xesam:album": "Postrun",
        }

    def position_us(self) -> int:
        return int(max(0.0, self._position()) * 1_000_000)
