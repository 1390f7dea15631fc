"""The first run, walked through the real window: by mouse, by keyboard alone, and all skipped.

Real SQLCipher files in a temporary folder, real widgets, fast Argon2 settings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from companion.checkin.schedule import load_schedule
from companion.i18n import set_language
from companion.people.profiles import People, ensure_default_person, open_people
from companion.setup.flow import should_offer_first_run
from tests.fast_argon2 import FAST
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.screens.help_now.region import RegionScreen
from ui.screens.home.screen import HomeScreen
from ui.screens.setup import start_first_run
from ui.screens.setup.flow import SetupStepScreen
from ui.screens.setup.recovery_code import RecoveryCodeScreen
from ui.screens.setup.simple_steps import ChoiceStepScreen, ScaleStepScreen
from ui.screens.setup.steps import LockStepScreen, SecretStepScreen
from ui.screens.setup.summary import SummaryScreen
from ui.widgets.big_button import BigButton


@pytest.fixture
def people(tmp_path: Path) -> People:
    return open_people(tmp_path / "data", None, keyring=None, argon2=FAST)


@pytest.fixture
def first_run(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People
) -> Iterator[MainWindow]:
    """A brand-new PC as the launcher opens it: "Me" with no PIN, then the first run on top."""
    ctx = make_ctx()
    people._clock = ctx.clock
    me = ensure_default_person(people)
    assert me is not None
    ctx.session = people.unlock(me.id, "")
    ctx.parts.people = people
    assert should_offer_first_run(ctx.settings, people)
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # The first run proposes the region from the computer's locale: make it a Canadian PC.
    QLocale.setDefault(QLocale("en_CA"))
    start_first_run(window)
    wait_for_runner(qtbot, window.ctx)  # where it stopped is read first
    yield window
    QLocale.setDefault(QLocale.system())
    set_language("en")
    if ctx.session is not None:
        ctx.session.close()


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def button_named(window: MainWindow, words: str) -> BigButton:
    found = [b for b in window.current().findChildren(BigButton) if b.label() == words]
    assert found, f"no {words!r} on {window.current().title()!r}"
    return found[0]


def step_id(window: MainWindow) -> str:
    screen = window.current()
    assert isinstance(screen, SetupStepScreen), screen.title()
    return screen.step.step_id


def test_the_whole_first_run_by_mouse(
    qtbot: QtBot, first_run: MainWindow, people: People, speech: RecordingSpeech
) -> None:
    window, ctx = first_run, first_run.ctx
    assert step_id(window) == "language"
    assert "Which language do you want?" in " ".join(speech.texts())  # each step is spoken
    click(qtbot, button_named(window, "English"))
    click(qtbot, button_named(window, "Next"))

    assert isinstance(window.current(), ScaleStepScreen)
    click(qtbot, button_named(window, "Bigger"))
    click(qtbot, button_named(window, "Bigger"))
    assert ctx.settings.get("text_scale") == 150  # the real app restyled while choosing
    assert "font-size: 27pt" in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    click(qtbot, button_named(window, "Next"))

    assert isinstance(window.current(), ChoiceStepScreen) and step_id(window) == "voice"
    click(qtbot, button_named(window, "Slowly"))
    assert speech.settings is not None and speech.settings[0] == 120
    assert speech.texts()[-1].startswith("Hello. This is how Companion sounds")
    click(qtbot, button_named(window, "Next"))

    assert step_id(window) == "who"
    click(qtbot, button_named(window, "Just me"))
    click(qtbot, button_named(window, "Next"))

    assert step_id(window) == "name"
    name_box = window.current().findChild(QLineEdit)
    qtbot.keyClicks(name_box, "Mary Brown")
    click(qtbot, button_named(window, "Next"))

    assert isinstance(window.current(), LockStepScreen)
    lock_step = window.current()
    # Six choices; where room is short their sentences fold behind "Tell me more".
    assert len([c for c in lock_step.choices() if c is not lock_step.tell_more_button]) <= 6
    click(qtbot, button_named(window, "A PIN of 6 numbers or more"))
    secret = window.current()
    assert isinstance(secret, SecretStepScreen)
    boxes = secret.findChildren(QLineEdit)
    qtbot.keyClicks(boxes[0], "583920")
    qtbot.keyClicks(boxes[1], "583921")
    click(qtbot, button_named(window, "Next"))
    assert "do not match" in secret.status.text() and window.current() is secret
    boxes[1].clear()
    qtbot.keyClicks(boxes[1], "583920")
    click(qtbot, button_named(window, "Make a recovery code"))
    code = secret.recovery_code
    assert code and code not in secret.code_label.text()  # a helper may be looking
    assert "alone" in secret.code_label.text()
    click(qtbot, button_named(window, "Next"))

    assert step_id(window) == "safety"
    wait_for_runner(qtbot, ctx)  # the people kept so far are read off the UI thread
    click(qtbot, button_named(window, "Where I live: Canada"))
    assert isinstance(window.current(), RegionScreen)
    click(qtbot, button_named(window, "France"))
    assert step_id(window) == "safety"
    assert button_named(window, "Where I live: France").isVisible()
    click(qtbot, button_named(window, "Add a person to call"))  # one person, one screen
    fields = window.current().findChildren(QLineEdit)
    qtbot.keyClicks(fields[0], "Ann")
    qtbot.keyClicks(fields[2], "daughter")
    click(qtbot, button_named(window, "Save"))
    assert "phone number" in window.current().status.text()  # a name alone is not kept
    qtbot.keyClicks(fields[1], "555 0101")
    click(qtbot, button_named(window, "Save"))
    assert step_id(window) == "safety"
    assert button_named(window, "Ann (daughter): 555\u00a00101").isVisible()
    click(qtbot, button_named(window, "Next"))

    assert step_id(window) == "extras"
    click(qtbot, button_named(window, "Remind me each morning, at 10:00\u00a0a.m."))
    click(qtbot, button_named(window, "Next"))

    qtbot.waitUntil(lambda: isinstance(window.current(), RecoveryCodeScreen), timeout=10000)
    assert code not in window.current().body_text()  # hidden until the person asks
    click(qtbot, button_named(window, "Show my recovery code"))
    assert code in window.current().body_text()
    click(qtbot, button_named(window, "I have kept it safe"))
    summary = window.current()
    assert isinstance(summary, SummaryScreen)
    page = " ".join(label.text() for label in summary.line_labels)
    assert "Mary Brown" in page and code not in page and "583920" not in page
    assert "not printed here" in page
    assert "France" in page and "Ann (daughter): 555 0101" in page and "10:00\u00a0a.m." in page

    assert ctx.settings.get("first_run_done") and not should_offer_first_run(ctx.settings, people)
    [mary] = people.all()
    assert (mary.name, mary.lock, mary.has_recovery_code) == ("Mary Brown", "pin", True)
    assert ctx.session.display_name == "Mary Brown"
    assert [c.name for c in ctx.session.contacts.contacts()] == ["Ann"]
    assert load_schedule(ctx.session.preferences).reminder_time.hour == 10
    assert ctx.settings.get("region") == "FR" and ctx.settings.get("speech_rate") == 120

    click(qtbot, button_named(window, "Done"))
    assert isinstance(window.current(), HomeScreen)


def test_the_summary_prints_and_saves_a_pdf_without_the_pin(
    qtbot: QtBot, first_run: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = first_run
    for _ in range(4):
        click(qtbot, button_named(window, "Do this later"))
    qtbot.keyClicks(window.current().findChild(QLineEdit), "Sam")
    click(qtbot, button_named(window, "Next"))
    click(qtbot, button_named(window, "A few words"))
    boxes = window.current().findChildren(QLineEdit)
    qtbot.keyClicks(boxes[0], "kettle garden violin")
    qtbot.keyClicks(boxes[1], "kettle garden violin")
    click(qtbot, button_named(window, "Next"))
    click(qtbot, button_named(window, "Do this later"))
    click(qtbot, button_named(window, "Do this later"))
    qtbot.waitUntil(lambda: isinstance(window.current(), SummaryScreen), timeout=10000)

    printed: list[QPageLayout.Orientation] = []

    def fake_print_dialog(cls, printer, parent) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        printed.append(printer.pageLayout().orientation())
        return True

    monkeypatch.setattr(SummaryScreen, "ask_to_print", classmethod(fake_print_dialog))
    monkeypatch.setattr(
        SummaryScreen, "ask_pdf_path", classmethod(lambda cls, parent, name: tmp_path / name)
    )
    click(qtbot, button_named(window, "Print this page"))
    click(qtbot, button_named(window, "Save as PDF"))
    assert printed and window.current().status.text() == "Saved: Companion set-up page.pdf"
    import subprocess

    for pdf in (tmp_path / "printed.pdf", tmp_path / "Companion set-up page.pdf"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Sam" in text and "Recovery code" not in text
        assert "kettle" not in text and "violin" not in text


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_to(qtbot: QtBot, words: str) -> QWidget:
    """Press Tab until the control named `words` has the focus (as a keyboard user would)."""
    for _ in range(40):
        if focused().accessibleName() == words:
            return focused()
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {words!r}")


def press(qtbot: QtBot, words: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Tab to the control and press it; Enter animates the press, so wait for it to land."""
    widget = tab_to(qtbot, words)
    clicked: list[bool] = []
    if isinstance(widget, BigButton):
        widget.clicked.connect(lambda: clicked.append(True))
    qtbot.keyClick(widget, key)
    if isinstance(widget, BigButton):
        qtbot.waitUntil(lambda: bool(clicked))


def test_the_whole_first_run_by_keyboard_alone(
    qtbot: QtBot, first_run: MainWindow, people: People
) -> None:
    window, ctx = first_run, first_run.ctx
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(qtbot, "Français", Qt.Key.Key_Space)
    assert window.current().title() == "Quelle langue voulez-vous?"  # live, in French now
    press(qtbot, "English")
    press(qtbot, "Next")
    press(qtbot, "Bigger", Qt.Key.Key_Space)
    press(qtbot, "Next")
    press(qtbot, "Quickly")
    press(qtbot, "Next")
    press(qtbot, "Several people")
    press(qtbot, "Next")
    qtbot.keyClicks(tab_to(qtbot, "Your name"), "Jo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter in the box goes on
    assert isinstance(window.current(), LockStepScreen)
    names = [c.accessibleName() for c in window.current().choices()]
    assert "No PIN" not in names and "A PIN of 4 numbers" not in names  # a shared PC
    press(qtbot, "A PIN of 6 numbers or more")
    qtbot.keyClicks(tab_to(qtbot, "Type it here"), "907364")
    qtbot.keyClicks(tab_to(qtbot, "Type it again"), "907364")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert step_id(window) == "safety"
    press(qtbot, "Back")
    assert isinstance(window.current(), SecretStepScreen)  # Back returns to the step before
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert isinstance(window.current(), LockStepScreen)
    press(qtbot, "A PIN of 6 numbers or more")
    qtbot.keyClicks(tab_to(qtbot, "Type it here"), "907364")
    qtbot.keyClicks(tab_to(qtbot, "Type it again"), "907364")
    press(qtbot, "Next")
    press(qtbot, "Add a person to call")
    qtbot.keyClicks(tab_to(qtbot, "Person 1: Name"), "Lee")
    qtbot.keyClicks(tab_to(qtbot, "Person 1: Phone number"), "555 0102")
    press(qtbot, "Save")
    press(qtbot, "Next")
    press(qtbot, "Remind me each evening, at 6:00\u00a0p.m.", Qt.Key.Key_Space)
    press(qtbot, "Next")
    qtbot.waitUntil(lambda: isinstance(window.current(), SummaryScreen), timeout=10000)
    assert ctx.settings.get("shared_pc") is True and ctx.settings.get("speech_rate") == 190
    assert ctx.settings.get("text_scale") == 125 and ctx.settings.get("language") == "en"
    [jo] = people.all()
    assert (jo.name, jo.lock, jo.has_recovery_code) == ("Jo", "pin", False)
    assert [c.phone for c in ctx.session.contacts.contacts()] == ["555 0102"]
    press(qtbot, "Done")
    assert isinstance(window.current(), HomeScreen)


def test_do_this_later_everywhere_still_gives_a_working_app(
    qtbot: QtBot, first_run: MainWindow, people: People
) -> None:
    window, ctx = first_run, first_run.ctx
    before = ctx.settings.snapshot()
    seen = []
    while not isinstance(window.current(), SummaryScreen):
        step = window.current()
        seen.append(step_id(window))
        click(qtbot, button_named(window, "Do this later"))
        qtbot.waitUntil(lambda step=step: window.current() is not step, timeout=10000)
    assert len(seen) == 8
    page = " ".join(label.text() for label in window.current().line_labels)
    assert "Left for later" in page
    click(qtbot, button_named(window, "Done"))
    home = window.current()
    assert isinstance(home, HomeScreen)
    after = ctx.settings.snapshot()
    assert after.pop("first_run_done") is True
    before.pop("first_run_done")
    assert after == before
    [me] = people.all()
    assert me.lock == "none" and ctx.session.person_id == me.id
    assert all(button.isEnabled() for button in home.buttons.values())
    click(qtbot, button_named(window, "How am I feeling?"))  # the app works: a check-in opens
    assert window.current() is not home


def test_home_during_setup_asks_first_and_the_next_start_resumes_there(
    qtbot: QtBot, first_run: MainWindow, people: People
) -> None:
    window, ctx = first_run, first_run.ctx
    click(qtbot, button_named(window, "Français"))
    click(qtbot, button_named(window, "Suivant"))
    click(qtbot, button_named(window, "Suivant"))  # text size as it is
    click(qtbot, button_named(window, "Suivant"))  # voice as it is
    click(qtbot, button_named(window, "Suivant"))  # who uses it
    assert step_id(window) == "name"
    qtbot.keyClicks(window.current().findChild(QLineEdit), "Mary")
    click(qtbot, button_named(window, "Suivant"))
    assert step_id(window) == "lock"
    click(qtbot, window.top_bar.home_button)
    assert window.current().title() == "Arrêter la mise en route pour l’instant?"
    click(qtbot, button_named(window, "Non, je continue"))
    assert step_id(window) == "lock"  # nothing lost by asking
    click(qtbot, window.top_bar.home_button)
    click(qtbot, button_named(window, "Oui, arrêter pour l’instant"))
    assert isinstance(window.current(), HomeScreen)

    # The next start: the first run is still offered, and opens where it was left.
    assert should_offer_first_run(ctx.settings, people)
    start_first_run(window)
    wait_for_runner(qtbot, window.ctx)  # where it stopped is read first
    assert step_id(window) == "lock"
    assert window.current().run.flow.answers.name == "Mary"
    assert window.current().run.flow.answers.language == "fr"
