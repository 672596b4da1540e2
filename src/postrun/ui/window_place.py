"""Where the window opens: where it was last time if that still fits a screen; else
1366x768 centred, or the screen's whole free area when that is smaller (a 1024x600
netbook, a laptop at 150 %)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = (1366, 768)


def available_area(widget: QWidget) -> QRect:
    """The free part of the screen the window opens on (without panels and docks)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT_SIZE)


def fits(window: QWidget) -> bool:
    area = available_area(window)
    return area.contains(window.geometry().center()) and window.width() <= area.width() and (
        window.height() <= area.height())


def place(window: QWidget, saved: str | None) -> None:
    if saved and window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))) and fits(window):
        return
    area = available_area(window)
    size = QSize(*DEFAULT_SIZE)
    if area.width() < size.width() or area.height() < size.height():
        # smaller than that: take the whole free area, title bar and panels respected
        window.resize(area.size())
        window.setWindowState(Qt.WindowState.WindowMaximized)
        return
    window.resize(size)
    window.move(area.center() - QPoint(size.width() // 2, size.height() // 2))


def remembered(window: QWidget) -> str | None:
    """The window's place to keep for next time; None in full screen (not a place to come back to)."""
    if window.isFullScreen():
        return None
    return bytes(window.saveGeometry().toBase64().data()).decode("ascii")
