"""Pick a circuit: built-ins and the user's own, with time, exercises, equipment, focus,
when it was last done, and broken files shown with their error."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postrun.core.durations import format_duration
from postrun.core.timeline import build_timeline
from postrun.store.library import LibraryEntry
from postrun.store.user_data import LastTimes
from postrun.ui.resume_bar import ResumeBar

ENTRY_ROLE = Qt.ItemDataRole.UserRole
# every picker key has a modifier: plain letters (and Delete, Home, End…) belong to the filter
KEYS = {"new": "Ctrl+N", "duplicate": "Ctrl+D", "edit": "Ctrl+E", "delete": "Ctrl+Del", "import": "Ctrl+I",
        "export": "Ctrl+Shift+E", "history": "Ctrl+H", "equipment": "Ctrl+G", "resume": "Ctrl+R",
        "type_run": "Ctrl+T", "import_runs": "Ctrl+Shift+I", "run_folder": "Ctrl+Shift+W"}
RUN_KEYS = ("type_run", "import_runs", "run_folder")
BUTTONS = (("new", "New"), ("duplicate", "Duplicate"), ("edit", "Edit"), ("delete", "Delete"),
           ("import", "Import…"), ("export", "Export…"))


def days_text(moment: datetime, now: datetime) -> str:
    days = (now.date() - moment.astimezone(now.tzinfo).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    return moment.date().isoformat()


def when_text(last: LastTimes | None, now: datetime) -> str:
    """'done 3 days ago'; a later start that was stopped part-way says so first:
    'stopped part-way today, done 9 days ago', or 'stopped part-way yesterday, never done'."""
    done = f"done {days_text(last.done, now)}" if last is not None and last.done is not None else "never done"
    if last is None or last.tried is None:
        return done
    return f"stopped part-way {days_text(last.tried, now)}, {done}"


SUGGESTED = "★ Suggested: it would balance your last 4 weeks"


def describe(entry: LibraryEntry, last: LastTimes | None, now: datetime) -> str:
    if entry.circuit is None:
        assert entry.error is not None
        return f"{entry.path.name}  ({entry.source.value}) — CANNOT BE USED\n{entry.error.first}"
    circuit = entry.circuit
    timeline = build_timeline(circuit)
    total = format_duration(timeline.total_seconds) + (" + reps" if timeline.rep_segments else "")
    count = len(circuit.exercises)
    parts = [total,
             f"{count} exercise{'s' if count != 1 else ''}",
             f"{circuit.rounds} round{'s' if circuit.rounds != 1 else ''}"]
    if circuit.focus:
        parts.append(", ".join(circuit.focus))
    parts.append(", ".join(circuit.equipment) if circuit.equipment else "no equipment")
    parts.append(when_text(last, now))
    return f"{circuit.name}  ({entry.source.value})\n" + " · ".join(parts)


class PickerView(QWidget):
    chosen = Signal(object)           # LibraryEntry
    resume_chosen = Signal()
    resume_discarded = Signal()
    history_requested = Signal()
    equipment_requested = Signal()
    action = Signal(str, object)     # "new", "duplicate", "edit", "delete", "import", "export"; the entry or None
    files_dropped = Signal(list)     # [Path]: circuit files dropped on the list
    run_action = Signal(str)         # "type_run", "import_runs", "run_folder"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("Pick a circuit", self)
        font = QFont()
        font.setPixelSize(34)
        font.setBold(True)
        heading.setFont(font)

        self.resume_bar = ResumeBar(self)
        self.resume_bar.resume_chosen.connect(self.resume_chosen)
        self.resume_bar.discard_chosen.connect(self.resume_discarded)

        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()

        # today's run and what it suggests, or how to bring it in
        self.run_line = QLabel(self)
        self.run_line.setWordWrap(True)
        run_font = QFont()
        run_font.setPixelSize(18)
        self.run_line.setFont(run_font)
        self.run_line.setStyleSheet("QLabel { background: #eef5ee; border-radius: 6px; padding: 6px; }")
        self.run_line.hide()

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Type to filter…  (Enter opens, ↑↓ move)")
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.list = QListWidget(self)
        list_font = QFont()
        list_font.setPixelSize(20)
        self.list.setFont(list_font)
        self.list.setWordWrap(True)
        self.list.setSpacing(6)
        self.list.itemActivated.connect(self._activate)
        self.list.itemDoubleClicked.connect(self._activate)

        self.history_button = QPushButton(f"History  ({KEYS['history']})", self)
        self.history_button.setFont(list_font)
        self.history_button.clicked.connect(self.history_requested)
        self.equipment_button = QPushButton(f"Equipment  ({KEYS['equipment']})", self)
        self.equipment_button.setFont(list_font)
        self.equipment_button.clicked.connect(self.equipment_requested)
        self.run_button = QPushButton(f"Today's run  ({KEYS['type_run']})", self)
        self.run_button.setFont(list_font)
        self.run_button.clicked.connect(lambda: self.run_action.emit("type_run"))
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        button_font = QFont()
        button_font.setPixelSize(16)
        for name, text in BUTTONS:
            button = QPushButton(f"{text}  ({KEYS[name]})", self)
            button.setFont(button_font)
            button.clicked.connect(lambda _=False, name=name: self.request(name))
            actions.addWidget(button)
            self.buttons[name] = button
        actions.addStretch(1)
        for name, keys in KEYS.items():
            if name == "resume":
                continue            # the resume bar's own
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda name=name: self.request(name))
        self.setAcceptDrops(True)

        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.equipment_button)
        top.addWidget(self.history_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.resume_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.run_line)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.filter)

    def set_entries(self, entries: list[LibraryEntry], last_times: dict[str, LastTimes], now: datetime,
                    select_key: str | None = None) -> None:
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(describe(entry, last_times.get(entry.key), now))
            item.setData(ENTRY_ROLE, entry)
            if entry.circuit is None:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
            if entry.key == select_key:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._apply_filter(self.filter.text())

    def entries(self) -> list[LibraryEntry]:
        return [self.list.item(i).data(ENTRY_ROLE) for i in range(self.list.count())]

    def mark_suggested(self, key: str | None, words: str | None = None) -> None:
        """Mark the circuit that would balance the last 4 weeks (and only that one), with
        what today's run says of it when there is one."""
        mark = f"★ Suggested: {words}" if words else SUGGESTED
        for i in range(self.list.count()):
            item = self.list.item(i)
            entry = item.data(ENTRY_ROLE)
            text = item.text().split("\n★ Suggested", 1)[0]
            item.setText(f"{text}\n{mark}" if entry.key == key and entry.circuit is not None else text)

    def show_run(self, text: str | None) -> None:
        self.run_line.setVisible(bool(text))
        self.run_line.setText(text or "")

    def entry_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count()) if not self.list.item(i).isHidden()]

    def show_resume(self, text: str | None) -> None:
        """The offer, without taking the keys from the filter: Ctrl+R resumes."""
        self.resume_bar.offer(text)

    def current_entry(self) -> LibraryEntry | None:
        item = self.list.currentItem()
        return item.data(ENTRY_ROLE) if item is not None and not item.isHidden() else None

    def request(self, name: str) -> None:
        if name == "history":
            self.history_requested.emit()
        elif name == "equipment":
            self.equipment_requested.emit()
        elif name in RUN_KEYS:
            self.run_action.emit(name)
        else:
            self.action.emit(name, self.current_entry())

    @staticmethod
    def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = self.dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)

    def show_notice(self, text: str | None) -> None:
        self.notice.setVisible(bool(text))
        self.notice.setText(text or "")

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        first_visible = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hidden = not all(w in item.text().casefold() for w in words)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first_visible is not None:
            self.list.setCurrentItem(first_visible)

    def _activate(self, item: QListWidgetItem) -> None:
        entry = item.data(ENTRY_ROLE)
        if entry is not None and entry.circuit is not None:
            self.chosen.emit(entry)

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        if (watched is self.filter and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.ShortcutOverride
                and QKeySequence(event.keyCombination()).toString() in KEYS.values()):
            return True         # the line edit's own Ctrl+E/Ctrl+D/Ctrl+Del give way to the picker's keys
        if watched is self.filter and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.list.currentItem()
                if current is not None and not current.isHidden():
                    self._activate(current)
                return True
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self._move(event.key())
                return True
        return False

    def _move(self, key: int) -> None:
        visible = [i for i in range(self.list.count()) if not self.list.item(i).isHidden()]
        if not visible:
            return
        row = self.list.currentRow()
        position = visible.index(row) if row in visible else 0
        step = -1 if key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp) else 1
        self.list.setCurrentRow(visible[max(0, min(len(visible) - 1, position + step))])
