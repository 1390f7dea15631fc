"""Switch access reaches every control of a screen, by group, in at most eight steps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.app import MainWindow
from ui.screens.help_now import HelpNowScreen
from ui.screens.settings import SettingsScreen


def focused_name() -> str:
    widget = QApplication.focusWidget()
    return widget.accessibleName() if widget else ""


def test_two_switches_reach_and_press_a_screen_choice(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.ctx.settings.set("switch_mode", "two_switches")
    steps = 0
    qtbot.keyClick(window, Qt.Key.Key_Space)  # highlight the top bar group
    qtbot.keyClick(window, Qt.Key.Key_Space)  # then the screen's choices
    qtbot.keyClick(window, Qt.Key.Key_Return)  # go into that group: first choice
    steps += 3
    while focused_name() != "Settings" and steps < 8:
        qtbot.keyClick(window, Qt.Key.Key_Space)  # move along the choices
        steps += 1
    assert focused_name() == "Settings"
    qtbot.keyClick(window, Qt.Key.Key_Return)  # press it
    steps += 1
    assert isinstance(window.current(), SettingsScreen)
    assert steps <= 8


def steps_to_reach(scanner, name: str) -> int | None:  # type: ignore[no-untyped-def]
    """Fewest switch presses (moves + chooses) until `name` has the focus, or None."""
    best = None
    for group_moves in (1, 2):
        scanner.reset()
        for _ in range(group_moves):
            scanner.next()
        scanner.choose()  # into the group: its first control is highlighted
        presses = group_moves + 1
        for _ in range(7):
            if focused_name() == name:
                best = presses if best is None else min(best, presses)
                break
            scanner.next()
            presses += 1
    return best


def test_every_control_of_settings_is_reached_within_eight_steps(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.push(SettingsScreen(window.ctx))
    window.ctx.settings.set("switch_mode", "two_switches")
    controls = [*window.top_bar.buttons(), *window.current().choices()]
    for control in controls:
        if not control.isEnabled():
            continue
        steps = steps_to_reach(window.scanner, control.accessibleName())
        assert steps is not None and steps <= 8, f"{control.accessibleName()}: {steps}"


def test_one_switch_scans_by_itself_and_a_press_chooses(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.ctx.settings.set("scan_interval_ms", 500)
    window.ctx.settings.set("switch_mode", "one_switch")
    # Let the highlight move by itself onto the top bar group, then go in and wait for Get help.
    qtbot.waitUntil(lambda: window.top_bar.property("scanGroup") is True, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: focused_name() == "Get help now", timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert isinstance(window.current(), HelpNowScreen)


def test_switch_keys_are_left_alone_when_scanning_is_off(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    button = window.current().buttons["settings"]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert isinstance(window.current(), SettingsScreen)


def test_a_screen_with_many_controls_is_scanned_in_rows_of_at_most_six(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from ui.screens.contacts import ContactsScreen

    window.push(ContactsScreen(window.ctx))  # nine text boxes and Save
    window.ctx.settings.set("switch_mode", "two_switches")
    groups = window.scanner._groups()
    sizes = [len(items) for _container, items in groups]
    assert sizes[0] == 4 and all(size <= 6 for size in sizes)
    assert sum(sizes[1:]) == len(window.current().choices())
    save = window.current().save_button
    steps = steps_to_reach_any(window.scanner, save, max_groups=len(groups))
    assert steps is not None and steps <= 10


def steps_to_reach_any(scanner, target, max_groups: int) -> int | None:  # type: ignore[no-untyped-def]
    for group_moves in range(1, max_groups + 1):
        scanner.reset()
        for _ in range(group_moves):
            scanner.next()
        scanner.choose()
        presses = group_moves + 1
        for _ in range(7):
            if QApplication.focusWidget() is target:
                return presses
            scanner.next()
            presses += 1
    return None
