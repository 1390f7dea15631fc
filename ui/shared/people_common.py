"""What the people, unlock and My data screens share (and setup, the safety plan and auto-lock
use too): people, prompts aloud, a growing wait and a wait in words (storage catalog)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from companion.i18n import _
from companion.people.profiles import People, Person
from ui.context import AppContext
from ui.theme import Look
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen, TextFn

SPEAK_SETTINGS = ("read_steps_aloud", "talking_buttons")


def show_notice(screen: Screen, label: QLabel, sentence: str) -> None:
    """`sentence` in the screen's notice line (hidden when empty); the screen fits itself again
    when the line's height changed, so a wrong PIN's wait never pushes the keys off screen."""

    def room() -> tuple[bool, int]:
        return label.isHidden(), label.heightForWidth(max(1, label.width()))

    before = room()
    label.setText(sentence)
    label.setVisible(bool(sentence))
    if room() != before:
        screen.fit()


def seconds_in_words(seconds: int) -> str:
    """ "1 minute and 30 seconds", "45 seconds": a wait said the way a person would say it."""
    minutes, rest = divmod(max(0, seconds), 60)
    # One plain message per form: the catalogs hold no plural forms.
    secs = _("1 second") if rest == 1 else _("{n} seconds").format(n=rest)
    if not minutes:
        return secs
    mins = _("1 minute") if minutes == 1 else _("{n} minutes").format(n=minutes)
    if not rest:
        return mins
    return _("{minutes} and {seconds}").format(minutes=mins, seconds=secs)


def person_look(ctx: AppContext, person: Person) -> Look:
    """The PC's look, at the text size `person` chose if they chose one: their name button and
    PIN pad are big before their data opens; all else follows the PC's look until unlock."""
    look = ctx.look()
    return look if person.text_scale is None else replace(look, text_scale=person.text_scale)


def people_of(ctx: AppContext) -> People:
    """The launcher's `People` (ctx.parts.people, set once the data has opened)."""
    people = ctx.parts.people
    if people is None:
        raise RuntimeError("The people of this PC are not open yet")
    return people


def speak_prompt(ctx: AppContext, text: str) -> None:
    """Say a prompt aloud when the person turned speech on (read steps aloud, talking buttons)."""
    for name in SPEAK_SETTINGS:
        try:
            if ctx.settings.get(name):
                ctx.speech.say(text)
                return
        except KeyError:
            continue


def text_box(accessible_name: TextFn, *, secret: bool = False) -> QLineEdit:
    """A large text box named for screen readers; a secret box hides what is typed."""
    box = QLineEdit()
    box.setAccessibleName(accessible_name())
    if secret:
        box.setEchoMode(QLineEdit.EchoMode.Password)
    return box


class ConfirmInWordsScreen(Screen):
    """A destructive action said in words, with a clear Yes and a clear No (No comes first)."""

    screen_id = "confirm_in_words"

    def __init__(
        self,
        ctx: AppContext,
        question: TextFn,
        yes: TextFn,
        no: TextFn,
        on_yes: Callable[[], None],
        explanation: TextFn | None = None,
    ) -> None:
        super().__init__(ctx)
        self.set_title(question)
        if explanation is not None:
            self.add_text(explanation)
        self.status = self.add_text(lambda: "")
        self.no_button = self.add_choice(BigButton(no, "back"))
        self.no_button.clicked.connect(lambda: self.ctx.nav().back())
        self.yes_button = self.add_choice(BigButton(yes, "check"))
        self.yes_button.clicked.connect(on_yes)
        self.finish_layout()

    def on_shown(self) -> None:
        super().on_shown()
        speak_prompt(self.ctx, self.title())


def focus_first(widget: QWidget) -> None:
    """Put the cursor in a text box when its screen opens, so typing works at once."""
    widget.setFocus()


class GrowingWait:
    """The wrong-PIN wait on a screen: counted down in words each second, the button off
    until it ends, spoken when it starts. Shared by the unlock and change-PIN screens."""

    def __init__(
        self,
        screen: Screen,
        seconds_left: Callable[[], int],
        show: Callable[[str], None],
        button: Callable[[], QWidget],
    ) -> None:
        self._screen = screen
        self._seconds_left = seconds_left
        self._show = show
        self._button = button
        self.timer = QTimer(screen)
        self.timer.setInterval(1000)

    def refresh(self, spoken: bool = False) -> None:
        """Re-read the wait against the clock and say where it stands."""
        seconds = self._seconds_left()
        if seconds:
            sentence = _("That did not match. Please wait {time}, then try again.").format(
                time=seconds_in_words(seconds)
            )
            self._show(sentence)
            self._button().setEnabled(False)
            if spoken:
                speak_prompt(self._screen.ctx, sentence)
            if not self.timer.isActive():
                self.timer.start()
        elif self.timer.isActive():
            self.timer.stop()
            self._button().setEnabled(True)
            self._show(_("You can try again now."))
