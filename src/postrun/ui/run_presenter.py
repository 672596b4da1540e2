"""Today's run on the circuit list: the line that says it and what it suggests, typing it
(Ctrl+T), importing files and Strava exports (Ctrl+Shift+I, or dropped on the list), and
the folder chosen once (Ctrl+Shift+W) whose new files are read when the list shows and,
while the window is open, when they appear (QFileSystemWatcher, a second after the last
change: a watch copies several files at once)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from postrun.store.run_file import is_run_file
from postrun.store.run_import import DEPTH, Outcome, tally

if TYPE_CHECKING:
    from postrun.store.todays_run import TodaysRun
    from postrun.store.user_data import UserData
    from postrun.ui.dialogs import Dialogs
    from postrun.ui.picker_view import PickerView

SETTLE_MS = 1000            # after the last change in the folder, read it
PROGRESS_FROM = 20          # more files than this: a progress dialog (the first read of a watch)
SHOWN_LINES = 8             # of a long import, the lines shown on the list (the rest counted)


class Cancelled(Exception):
    """The progress dialog's Cancel: nothing of the import in hand is stored."""


class Navigator(Protocol):
    def picker_showing(self) -> bool: ...
    def refresh_suggestion(self) -> None: ...


def is_run_drop(path: Path) -> bool:
    """A dropped path the run import takes (circuits are .toml files)."""
    return path.is_dir() or path.suffix.lower() == ".zip" or is_run_file(path.name)


def import_target(path: Path) -> Path:
    """A Strava export's activities.csv stands for its whole folder."""
    return path.parent if path.name.lower() == "activities.csv" else path


def run_text(today: TodaysRun | None, month: str | None, folder: str | None) -> str:
    """The picker's run line."""
    if today is not None:
        lines = [f"Today's run: {today.line}.", today.sentence]
    else:
        keys = "Ctrl+T types it, Ctrl+Shift+I imports a file or a Strava export"
        where = ", Ctrl+Shift+W chooses a watch's folder"
        if folder:
            missing = "" if os.path.isdir(folder) else ": not there now; plug the watch in"
            where = f" (watching {folder}{missing})"
        lines = [f"No run today yet: {keys}{where}."]
    if month:
        lines.append(month[:1].upper() + month[1:] + ".")
    return "\n".join(lines)


def outcome_notice(outcomes: list[Outcome], where: str, quiet: bool = False) -> str | None:
    """What an import did, in words: the files that need saying, then the tally. Quiet (a
    folder read on its own) or many files (an export): only the files not imported; quiet
    with nothing new: nothing."""
    hidden = ("already there", "imported") if quiet or len(outcomes) > SHOWN_LINES else ("already there",)
    if quiet and all(o.state == "already there" for o in outcomes):
        return None
    said = [o for o in outcomes if o.state not in hidden]
    lines = [o.line for o in said[:SHOWN_LINES]]
    if len(said) > SHOWN_LINES:
        lines.append(f"… and {len(said) - SHOWN_LINES} more.")
    lines.append(f"{where}: {tally(outcomes)}.")
    return "\n".join(lines)


class RunPresenter(QObject):
    def __init__(self, data: UserData, dialogs: Dialogs, picker: PickerView, navigator: Navigator,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.data = data
        self.dialogs = dialogs
        self.picker = picker
        self.navigator = navigator
        self.window = parent
        self.today: TodaysRun | None = None
        self._watcher: QFileSystemWatcher | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self._folder_changed)
        self._busy = False             # an import is under way (its progress dialog runs the events)

    # -- the picker's line --------------------------------------------------------------

    def refresh(self) -> TodaysRun | None:
        """Read today's run again and say it on the list."""
        self.today = self.data.todays_run()
        self.picker.show_run(run_text(self.today, self.data.month_line(), self.data.settings.run_folder))
        return self.today

    def balance_words(self, title: str | None, planned: int) -> str | None:
        """The balance suggestion said with today's run, so neither overrides the other."""
        from postrun.core.run_advice import with_balance

        if self.today is None or title is None:
            return None
        return with_balance(self.today.advice, title, planned, self.today.rules)

    def shown(self) -> None:
        """The list has painted: read the folder's new files, then say today's run."""
        self._watch()
        self.read_folder(quiet=True)
        self.refresh()

    # -- the keys ---------------------------------------------------------------------

    def handle(self, name: str) -> None:
        if name == "type_run":
            self.type_run()
        elif name == "import_runs":
            self.import_paths([import_target(p) for p in self.dialogs.open_run_files(self.window)])
        elif name == "run_folder":
            self.choose_folder()

    def type_run(self) -> None:
        run = self.dialogs.type_run(self.window, self.data.now())
        if run is None:
            return
        added, problem = self.data.add_runs([run])
        self._after(problem or ("Today's run is saved." if added else "That run was already in your log."))

    def import_paths(self, paths: list[Path]) -> None:
        if not paths:
            return
        outcomes = self._with_progress("Reading run files…", lambda progress: self.data.import_runs(paths, progress))
        if isinstance(outcomes, str):
            self._after(outcomes)
        elif outcomes is not None:
            self._after(outcome_notice(outcomes, "Runs"))

    def choose_folder(self) -> None:
        folder = self.dialogs.choose_run_folder(self.window, self.data.settings.run_folder)
        if folder is None:
            return
        if folder == Path():          # the dialog's "Stop watching"
            self.data.settings.run_folder = None
            self._unwatch()
            problem = self.data.save_settings()
            self._after(problem or "No folder is watched for runs now; the runs read from it stay in your log.")
            return
        self.data.settings.run_folder = str(folder)
        problem = self.data.save_settings()
        self._watch()                 # the folder before it is no longer watched
        said = self.read_folder(quiet=False)
        self._after("\n".join(filter(None, [problem, said])) or f"Watching {folder} for runs.")

    # -- the watched folder -----------------------------------------------------------

    def read_folder(self, quiet: bool) -> str | None:
        """Import the folder's new files; what to say (quiet: only what needs saying)."""
        folder = self.data.settings.run_folder
        if not folder or quiet and not os.path.isdir(folder):      # unplugged: the run line says so
            return None
        outcomes = self._with_progress(f"Reading new runs from {folder}…", self.data.read_run_folder)
        if isinstance(outcomes, str):
            text: str | None = outcomes
        elif outcomes is None:
            text = "Reading the folder was cancelled; nothing from it was stored. It is read again next time."
        else:
            text = outcome_notice(outcomes, f"Runs from {Path(folder).name or folder}", quiet=quiet)
        if text is not None and quiet:
            self.picker.show_notice(text)
        return text

    def _watch(self) -> None:
        """Watch the folder and the folders below it (a watch's GARMIN/Activity; a year
        folder of a phone's export). While it is not there (the watch unplugged), the
        nearest folder above it that is (/media/you) is watched instead, so plugging the
        watch in reads it."""
        folder = self.data.settings.run_folder
        if not folder:
            return
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.directoryChanged.connect(lambda _path: self._settle.start(SETTLE_MS))
        watched = set(self._watcher.directories())
        if os.path.isdir(folder):
            wanted = _folders(Path(folder))
            stale = [p for p in watched if not _within(p, folder)]     # the folder above, watched while away
        else:
            above = next((p for p in Path(folder).parents if p.is_dir()), None)
            wanted = [str(above)] if above is not None and above != Path(above.anchor) else []
            stale = [p for p in watched if p not in wanted]
        if stale:
            self._watcher.removePaths(stale)
        new = [p for p in wanted if p not in watched]
        if new:
            self._watcher.addPaths(new)

    def _unwatch(self) -> None:
        if self._watcher is not None and self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())

    def _folder_changed(self) -> None:
        """New files in the folder: read them now if the list shows (never mid-workout:
        the list reads them when it shows again)."""
        if not self.navigator.picker_showing():
            return
        if self._busy:                 # a file landed during an import: read it after
            self._settle.start(SETTLE_MS)
            return
        self._watch()             # a new year folder, or the watch back after unplugging
        said = self.read_folder(quiet=True)
        self.refresh()
        if said:
            self.navigator.refresh_suggestion()

    @property
    def watched(self) -> list[str]:
        return self._watcher.directories() if self._watcher is not None else []

    # -- helpers ----------------------------------------------------------------------

    def _after(self, text: str | None) -> None:
        self.refresh()
        self.navigator.refresh_suggestion()
        if text:
            self.picker.show_notice(text)

    def _with_progress(self, label: str, work: Callable[[Callable[[int, int], None]], list[Outcome] | str]
                       ) -> list[Outcome] | str | None:
        """`work(progress)`, with a progress dialog once it has more than a few files; None
        when cancelled (nothing of the file or export in hand is stored)."""
        dialog: QProgressDialog | None = None

        def progress(done: int, total: int) -> None:
            nonlocal dialog
            if dialog is None and total > PROGRESS_FROM:
                dialog = QProgressDialog(label, "Cancel", 0, total, self.window)
                dialog.setWindowModality(Qt.WindowModality.WindowModal)
                dialog.setMinimumDuration(0)
            if dialog is not None:
                dialog.setMaximum(total)
                dialog.setValue(done)
                dialog.setLabelText(f"{label}\n{done:,} of {total:,}")
                QApplication.processEvents()
                if dialog.wasCanceled():
                    raise Cancelled

        self._busy = True
        try:
            return work(progress)
        except Cancelled:
            return None
        finally:
            self._busy = False
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()


def _within(path: str, folder: str) -> bool:
    return Path(path) == Path(folder) or Path(folder) in Path(path).parents


def _folders(folder: Path, depth: int = DEPTH) -> list[str]:
    found = [str(folder)]

    def walk(here: Path, level: int) -> None:
        if level >= depth:
            return
        try:
            with os.scandir(here) as entries:
                subfolders = [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False)]
        except OSError:
            return
        for sub in subfolders[:200]:
            found.append(str(sub))
            walk(sub, level + 1)

    walk(folder, 0)
    return found
