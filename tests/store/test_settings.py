import json

from postrun.store.settings import Settings, load_settings, save_settings, settings_path


def test_missing_file_gives_defaults():
    assert load_settings() == Settings()


def test_settings_round_trip_through_an_atomic_file():
    settings = Settings(fullscreen_on_start=True, prepare_seconds=15, last_circuit="quad-circuit",
                        swaps={"posterior-chain": {"0": 0}}, rounds={"posterior-chain": 2}, muted=True)
    save_settings(settings)
    assert load_settings() == settings
    assert load_settings().swaps_for("posterior-chain") == {0: 0}
    assert not list(settings_path().parent.glob(".settings.json.*"))   # no temp file left behind


def test_bad_values_fall_back_to_their_defaults():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"fullscreen_on_start": "yes", "prepare_seconds": -3, "volume": 400,
                                           "rounds": {"x": "two"}, "last_circuit": "quad-circuit"}))
    assert load_settings() == Settings(last_circuit="quad-circuit")


def test_a_corrupt_file_gives_defaults():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_bytes(b"\xff{{{")
    assert load_settings() == Settings()
