import pytest


@pytest.fixture
def alsa_capture(tmp_path):
    """An ALSA configuration whose default device appends every sample played to a file
    (the `file` plugin over a `null` slave), for a subprocess to use via ALSA_CONFIG_PATH."""
    captured = tmp_path / "out.raw"
    config = tmp_path / "asound.conf"
    config.write_text(
        "pcm.!default {\n"
        "  type file\n"
        "  slave { pcm { type null } }\n"
        f'  file "| cat >> {captured}"\n'
        '  format "raw"\n'
        "}\n"
    )
    return config, captured


@pytest.fixture
def alsa_without_device(tmp_path):
    config = tmp_path / "asound-none.conf"
    config.write_text("pcm.!default { type hw; card 99 }\n")
    return config
