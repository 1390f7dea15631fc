#!/usr/bin/env bash
# Installs everything Companion needs on Debian or Ubuntu into ./.venv: the system packages
# (speech, Qt's runtime libraries, and what the tests use to look at a real window), then the
# Python packages at the exact versions of requirements/app.txt, or test.txt with the test tools (checked by their hashes), then
# compiles the translations. Safe to run again; uses sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
step() { printf '\n== %s\n' "$*"; }

# What the app needs to run: speech (espeak-ng, aplay) and Qt's libraries for a real window.
app_packages=(espeak-ng libespeak-ng1 alsa-utils libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
  libfontconfig1 libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1)
# What the tests need: a virtual screen, the accessibility bus a screen reader reads, a real
# keyring, and tools to measure speech (soxi) and read PDFs (pdftotext, pdftoppm).
test_packages=(xvfb x11-utils imagemagick dbus dbus-x11 at-spi2-core python3-pyatspi
  gir1.2-atspi-2.0 gnome-keyring sox poppler-utils)

packages=("${app_packages[@]}")
extras=""
lock=requirements/app.txt
if [ "${1:-}" = "--with-test-tools" ]; then packages+=("${test_packages[@]}"); extras="[test]"; lock=requirements/test.txt; fi
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then packages+=(python3-venv python3-pip); fi

missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  step "Step 1 of 3: installing ${#missing[@]} system packages (speech, screen, test tools)."
  echo "   This takes 1 to 5 minutes the first time, depending on your connection."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
  echo "   Done."
else
  step "Step 1 of 3: the system packages are already there."
fi

python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Companion needs Python 3.11 or newer")'
step "Step 2 of 3: installing Companion's Python packages into .venv from $lock."
echo "   About 300 MB (mostly Qt). The first time takes 1 to 5 minutes; later runs take seconds."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
# Exact versions, each checked against its hash: the same install today and next month.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --progress-bar on \
  --require-hashes -r "$lock"
# Companion itself, editable, with nothing more pulled in (everything came from the lock). The
# build backend's notes about editable installs are for packagers, not for this reader.
PYTHONWARNINGS=ignore .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
  --no-build-isolation -e ".$extras"
echo "   Done."

step "Step 3 of 3: preparing the translations."
.venv/bin/python -m companion.i18n compile >/dev/null
echo "   Done. Companion is installed in $(pwd)/.venv"
echo "   Next: 'bash scripts/start' opens Companion; 'bash scripts/test' runs every test."
