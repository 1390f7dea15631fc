"""Presses two switches at the real window, as a switch box sends them (Space = next, Enter =
choose), and reads through AT-SPI what the person would see after each press.
Runs with the SYSTEM python (python3-pyatspi) inside the app's D-Bus session:
    /usr/bin/python3 switch_driver.py OUT.json KEY...
KEY is "next" or "choose". Writes {"help_now_shown": [bool after each press]}.
"""

import json
import sys
import time

import pyatspi
from atspi_driver import find_app, find_label_starting

KEYSYMS = {"next": 0x20, "choose": 0xFF0D}  # X keysyms for Space and Return
HELP_NOW_TEXT = "If you are thinking of hurting yourself"


def main():
    out, keys = sys.argv[1], sys.argv[2:]
    app = find_app()
    if app is None:
        print("Companion never appeared on the accessibility bus")
        return 1
    time.sleep(1.5)  # Home has finished showing and scanning has highlighted its choices
    shown = []
    for key in keys:
        pyatspi.Registry.generateKeyboardEvent(KEYSYMS[key], None, pyatspi.KEY_SYM)
        time.sleep(0.8)
        shown.append(find_label_starting(app, HELP_NOW_TEXT) is not None)
    with open(out, "w") as handle:
        json.dump({"help_now_shown": shown}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
