"""Emoji in a name are drawn in colour (the Makefile installs a colour emoji font); on a
computer where no font can draw a character, the editor refuses it beside its field
instead of saving a name that shows as empty boxes."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from postrun.ui.drawable import undrawable, undrawable_words
from postrun.ui.theme import font

PRIVATE_USE = "\U000F0000"          # no font draws it, on any computer


def test_an_emoji_is_drawn_in_colour(qtbot):
    label = QLabel("💪🏋️")
    label.setFont(font(48))
    label.setStyleSheet("background: white; color: black")
    qtbot.addWidget(label)
    label.resize(200, 80)
    image = label.grab().toImage()
    coloured = [QColor(image.pixel(x, y)) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]
    assert any(c.saturation() > 100 and c.value() > 60 for c in coloured)       # not boxes, not black
    assert undrawable("Leg day 💪🏋️‍♀️ ✓ é") == []


def test_a_character_no_font_can_draw_is_named_with_how_to_add_one():
    assert undrawable(f"Legs {PRIVATE_USE}") == [PRIVATE_USE]
    words = undrawable_words(f"Legs {PRIVATE_USE}")
    assert words.startswith("\U000F0000 (U+F0000) cannot be drawn by any font on this computer")
    assert "fonts-noto-color-emoji" in words


def test_the_editor_refuses_it_beside_the_field(qtbot, window):
    window.circuit_actions.new()
    editor = window.editor
    def type_name(text):             # as typed (QTest cannot send characters past U+FFFF)
        editor.name.setText(text)
        editor.name.textEdited.emit(text)

    qtbot.keyClicks(editor.ex_name, "Plank")
    type_name("Legs 💪")
    assert editor.save_button.isEnabled()                 # an emoji font is here: it is drawn
    type_name(f"Legs 💪{PRIVATE_USE}")
    assert not editor.save_button.isEnabled()
    assert "cannot be drawn by any font" in editor.circuit_problems["name"].text()
    type_name("Legs 💪")                                  # back to what can be drawn
    assert editor.save_button.isEnabled()


def test_without_an_emoji_font_an_emoji_is_refused(tmp_path):
    """A fontconfig that knows only DejaVu, as a system with the one font the base packages
    bring: the emoji is found undrawable (in a child: fonts are read once per process)."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    if not dejavu.is_dir():
        pytest.skip("DejaVu is not installed here")
    config = tmp_path / "fonts.conf"
    config.write_text(f"<?xml version='1.0'?><fontconfig><dir>{dejavu}</dir>"
                      f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    code = textwrap.dedent("""
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from postrun.ui.drawable import undrawable
        print(repr(undrawable("Legs 💪 é")))
        """)
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == repr(["💪"])
