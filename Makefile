# `make run` and `make test` set everything up on a fresh Debian/Ubuntu machine:
# system packages (as root or through sudo), a virtualenv in .venv, the project itself.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# gcc + Python headers + ALSA headers build simpleaudio; the rest are the libraries Qt
# loads to draw (offscreen in tests, xcb on a desktop) and the fonts it draws with.
SYSTEM_PACKAGES := gcc python3-dev python3-venv libasound2-dev \
	libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 \
	libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libpulse0 fonts-dejavu-core \
	fonts-noto-color-emoji dbus desktop-file-utils appstream icu-devtools
# fonts-noto-color-emoji: an emoji in a circuit's name is drawn in colour, not as a box
# (without any emoji font the editor refuses what cannot be drawn: ui/drawable.py);
# dbus: the media-button tests start a private session bus (dbus-daemon, dbus-send);
# desktop-file-utils and appstream validate the Linux desktop entry and metainfo;
# icu-devtools (icupkg) trims Qt's ICU data for the bundle (packaging/pyinstaller/icu_data.py)

# what the benchmarks measure with: a real X server, a PulseAudio sink and its recorder
BENCH_PACKAGES := xvfb pulseaudio pulseaudio-utils libasound2-plugins sox imagemagick xdotool time

# the other Pythons we claim; `make test-pythons` runs the suite on each one found
OTHER_PYTHONS := 3.12 3.13

.PHONY: run test lint typecheck unit test-pythons system-deps bench-deps clean wheel-self-test \
	desktop-check install-desktop uninstall-desktop bundle

run: $(STAMP)
	$(BIN)/postrun

test: $(STAMP) lint typecheck desktop-check unit wheel-self-test

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks packaging

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

APP_ID := io.github.postrun.Postrun
LINUX := packaging/linux

# the desktop entry and the AppStream metainfo, as software centres and Flathub check them
desktop-check: $(STAMP)
	desktop-file-validate $(LINUX)/$(APP_ID).desktop
	appstreamcli validate --no-net $(LINUX)/$(APP_ID).metainfo.xml

# Postrun in your application menu, with its icon, for the current user (this checkout's
# .venv runs it). Undo with `make uninstall-desktop`.
XDG_DATA := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
install-desktop: $(STAMP)
	mkdir -p $(XDG_DATA)/applications $(XDG_DATA)/metainfo $(XDG_DATA)/icons/hicolor/scalable/apps
	sed 's|^Exec=postrun|Exec=$(abspath $(BIN))/postrun|' $(LINUX)/$(APP_ID).desktop > $(XDG_DATA)/applications/$(APP_ID).desktop
	cp $(LINUX)/$(APP_ID).metainfo.xml $(XDG_DATA)/metainfo/
	cp assets/icons/postrun.svg $(XDG_DATA)/icons/hicolor/scalable/apps/$(APP_ID).svg
	for size in 16 24 32 48 64 128 256 512; do \
		mkdir -p $(XDG_DATA)/icons/hicolor/$${size}x$${size}/apps; \
		cp packaging/icons/postrun-$$size.png $(XDG_DATA)/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png; \
	done
	-update-desktop-database $(XDG_DATA)/applications 2>/dev/null
	@echo "Postrun is in your application menu (it runs $(abspath $(BIN))/postrun)."

uninstall-desktop:
	rm -f $(XDG_DATA)/applications/$(APP_ID).desktop $(XDG_DATA)/metainfo/$(APP_ID).metainfo.xml \
		$(XDG_DATA)/icons/hicolor/*/apps/$(APP_ID).*

# The wheel a user would install, in a fresh venv without the test packages (and without
# the voice extra: the lean install), must pass `postrun --self-test`.
WHEEL_VENV := build/wheel-venv
wheel-self-test: $(STAMP)
	rm -rf build/wheel $(WHEEL_VENV)
	$(BIN)/python -m pip wheel --quiet --no-deps -w build/wheel .
	$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/python -m pip install --quiet build/wheel/postrun-*.whl
	cd build && QT_QPA_PLATFORM=offscreen ./wheel-venv/bin/postrun --self-test

# A one-folder bundle a runner can copy and start (dist/postrun/postrun), checked by its
# own self-test. PyInstaller is a build tool only: installed here, not a dependency.
# The module archive is stored uncompressed: inflating it cost the bundle's start-up
# about 10 ms (3 MiB on disk).
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.10'
	PYINSTALLER_ZLIB_COMPRESSION_LEVEL=0 $(BIN)/pyinstaller --noconfirm --clean --log-level ERROR --distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/postrun.spec
	cd build && QT_QPA_PLATFORM=offscreen ../dist/postrun/postrun --self-test
	@du -sh dist/postrun

# Each found Python gets its own venv (.venv-3.12, ...) and the whole suite; one that is
# found and fails fails the target. Which were found is printed either way.
test-pythons:
	@found=""; missing=""; \
	for version in $(OTHER_PYTHONS); do \
		py=$$(.ci/find-python $$version); \
		if [ -z "$$py" ]; then missing="$$missing $$version"; continue; fi; \
		echo "== Python $$version: $$py"; \
		$(MAKE) --no-print-directory PYTHON=$$py VENV=.venv-$$version unit || exit 1; \
		found="$$found $$version"; \
	done; \
	echo "== other Pythons tested:$${found:- none}; not found:$${missing:- none}"

bench-deps:
	@$(MAKE) --no-print-directory system-deps SYSTEM_PACKAGES="$(SYSTEM_PACKAGES) $(BENCH_PACKAGES)"

system-deps:
	@missing=""; \
	if command -v dpkg-query >/dev/null 2>&1; then \
		for p in $(SYSTEM_PACKAGES); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
		done; \
	fi; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Postrun needs Python 3.11 or newer; set PYTHON=python3.12 (say)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,voice]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .venv-3.* build dist .pytest_cache .mypy_cache .ruff_cache
