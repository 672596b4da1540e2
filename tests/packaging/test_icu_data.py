"""The bundle's trimmed ICU data: it keeps what Qt reads (collation, core tables) and drops
the locale display names and legacy converters; Qt runs on it with every language's sort
order intact."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging" / "pyinstaller"))
import icu_data  # noqa: E402


@pytest.mark.parametrize(("item", "kept"), [
    ("root.res", True), ("res_index.res", True), ("pool.res", True), ("en.res", True),
    ("cnvalias.icu", True), ("likelySubtags.res", True), ("nfkc.nrm", True), ("uts46.nrm", True),
    ("coll/root.res", True), ("coll/ucadata.icu", True), ("coll/sv.res", True), ("coll/de__PHONEBOOK.res", True),
    ("de.res", False), ("zh_Hant_TW.res", False), ("sr_Latn_BA.res", False),
    ("curr/de.res", False), ("zone/fr.res", False), ("lang/ja.res", False), ("region/es.res", False),
    ("unit/it.res", False), ("rbnf/en.res", False), ("translit/root.res", False), ("brkitr/char.brk", False),
    ("ibm-1252_P100-2000.cnv", False), ("gb18030.cnv", False), ("rfc3491.spp", False),
    ("confusables.cfu", False), ("unames.icu", False),
])
def test_which_items_stay(item, kept):
    assert icu_data.keeps(item) is kept


PROBE = """
import functools
from PySide6.QtCore import QCollator, QLocale, QStringDecoder
words = ["zebra", "ångström", "apple", "file10", "file9", "Äpfel"]
for name in ("sv_SE", "de_DE"):
    collator = QCollator(QLocale(name))
    collator.setNumericMode(True)
    print(name, " ".join(sorted(words, key=functools.cmp_to_key(collator.compare))))
print(QLocale("tr_TR").toUpper("istanbul"), QLocale("de_DE").toUpper("straße"))
print("Shift_JIS", QStringDecoder("Shift_JIS").isValid())   # a dropped converter: shows which data loaded
"""


def qt_library(name):
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob(f"{name}.so.*"))
    return found[0] if found else None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle trims ICU on Linux")
def test_qt_sorts_and_cases_the_same_on_the_trimmed_data(tmp_path):
    library = qt_library("libicudata")
    if library is None:
        pytest.skip("this PySide6 has no ICU of its own")
    small = icu_data.trimmed(library, tmp_path / "icu")
    assert small is not None, "icupkg (icu-devtools), gcc and readelf are installed by make"
    assert small.stat().st_size < library.stat().st_size / 4

    def run(extra_env):
        env = dict(os.environ, **extra_env)
        return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env,
                              check=True).stdout

    full = run({}).splitlines()
    trimmed = run({"LD_LIBRARY_PATH": str(small.parent)}).splitlines()   # before the wheel's RUNPATH
    assert full[0] == "sv_SE apple file9 file10 zebra ångström Äpfel"     # Swedish: å, ä after z
    assert full[1] == "de_DE ångström Äpfel apple file9 file10 zebra"
    assert full[2] == "İSTANBUL STRASSE"
    assert trimmed[:3] == full[:3]
    assert (full[3], trimmed[3]) == ("Shift_JIS True", "Shift_JIS False")
