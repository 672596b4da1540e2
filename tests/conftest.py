import os

# Before anything imports Qt: tests draw offscreen, never on a real display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own empty per-user data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("POSTRUN_DATA_DIR", str(folder))
    return folder
