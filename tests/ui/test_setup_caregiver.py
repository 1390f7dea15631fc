"""The helper PIN gates Settings, schedules, trusted sites and presets; presets travel between PCs
with no personal data. Real widgets, real files, the clock injected."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from companion.caregiver import OPEN_MINUTES, CaregiverLock
from companion.clock import FixedClock
from companion.config import SettingsStore
from companion.preset_files import PRESET_SETTINGS
from companion.safety import EmergencyContact
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.checkin.schedule_settings import CheckInScheduleScreen
from ui.screens.settings import SettingsScreen
from ui.screens.settings_options import ChoiceSettingScreen
from ui.screens.setup.caregiver_gate import (
    CAREGIVER_SERVICE,
    CaregiverGateScreen,
    CaregiverPinScreen,
    guarded,
)
from ui.screens.setup.helper_settings import (
    HelperSettingsScreen,
    PresetScreen,
    TrustedSitesScreen,
    open_helper_settings,
)

HELPER_PIN = "730285"


def lock_of(window: MainWindow) -> CaregiverLock:
    found = window.ctx.services[CAREGIVER_SERVICE]
    assert isinstance(found, CaregiverLock)
    return found


def type_pin(qtbot, window: MainWindow, pin: str) -> None:  # type: ignore[no-untyped-def]
    gate = window.current()
    assert isinstance(gate, CaregiverGateScreen)
    qtbot.keyClicks(gate.pin_box, pin)
    qtbot.mouseClick(gate.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not gate.busy, timeout=5000)


def test_without_a_helper_pin_settings_open_directly(window: MainWindow) -> None:
    assert isinstance(guarded(window.ctx, SettingsScreen), SettingsScreen)


def test_the_helper_pin_gates_settings_and_opens_them_only_when_right(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
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


def test_schedules_trusted_sites_and_presets_are_behind_the_gate_too(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
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
    qtbot.mouseClick(helper.choices()[3], Qt.MouseButton.LeftButton)
    type_pin(qtbot, window, HELPER_PIN)
    assert isinstance(window.current(), CheckInScheduleScreen)  # the one schedule screen
    window.back()
    qtbot.mouseClick(helper.choices()[4], Qt.MouseButton.LeftButton)
    sites = window.current()
    assert isinstance(sites, TrustedSitesScreen)
    sites.box.setText("https://evil.example/path")
    qtbot.mouseClick(sites.save_button, Qt.MouseButton.LeftButton)
    assert "Nothing was changed" in sites.status.text()
    sites.box.setText("Meet.MyClinic.ca., video.clinic.org")
    qtbot.mouseClick(sites.save_button, Qt.MouseButton.LeftButton)
    assert window.ctx.settings.get("trusted_link_domains") == "meet.myclinic.ca, video.clinic.org"


def test_the_helper_sets_the_shared_pc_and_its_idle_lock_time(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.push(open_helper_settings(window.ctx))  # no helper PIN yet: straight in
    helper = window.current()
    qtbot.mouseClick(helper.choices()[0], Qt.MouseButton.LeftButton)
    shared = window.current()
    assert isinstance(shared, ChoiceSettingScreen)
    qtbot.mouseClick(shared.buttons[True], Qt.MouseButton.LeftButton)
    window.back()
    qtbot.mouseClick(helper.choices()[1], Qt.MouseButton.LeftButton)
    idle = window.current()
    assert [b.label() for b in idle.buttons.values()][:2] == [
        "Never lock by itself",
        "Lock after 2 minutes",
    ]
    qtbot.mouseClick(idle.buttons[15], Qt.MouseButton.LeftButton)
    assert window.ctx.settings.get("shared_pc") is True
    assert window.ctx.settings.get("autolock_minutes") == 15


def test_the_helper_chooses_a_helper_pin_typed_twice(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.push(CaregiverPinScreen(window.ctx))
    screen = window.current()
    new, again = screen.boxes
    qtbot.keyClicks(new, "123456")
    qtbot.keyClicks(again, "123456")
    qtbot.mouseClick(screen.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.busy, timeout=5000)
    assert "first ones people guess" in screen.status.text() and not lock_of(window).is_set()
    new.setText(HELPER_PIN)
    again.setText(HELPER_PIN)
    qtbot.mouseClick(screen.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.ctx.runner.is_idle, timeout=5000)
    assert lock_of(window).is_set()
    assert lock_of(window).is_open()  # the helper who set it stays in for a while
    assert HELPER_PIN not in (window.ctx.data_dir / "caregiver.json").read_text()


def test_a_preset_exported_and_imported_reproduces_settings_and_nothing_personal(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
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
    qtbot.mouseClick(window.current().export_button, Qt.MouseButton.LeftButton)
    assert window.current().status.text() == "Saved: centre-preset.json"
    text = file.read_text()
    for personal in ("Annabel", "555 0199", HELPER_PIN, "argon2"):
        assert personal not in text
    assert set(json.loads(text)) == set(PRESET_SETTINGS)

    other = SettingsStore(tmp_path / "pc2" / "settings.json", regions=ctx.crisis.codes())
    other_ctx = AppContext(
        settings=other,
        clock=FixedClock(),
        data_dir=tmp_path / "pc2",
        content_dir=ctx.content_dir,
        crisis=ctx.crisis,
        speech=ctx.speech,
    )
    second = PresetScreen(other_ctx)
    qtbot.addWidget(second)
    qtbot.mouseClick(second.import_button, Qt.MouseButton.LeftButton)
    assert "settings now match the file" in second.status.text()
    for name in PRESET_SETTINGS:
        assert other.get(name) == ctx.settings.get(name), name
    assert other.get("first_run_done") is False

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


def test_helper_sees_which_content_files_were_skipped(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
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
