from PySide6.QtCore import Qt

from postrun.audio.player import NO_DEVICE

from helpers import advance, cues_in


def names(parts, played_buffers):
    """The cues heard, in order (a foreseen cue comes with silence in front, cues close
    together come in one buffer); a buffer of pure silence (the warm-up) is named so."""
    buffers = parts.sound.player.cues.buffers
    return [name for data in played_buffers
            for name in (["silence"] if not any(data) else [n for _, n in cues_in(data, buffers)])]


def test_cues_follow_the_workout(qtbot, window, clock, parts, played_buffers):
    window.open_by_key("posterior-chain")
    assert names(parts, played_buffers) == ["silence"]      # opening the preview warms the output
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 10.0)
    assert names(parts, played_buffers) == ["silence", "get_ready", "countdown", "countdown", "countdown_last", "go"]
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    assert names(parts, played_buffers)[-1] == "paused"
    qtbot.keyClick(window.run_view, Qt.Key.Key_M)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)          # muted: the resume is silent
    assert names(parts, played_buffers)[-1] == "paused"


def test_no_sound_device_the_workout_goes_on_with_a_notice(qtbot, window, clock, parts):
    attempts = []

    def broken(data, channels, width, rate):
        attempts.append(data)
        raise OSError("Error opening PCM device. -- CODE: -2 -- MSG: No such file or directory")

    parts.sound.player._play_buffer = broken
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 30.0)
    assert len(attempts) > 3                       # every cue retried
    notice = window.run_view.notice.text()
    assert notice.count(NO_DEVICE) == 1
    assert window.session.engine.index >= 1         # and the workout went on


def test_voice_unavailable_is_explained_in_the_preview(qtbot, window, parts):
    parts.sound.voice = None
    parts.sound.speech_wanted = False
    window.open_by_key("posterior-chain")
    assert not window.preview.voice.isEnabled()
    assert window.preview.voice_note.text().startswith("Voice unavailable:")


def test_sound_choices_in_the_preview_are_remembered(qtbot, window, parts):
    window.open_by_key("posterior-chain")
    window.preview.volume.setValue(60)
    window.preview.lead_in.setChecked(True)
    window.preview.voice.setChecked(False)
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    settings = parts.data.settings
    assert (settings.volume, settings.lead_in, settings.voice) == (60, True, False)
    assert parts.sound.player.cues.volume == 0.6
    assert parts.sound.player.lead_in == 0.3
    assert parts.sound.player.ahead == 0.3
    assert window.run_view.sound.text() == "Volume 60%"
    assert window.run_view.buttons["voice"].text() == "Voice off"
