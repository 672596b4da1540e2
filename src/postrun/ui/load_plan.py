"""One exercise's load for today on the preview: what to lift (the suggestion, chosen by
default, or another weight owned), what was done last time, and why. Changed with ↑/↓ on
its box; nothing changes without being shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from postrun.core.equipment import Equipment, bands_owned, snapped, weights_for
from postrun.core.load import Load, LoadType, load_text
from postrun.core.progression import Suggestion, suggestion_words
from postrun.ui.theme import font

AROUND = 6          # weights offered each side of the suggestion (a barbell makes hundreds)


def options(equipment: Equipment, load: Load) -> list[Load]:
    """The loads to choose from around `load`, lightest first (assisted: least help last)."""
    if load.type is LoadType.BAND:
        return [load.with_band(c) for c in bands_owned(equipment)] or [load]
    weights = weights_for(equipment, load)
    snapped_load = snapped(equipment, load)
    if not weights or snapped_load.weight is None:
        return [snapped_load]
    at = weights.index(snapped_load.weight) if snapped_load.weight in weights else 0
    chosen = weights[max(0, at - AROUND): at + AROUND + 1]
    return [snapped_load.with_weight(w) for w in chosen]


class LoadPlan(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tip: Suggestion | None = None
        self.box = QComboBox(self)
        self.box.setFont(font(18))
        self.box.currentIndexChanged.connect(self._chosen)
        self.today = QLabel(self)
        self.today.setFont(font(18, bold=True))
        self.today.setWordWrap(True)
        self.why = QLabel(self)
        self.why.setFont(font(15))
        self.why.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.today)
        column.addWidget(self.box)
        column.addWidget(self.why)

    def show_plan(self, tip: Suggestion, equipment: Equipment) -> None:
        self.tip = tip
        self.box.blockSignals(True)
        self.box.clear()
        loads = options(equipment, tip.load) if tip.load is not None else []
        for load in loads:
            mark = "  (suggested)" if load == tip.load else ""
            self.box.addItem(f"{load_text(load)}{mark}", load)
        if tip.load is not None and tip.load in loads:
            self.box.setCurrentIndex(loads.index(tip.load))
        self.box.setVisible(len(loads) > 1)
        self.box.blockSignals(False)
        self.why.setText(f"{tip.last}. {tip.why[0].upper()}{tip.why[1:]}.")
        self._chosen()

    def chosen_load(self) -> Load | None:
        data = self.box.currentData() if self.box.count() else None
        return data if isinstance(data, Load) else (self.tip.load if self.tip else None)

    def _chosen(self) -> None:
        tip = self.tip
        if tip is None:
            return
        load = self.chosen_load()
        if load == tip.load:
            self.today.setText(f"Today: {suggestion_words(tip)}")
        else:
            chosen = load_text(load) if load is not None and load_text(load) else "bodyweight"
            self.today.setText(f"Today: {chosen} — your choice; suggested {suggestion_words(tip)}")
        self.changed.emit()
