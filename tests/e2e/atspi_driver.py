"""Reads Companion through AT-SPI the way the Orca screen reader does, and presses its buttons.

Runs with the SYSTEM python (Debian's python3-pyatspi), inside the app's D-Bus session:
    /usr/bin/python3 atspi_driver.py OUT.json [WAIT_FOR_LABEL_PREFIX]
Walks Home, then presses "Settings" and walks it, then presses "Get help now" and walks it.
Writes {"home": rows, "settings": rows, "help_now": rows}; each row: role, name, description,
showing, x, y, w, h, actions. Exits 1 with a message when the app never shows up.
"""

import json
import sys
import time

import pyatspi

APP_NAME = "companion"


def find_app(timeout_s=30.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            named = app is not None and APP_NAME in (app.name or "").lower()
            if named and app.childCount and find(app, "push button", "Get help now"):
                return app
        time.sleep(0.2)
    return None


def walk(acc, depth, rows):
    try:
        states = acc.getState()
        try:
            ext = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            box = (ext.x, ext.y, ext.width, ext.height)
        except NotImplementedError:
            box = (0, 0, 0, 0)
        try:
            action = acc.queryAction()
            actions = [action.getName(i) for i in range(action.nActions)]
        except NotImplementedError:
            actions = []
        rows.append(
            {
                "depth": depth,
                "role": acc.getRoleName(),
                "name": acc.name or "",
                "description": acc.description or "",
                "showing": states.contains(pyatspi.STATE_SHOWING),
                "focused": states.contains(pyatspi.STATE_FOCUSED),
                "checked": states.contains(pyatspi.STATE_CHECKED),
                "x": box[0],
                "y": box[1],
                "w": box[2],
                "h": box[3],
                "actions": actions,
            }
        )
    except Exception as exc:  # a dying object; note it and go on
        rows.append({"depth": depth, "role": "<error>", "name": repr(exc)})
        return
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            walk(child, depth + 1, rows)


def find(acc, role, name):
    try:
        if (
            acc.getRoleName() == role
            and (acc.name or "") == name
            and acc.getState().contains(pyatspi.STATE_SHOWING)
        ):
            return acc
    except Exception:
        return None
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            found = find(child, role, name)
            if found is not None:
                return found
    return None


def find_label_starting(acc, prefix):
    try:
        if acc.getRoleName() == "label" and (acc.name or "").startswith(prefix):
            return acc
    except Exception:
        return None
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            found = find_label_starting(child, prefix)
            if found is not None:
                return found
    return None


def wait_for_label(app, prefix, timeout_s=20.0):
    """Background work (speech check, data opening) may add a sentence a moment after start."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if find_label_starting(app, prefix) is not None:
            return
        time.sleep(0.2)


def press_and_wait(app, name, then_title, timeout_s=30.0):
    """Press the showing button `name` (found again while a screen is being replaced: the old
    screen's buttons vanish from the bus under us) and wait for the label `then_title`."""
    deadline = time.monotonic() + timeout_s
    while True:
        button = find(app, "push button", name)
        if button is not None:
            try:
                button.queryAction().doAction(0)
                break
            except Exception:  # GLib.GError "No such object path": a screen going away
                pass
        if time.monotonic() > deadline:
            raise SystemExit(f"no showing button named {name!r}")
        time.sleep(0.2)
    while time.monotonic() < deadline:
        if find(app, "label", then_title) is not None:
            return
        time.sleep(0.2)
    raise SystemExit(f"pressing {name!r} did not show {then_title!r}")


def main():
    out = sys.argv[1]
    app = find_app()
    if app is None:
        print("Companion never appeared on the accessibility bus")
        return 1
    if len(sys.argv) > 2:
        wait_for_label(app, sys.argv[2])
    result = {}
    rows = []
    walk(app, 0, rows)
    result["home"] = rows
    press_and_wait(app, "Settings", "Settings")
    rows = []
    walk(app, 0, rows)
    result["settings"] = rows
    press_and_wait(app, "Get help now", "Get help now")
    rows = []
    walk(app, 0, rows)
    result["help_now"] = rows
    # The history's table, on its own screen (no check-ins yet on this PC: it says so).
    press_and_wait(app, "Home", "What would you like to do?")
    press_and_wait(app, "How am I feeling?", "How am I feeling?")
    press_and_wait(app, "See how I have been", "How I have been feeling")
    press_and_wait(app, "Show as a table", "My mood day by day")
    wait_for_label(app, "No check-ins in these weeks yet.")
    rows = []
    walk(app, 0, rows)
    result["mood_days"] = rows
    with open(out, "w") as handle:
        json.dump(result, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
