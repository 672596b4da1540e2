import pytest

from postrun.store.library import NotFound, Source, find_entry, load_library
from postrun.store.paths import data_dir, user_circuits_dir

MINE = "format = 1\nname = 'My circuit'\n[[exercise]]\nname = 'Swings'\nwork = 30\n"


def test_data_dir_follows_the_environment_at_call_time(tmp_path, monkeypatch):
    monkeypatch.setenv("POSTRUN_DATA_DIR", str(tmp_path / "a"))
    assert data_dir() == tmp_path / "a"
    monkeypatch.setenv("POSTRUN_DATA_DIR", str(tmp_path / "b"))
    assert user_circuits_dir() == tmp_path / "b" / "circuits"


def test_data_dir_defaults_to_the_platform_folder(monkeypatch):
    monkeypatch.delenv("POSTRUN_DATA_DIR")
    assert data_dir().name == "postrun"


def test_library_lists_builtins_without_a_user_folder():
    entries = load_library()
    assert {e.key for e in entries} == {
        "posterior-chain", "posterior-chain-quick", "posterior-chain-no-equipment", "quad-circuit"}
    assert all(e.source is Source.BUILTIN and e.circuit is not None for e in entries)


def test_library_lists_user_circuits_and_broken_files_with_their_error():
    folder = user_circuits_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(MINE)
    (folder / "broken.toml").write_text("format = 1\nname = 'Broken'\n[[exercise]]\nname = 'x'\nwork = 'ages'\n")
    (folder / "notes.txt").write_text("not a circuit")
    user = {e.key: e for e in load_library() if e.source is Source.USER}
    assert set(user) == {"mine", "broken"}
    assert user["mine"].circuit.name == "My circuit"
    assert user["broken"].circuit is None
    assert user["broken"].error.first.field == "exercise[1].work"
    assert user["broken"].title == "broken.toml"


@pytest.mark.parametrize("name", ["posterior-chain", "POSTERIOR-CHAIN", "Posterior chain after a run"])
def test_find_by_key_or_name(name):
    assert find_entry(name).key == "posterior-chain"


def test_user_circuit_wins_a_name_clash():
    folder = user_circuits_dir()
    folder.mkdir(parents=True)
    (folder / "posterior-chain.toml").write_text(MINE)
    assert find_entry("posterior-chain").source is Source.USER


def test_find_by_path(tmp_path):
    path = tmp_path / "shared.toml"
    path.write_text(MINE)
    assert find_entry(str(path)).circuit.name == "My circuit"


@pytest.mark.parametrize("name", ["nothing-like-this", "missing.toml"])
def test_unknown_names_say_what_is_known(name):
    with pytest.raises(NotFound, match="no"):
        find_entry(name)
