#!/bin/bash
# Pack out/dist/Companion.app (made by `python3 installers/build.py` on a Mac) into a .dmg that
# opens as a window with Companion and an Applications folder to drag it onto.
#
#   bash installers/macos/make_dmg.sh [OUT]       (OUT defaults to ./out)
#
# Uses create-dmg (https://github.com/create-dmg/create-dmg, `brew install create-dmg`) for the
# nicer window when it is installed, else plain hdiutil, which every Mac has.
# NOT RUN YET: written from the hdiutil and create-dmg documentation; see installers/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT="${1:-out}"
APP="$OUT/dist/Companion.app"
ICNS="$OUT/icons/companion.icns"
if [ ! -d "$APP" ]; then
  echo "No $APP: run python3 installers/build.py on this Mac first." >&2
  exit 1
fi
VERSION="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$APP/Contents/Info.plist")"
DMG="$OUT/Companion-$VERSION.dmg"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT

# ditto keeps the bundle's symlinks, permissions and code signatures intact.
ditto "$APP" "$STAGE/Companion.app"
rm -f "$DMG"

if command -v create-dmg >/dev/null 2>&1; then
  create-dmg \
    --volname "Companion" \
    --volicon "$ICNS" \
    --window-pos 200 120 \
    --window-size 640 400 \
    --icon-size 128 \
    --text-size 16 \
    --icon "Companion.app" 170 190 \
    --hide-extension "Companion.app" \
    --app-drop-link 470 190 \
    "$DMG" "$STAGE"
else
  ln -s /Applications "$STAGE/Applications"
  hdiutil create -volname "Companion" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
fi
hdiutil verify "$DMG"
echo "dmg: $DMG"
