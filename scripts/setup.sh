#!/usr/bin/env bash
# Installs everything Companion needs on Debian or Ubuntu into ./.venv: the system packages
# (speech, Qt's runtime libraries, and what the tests use to look at a real window), then the
# Python packages, then compiles the translations. Safe to run again; uses sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi

# What the app needs to run: speech (espeak-ng, aplay) and Qt's libraries for a real window.
app_packages=(espeak-ng libespeak-ng1 alsa-utils libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
  libfontconfig1 libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1)
# What the tests need: a virtual screen, the accessibility bus a screen reader reads, a real
# keyring, and tools to measure speech (soxi) and read PDFs (pdftotext).
test_packages=(xvfb x11-utils imagemagick dbus dbus-x11 at-spi2-core python3-pyatspi
  gir1.2-atspi-2.0 gnome-keyring sox poppler-utils)

packages=("${app_packages[@]}")
if [ "${1:-}" = "--with-test-tools" ]; then packages+=("${test_packages[@]}"); fi
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then packages+=(python3-venv python3-pip); fi

missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Companion needs Python 3.11 or newer")'
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
.venv/bin/python -m companion.i18n compile >/dev/null
echo "Companion is installed in $(pwd)/.venv"
