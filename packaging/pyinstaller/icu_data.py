"""Trim Qt's ICU data library for the bundle (Linux).

PySide6 ships ICU with its full data (libicudata.so.NN, 31 MiB): every locale's names of
languages, currencies, time zones and units, 190 legacy text converters, break rules and
transliterators. Qt reads from it only collation (QCollator: how file dialogs sort names)
and converters for text encodings other than UTF-8/16/32 and Latin-1, which Qt has built
in and which are all Postrun reads and writes. Case mapping and normalisation are compiled
into libicuuc itself.

So the bundle keeps ICU's core tables and every collation (3.6 MiB) and drops the rest;
a Swedish file dialog still sorts å after z. Built with Debian's icu-devtools (`icupkg`
edits ICU data packages) and gcc (`.incbin` the package into a library exporting the
same symbol under the same soname). Without either tool the full library is kept.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

DROPPED_TREES = ("curr/", "zone/", "lang/", "region/", "unit/", "rbnf/", "translit/", "brkitr/")
DROPPED_SUFFIXES = (".cnv", ".spp", ".cfu")          # legacy converters, stringprep, spoof checks
DROPPED_NAMES = ("unames.icu",)                       # Unicode character names
KEPT_LOCALES = ("root.res", "res_index.res", "pool.res", "en.res")
LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")


def keeps(item: str) -> bool:
    """True for a data item (a path inside the package) that the bundle keeps."""
    if item.startswith(DROPPED_TREES) or item.endswith(DROPPED_SUFFIXES) or item in DROPPED_NAMES:
        return False
    if "/" in item:
        return True                                   # coll/: every language's sort order
    return item in KEPT_LOCALES or not LOCALE_FILE.match(item)


def _symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the data symbol icudtNN_dat."""
    symbols = subprocess.run(["readelf", "-W", "--dyn-syms", str(library)],
                             capture_output=True, text=True, check=True).stdout
    for line in symbols.splitlines():
        fields = line.split()
        if len(fields) >= 8 and re.fullmatch(r"icudt\d+_dat", fields[7]):
            address, size, section = int(fields[1], 16), int(fields[2], 0), int(fields[6])
            break
    else:
        raise ValueError(f"{library.name}: no icudtNN_dat symbol")
    sections = subprocess.run(["readelf", "-W", "-S", str(library)],
                              capture_output=True, text=True, check=True).stdout
    for line in sections.splitlines():
        found = re.match(r"\s*\[\s*(\d+)\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if found and int(found.group(1)) == section:
            return fields[7], address - int(found.group(2), 16) + int(found.group(3), 16), size
    raise ValueError(f"{library.name}: section {section} not found")


def trimmed(library: Path, workdir: Path) -> Path | None:
    """A trimmed copy of `library` (same soname and symbol) in `workdir`, or None when the
    tools are missing or anything fails (the caller keeps the full library)."""
    if not (shutil.which("icupkg") and shutil.which("gcc") and shutil.which("readelf")):
        print("icu_data: icupkg (icu-devtools) or gcc missing: the full ICU data is bundled")
        return None
    try:
        symbol, offset, size = _symbol(library)
        workdir.mkdir(parents=True, exist_ok=True)
        package = f"{symbol[:-len('_dat')]}l.dat"     # icudt73l.dat: icupkg checks the name
        full, small = workdir / "full" / package, workdir / "small" / package
        full.parent.mkdir(exist_ok=True)
        small.parent.mkdir(exist_ok=True)
        with library.open("rb") as source:
            source.seek(offset)
            full.write_bytes(source.read(size))
        items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True,
                               check=True).stdout.split()
        removed = workdir / "removed.txt"
        removed.write_text("".join(f"{item}\n" for item in items if not keeps(item)))
        small.unlink(missing_ok=True)
        subprocess.run(["icupkg", "-r", str(removed), str(full), str(small)], check=True,
                       capture_output=True)
        assembly = workdir / "icudata.S"
        assembly.write_text(
            f"    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n"
            f"    .balign 16\n{symbol}:\n    .incbin \"{small}\"\n"
            f"    .size {symbol}, . - {symbol}\n    .section .note.GNU-stack,\"\",@progbits\n")
        output = workdir / library.name
        subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(output),
                        str(assembly)], check=True, capture_output=True)
        return output
    except (OSError, ValueError, subprocess.CalledProcessError) as error:
        print(f"icu_data: trimming failed ({error}): the full ICU data is bundled")
        return None
