"""The helper PIN gates Settings, schedules, trusted sites and presets; presets travel between PCs
with no personal data. Real widgets, real files, the clock injected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from companion.config import SettingsStore
from companion.preset.files import PRESET_SETTINGS
from companion.safety.crisis import EmergencyContact
from companion.security.caregiver import OPEN_MINUTES, CaregiverLock
from tests.ui.helpers import press
from ui.app import MainWindow
from ui.launch import build_context
from ui.screens.checkin.schedule_settings import CheckInScheduleScreen
from ui.screens.settings.helper import (
    HelperSettingsScreen,
    PresetScreen,
    TrustedSitesScreen,
    open_helper_settings,
)
from ui.screens.settings.options import ChoiceSettingScreen
from ui.screens.settings.screen import SettingsScreen
from ui.shared.caregiver_gate import (
    CaregiverGateScreen,
    CaregiverPinScreen,
    guarded,
)

HELPER_PIN = "730285"


def lock_of(window: MainWindow) -> CaregiverLock:
    return window.ctx.parts.caregiver.get()


def type_pin(qtbot: QtBot, window: MainWindow, pin: str) -> None:
    gate = window.current()
    assert isinstance(gate, CaregiverGateScreen)
    qtbot.keyClicks(gate.pin_box, pin)
    press(qtbot, window, "Open")
    qtbot.waitUntil(lambda: not gate.busy, timeout=5000)


def test_without_a_helper_pin_settings_open_directly(window: MainWindow) -> None:
    assert isinstance(guarded(window.ctx, SettingsScreen), SettingsScreen)


def test_the_helper_pin_gates_settings_and_opens_them_only_when_right(
    qtbot: QtBot, window: MainWindow
) -> None:
    lock_of(window).set_pin(HELPER_PIN)
    window.push(guarded(window.ctx, SettingsScreen))
    gate = window.current()
    assert isinstance(gate, CaregiverGateScreen)
    assert "does not open your notes" in gate.body_text()
    type_pin(qtbot, window, "111222")
    assert window.current() is gate and "did not match" in gate.status.text()
    assert gate.pin_box.text() == ""
    type_pin(qtbot, window, "111223")
    type_pin(qtbot, window, "111224")
    type_pin(qtbot, window, HELPER_PIN)  # the 3rd wrong try started a wait: even this waits
    assert "wait 15 seconds" in gate.status.text() and window.current() is gate
    window.ctx.clock.advance(15)  # type: ignore[attr-defined]
    type_pin(qtbot, window, HELPER_PIN)
    assert isinstance(window.current(), SettingsScreen)
    window.back()
    assert isinstance(window.current(), type(window._screens[0]))  # the gate is gone from the stack


def test_a_start_shortcut_to_settings_asks_for_the_helper_pin_too(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """`companion --open settings` (a caregiver's desktop shortcut) is no way around the gate."""
    from ui.launch import open_named_screen

    lock_of(window).set_pin(HELPER_PIN)
    open_named_screen(window, "settings")
    assert isinstance(window.current(), CaregiverGateScreen)
    type_pin(qtbot, window, HELPER_PIN)
    assert isinstance(window.current(), SettingsScreen)


def test_schedules_trusted_sites_and_presets_are_behind_the_gate_too(
    qtbot: QtBot, window: MainWindow
) -> None:
    lock_of(window).set_pin(HELPER_PIN)
    window.push(open_helper_settings(window.ctx))
    type_pin(qtbot, window, HELPER_PIN)
    helper = window.current()
    assert isinstance(helper, HelperSettingsScreen) and len(helper.choices()) == 6
    titles = [b.accessibleName() for b in helper.choices()]
    assert titles == [
        "Who uses this computer",
        "Lock when nobody is using it",
        "Helper PIN",
        "Check-in reminder and questions",
        "Trusted video websites",
        "Same settings on other computers",
    ]
    window.ctx.clock.advance(minutes=OPEN_MINUTES + 1)  # type: ignore[attr-defined]
    for index in (3, 4):  # reminder, trusted sites: guarded again once the time is up
        qtbot.mouseClick(helper.choices()[index], Qt.MouseButton.LeftButton)
        assert isinstance(window.current(), CaregiverGateScreen)
        window.back()
    press(qtbot, window, "Check-in reminder and questions")
    type_pin(qtbot, window, HELPER_PIN)
    assert isinstance(window.current(), CheckInScheduleScreen)  # the one schedule screen
    window.back()
    press(qtbot, window, "Trusted video websites")
    sites = window.current()
    assert isinstance(sites, TrustedSitesScreen)
    sites.box.setText("https://evil.example/path")
    press(qtbot, window, "Save")
    assert "Nothing was changed" in sites.status.text()
    sites.box.setText("Meet.MyClinic.ca., video.clinic.org")
    press(qtbot, window, "Save")
    assert window.ctx.settings.get("trusted_link_domains") == "meet.myclinic.ca, video.clinic.org"


def test_the_helper_sets_the_shared_pc_and_its_idle_lock_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.push(open_helper_settings(window.ctx))  # no helper PIN yet: straight in
    press(qtbot, window, "Who uses this computer")
    shared = window.current()
    assert isinstance(shared, ChoiceSettingScreen)
    press(qtbot, window, "Several people")
    window.back()
    press(qtbot, window, "Lock when nobody is using it")
    idle = window.current()
    assert [b.label() for b in idle.buttons.values()][:2] == [
        "Never lock by itself",
        "Lock after 2 minutes",
    ]
    press(qtbot, window, "Lock after 15 minutes")
    assert window.ctx.settings.get("shared_pc") is True
    assert window.ctx.settings.get("autolock_minutes") == 15


def test_the_helper_chooses_a_helper_pin_typed_twice(qtbot: QtBot, window: MainWindow) -> None:
    window.push(CaregiverPinScreen(window.ctx))
    screen = window.current()
    new, again = screen.boxes
    qtbot.keyClicks(new, "123456")
    qtbot.keyClicks(again, "123456")
    press(qtbot, window, "Save the helper PIN")
    qtbot.waitUntil(lambda: not screen.busy, timeout=5000)
    assert "first ones people guess" in screen.status.text() and not lock_of(window).is_set()
    new.setText(HELPER_PIN)
    again.setText(HELPER_PIN)
    press(qtbot, window, "Save the helper PIN")
    # Not until is_set(): the PIN file is written before the helper is let in, off the UI thread.
    qtbot.waitUntil(lambda: lock_of(window).is_set() and not screen.busy, timeout=5000)
    assert lock_of(window).is_open()  # the helper who set it stays in for a while
    assert HELPER_PIN not in (window.ctx.data_dir / "caregiver.json").read_text()


def test_a_preset_exported_and_imported_reproduces_settings_and_nothing_personal(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = window.ctx
    for name, value in {
        "text_scale": 175,
        "theme": "dark",
        "shared_pc": True,
        "region": "FR",
    }.items():
        ctx.settings.set(name, value)
    ctx.session.contacts.set_contacts([EmergencyContact("Annabel Quist", "555 0199", "")])
    lock_of(window).set_pin(HELPER_PIN)
    lock_of(window).check(HELPER_PIN)
    file = tmp_path / "centre-preset.json"
    monkeypatch.setattr(PresetScreen, "ask_save_path", classmethod(lambda cls, parent: file))
    monkeypatch.setattr(PresetScreen, "ask_open_path", classmethod(lambda cls, parent: file))
    window.push(PresetScreen(ctx))
    press(qtbot, window, "Save settings to a file")
    assert window.current().status.text() == "Saved: centre-preset.json"
    text = file.read_text()
    for personal in ("Annabel", "555 0199", HELPER_PIN, "argon2"):
        assert personal not in text
    assert set(json.loads(text)) == set(PRESET_SETTINGS)

    other = SettingsStore(tmp_path / "pc2" / "settings.json", regions=ctx.crisis.codes())
    other_ctx = build_context(
        other, FixedClock(), tmp_path / "pc2", ctx.content_dir, ctx.crisis, ctx.speech
    )
    second = PresetScreen(other_ctx)
    qtbot.addWidget(second)
    qtbot.mouseClick(second.import_button, Qt.MouseButton.LeftButton)
    assert "settings now match the file" in second.status.text()
    for name in PRESET_SETTINGS:
        assert other.get(name) == ctx.settings.get(name), name
    assert other.get("first_run_done") is False

    file.write_text(json.dumps({"theme": "dark", "text_scale": "huge"}))
    qtbot.mouseClick(second.import_button, Qt.MouseButton.LeftButton)
    assert second.status.text().endswith(  # the helper reads which setting was left out and why
        "Some parts of the file were left out. "
        "In centre-preset.json, “text_scale” should be a whole number."
    )

    file.write_text("[1, 2, 3]")
    qtbot.mouseClick(second.import_button, Qt.MouseButton.LeftButton)
    assert (
        second.status.text() == "That file is not a Companion settings file. Nothing was changed."
    )


def test_the_gate_and_helper_screens_take_no_more_than_six_choices_and_name_every_box(
    window: MainWindow,
) -> None:
    lock_of(window).set_pin(HELPER_PIN)
    gate = guarded(window.ctx, SettingsScreen)
    window.push(gate)
    assert len(gate.choices()) <= 6
    for box in gate.findChildren(QLineEdit):
        assert box.accessibleName() and box.echoMode() == QLineEdit.EchoMode.Password


def test_helper_sees_which_content_files_were_skipped(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A broken file in a caregiver's pack is named, with its field, in the helper's view."""
    pack = window.ctx.data_dir / "packs" / "our-centre" / "en"
    pack.mkdir(parents=True)
    (pack / "local-services.md").write_text("+++\nid = 'local'\nminutes = 'soon'\n+++\nHi\n")
    window.push(open_helper_settings(window.ctx))
    helper = window.current()
    assert isinstance(helper, HelperSettingsScreen)
    assert helper.content_label.isVisibleTo(helper)
    words = helper.content_label.text()
    assert "local-services.md" in words and "could not be used" in words
    assert "packs" in words
