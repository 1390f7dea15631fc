"""Switch access: the screen's choices come first, the top bar last; text boxes take typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.switch_presses import presses_to_choose, switch_press
from ui.app import MainWindow
from ui.screens.checkin.steps import MoodStepScreen, NoteStepScreen, TagsStepScreen
from ui.screens.help_now.screen import HelpNowScreen
from ui.screens.home.screen import HomeScreen
from ui.screens.settings.screen import SettingsScreen


def focused_name() -> str:
    widget = QApplication.focusWidget()
    return widget.accessibleName() if widget else ""


def test_a_screen_opens_with_its_own_choices_highlighted(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.ctx.settings.set("switch_mode", "two_switches")
    home = window.current()
    assert home.body.property("scanGroup") is True
    assert window.top_bar.home_button.property("scanGroup") is not True
    switch_press(qtbot, window, Qt.Key.Key_Return)  # into the choices: the first is highlighted
    assert focused_name() == "How am I feeling?"


def test_home_to_get_help_now_in_at_most_five_presses(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.ctx.settings.set("switch_mode", "two_switches")
    presses = presses_to_choose(qtbot, window, window.top_bar.help_button)
    assert isinstance(window.current(), HelpNowScreen)
    assert presses <= 5, presses


def test_the_top_bar_is_the_last_group(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.ctx.settings.set("switch_mode", "two_switches")
    seen = []
    for _ in range(4):
        seen.append([w.accessibleName() for w in window.scanner.highlighted_controls()])
        switch_press(qtbot, window, Qt.Key.Key_Space)
    assert "How am I feeling?" in seen[0]
    assert seen[1] == ["Get help now"]
    assert seen[2] == ["Home", "Read this to me"]  # Back is greyed on Home
    assert "How am I feeling?" in seen[3]  # round again


def test_a_quick_check_in_takes_at_most_eighteen_presses(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.ctx.settings.set("switch_mode", "two_switches")
    home = window.current()
    assert isinstance(home, HomeScreen)
    total = presses_to_choose(qtbot, window, home.buttons["checkin"])
    hub = window.current()
    total += presses_to_choose(qtbot, window, hub.checkin_button)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: isinstance(window.current(), MoodStepScreen))
    total += presses_to_choose(qtbot, window, window.current().faces["okay"])  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: isinstance(window.current(), TagsStepScreen))
    total += presses_to_choose(qtbot, window, window.current().next_button)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: isinstance(window.current(), NoteStepScreen))
    note = window.current()
    total += presses_to_choose(qtbot, window, note.finish_button)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.current() is not note)
    assert total <= 18, total
    print(f"quick check-in by two switches: {total} presses")


def test_space_types_in_a_text_box_and_enter_says_done(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.ctx.settings.set("switch_mode", "two_switches")
    presses_to_choose(qtbot, window, window.current().buttons["checkin"])  # type: ignore[attr-defined]
    presses_to_choose(qtbot, window, window.current().checkin_button)  # type: ignore[attr-defined]
    presses_to_choose(qtbot, window, window.current().faces["okay"])  # type: ignore[attr-defined]
    presses_to_choose(qtbot, window, window.current().next_button)  # type: ignore[attr-defined]
    note = window.current()
    assert isinstance(note, NoteStepScreen)
    presses_to_choose(qtbot, window, note.note_box)  # choosing the box starts typing
    assert window.typing_bar.isVisible()
    assert window.typing_bar.done_button.accessibleName() == "Done typing"
    qtbot.keyClicks(note.note_box, "a b")
    assert note.note_box.toPlainText() == "a b"
    assert QApplication.focusWidget() is note.note_box  # focus did not jump to the top bar
    switch_press(qtbot, window, Qt.Key.Key_Return)  # the choose switch: done typing
    assert not window.typing_bar.isVisible()
    assert note.note_box.toPlainText() == "a b"
    assert QApplication.focusWidget() is note.finish_button  # on to the control after the box
    switch_press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current() is not note)


def test_done_typing_button_gives_the_switches_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from ui.screens.help_now.contacts import ContactsScreen

    window.push(ContactsScreen(window.ctx))
    window.ctx.settings.set("switch_mode", "two_switches")
    box = window.current().choices()[0]
    presses_to_choose(qtbot, window, box)
    qtbot.keyClicks(box, "Ann Lee")
    qtbot.mouseClick(window.typing_bar.done_button, Qt.MouseButton.LeftButton)
    assert not window.typing_bar.isVisible()
    switch_press(qtbot, window, Qt.Key.Key_Space)  # a switch again, not a letter
    assert box.text() == "Ann Lee"  # type: ignore[attr-defined]


def test_every_control_of_settings_is_reached_within_eight_steps(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.push(SettingsScreen(window.ctx))
    window.ctx.settings.set("switch_mode", "two_switches")
    controls = [*window.top_bar.buttons(), *window.current().choices()]
    for control in controls:
        if not control.isEnabled() or control is window.top_bar.back_button:
            continue
        window.scanner.reset()
        presses = presses_to_choose(qtbot, window, control, press=False)
        assert presses <= 8, f"{control.accessibleName()}: {presses}"


def test_one_switch_scans_by_itself_and_a_press_chooses(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.ctx.settings.set("scan_interval_ms", 500)
    window.ctx.settings.set("switch_mode", "one_switch")
    # Let the highlight move by itself onto Get help now (its own group), then press once.
    help_button = window.top_bar.help_button
    qtbot.waitUntil(lambda: help_button.property("scanGroup") is True, timeout=3000)
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
    from ui.screens.help_now.contacts import ContactsScreen

    window.push(ContactsScreen(window.ctx))  # nine text boxes and Save
    window.ctx.settings.set("switch_mode", "two_switches")
    groups = window.scanner._groups()
    sizes = [len(items) for _container, items in groups]
    assert sizes[-2:] == [1, 3]  # Get help now alone, then Home, Back, Read this to me
    assert all(size <= 6 for size in sizes)
    screen = window.current()
    parts = [b for b in screen.part_buttons() if b.isEnabled()]  # too tall: read by parts
    assert sum(sizes[:-2]) == len(screen.choices()) + len(parts)
    save = window.current().save_button
    assert presses_to_choose(qtbot, window, save) <= 10


def test_a_window_starts_with_switch_access_already_on(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    """Switch mode saved from last time: the window builds (no screen yet) and scans Home."""
    from ui.app import build_window

    window = build_window(make_ctx(switch_mode="two_switches"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.current().body.property("scanGroup") is True
    assert presses_to_choose(qtbot, window, window.top_bar.help_button) == 2
