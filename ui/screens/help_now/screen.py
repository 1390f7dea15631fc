"""Get help now: the crisis lines of the person's region as big buttons in big words, the
emergency number, the people they trust, and the region last.

The most important screen: every choice fits without scrolling (at most six), each line and
number is a button that reads itself aloud when pressed, and the first line has the focus (the
person's safety plan comes first when they made one and opened the screen themselves; when an
answer about hurting themselves opened it, the lines come first, so at any text size the first
page holds a number to call). Nothing here says or suggests that anyone
is watching or will call: the person makes the call.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QIcon

from companion.i18n import _
from companion.safety.crisis import CrisisLine, Region, localized
from ui.context import AppContext
from ui.shared.safety_plan_ways_in import add_help_now_choice
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

# A space inside a phone number ("1 866 277-3553", "0800 32 123", "1 866 APPELLE") never
# breaks the line: a number split over two lines is misread or mistyped.
_SPACE_IN_NUMBER = re.compile(r"(?<=\d) (?=[\dA-Z])")


def keep_numbers_whole(text: str) -> str:
    return _SPACE_IN_NUMBER.sub("\u00a0", text)


class HelpNowScreen(Screen):
    screen_id = "help_now"

    def __init__(self, ctx: AppContext, because: str | None = None) -> None:
        """`because`: why it opened, when the person's answer opened it ("You told us...")."""
        super().__init__(ctx)
        self.set_title(lambda: _("Get help now"))
        if because:  # why it opened comes first (where room is short, behind "Tell me more":
            # a number to call matters more on the first page); otherwise the numbers come first
            self.add_text(lambda: because, explain=True)
        else:  # "My safety plan" first, when the person has one and opened this themselves
            add_help_now_choice(self)
        # Big words wrap sooner as the text grows, so a line never runs past the window's edge.
        chars = max(14, round(30 * 100 / ctx.look().text_scale))
        self.line_buttons: list[BigButton] = []
        for line in self._region().lines:
            button = self.add_choice(
                BigButton(
                    partial(self._line_text, line),
                    "phone",
                    line_chars=chars,
                    description_fn=partial(self._line_said, line),
                )
            )
            button.setProperty("emphasis", True)
            button.clicked.connect(partial(self._say, partial(self._line_said, line)))
            self.line_buttons.append(button)
        self.emergency_button = self.add_choice(
            BigButton(self._emergency_text, "help-now", line_chars=chars)
        )
        self.emergency_button.setProperty("emphasis", True)
        self.emergency_button.clicked.connect(partial(self._say, self._emergency_text))
        if because:  # opened by an answer: the lines come first, on the first page, then the plan
            add_help_now_choice(self)
        self.people_button = self.add_choice(
            BigButton(lambda: _("Talk to someone I trust"), "person", line_chars=26)
        )
        self.people_button.clicked.connect(self._open_people)
        self.change_region = self.add_choice(
            BigButton(
                lambda: _("Change region ({region})").format(region=self._region_name()), "language"
            )
        )
        self.change_region.clicked.connect(self._pick_region)
        if not because:
            self.add_text(self._reach_out, below_choices=True, explain=True)
        self.add_text(
            lambda: _("Companion does not call anyone for you. You make the call."),
            below_choices=True,
            explain=True,
        )
        self.finish_layout()

    def room_savers(self) -> list[Callable[[bool], None]]:
        """Where room is short the lines drop their phone icon first (their words say "Call"),
        then the usual savers; the lines keep their 1.5x words and page last."""
        return [self._lines_without_icons, *super().room_savers()]

    def _lines_without_icons(self, on: bool) -> None:
        for button in [*self.line_buttons, self.emergency_button]:
            button.set_icon_name(
                None if on else ("help-now" if button is self.emergency_button else "phone")
            )
            if on:
                button.setIcon(QIcon())

    @staticmethod
    def _reach_out() -> str:
        return _(
            "If you are thinking of hurting yourself, or you are not safe, "
            "reach out now. You do not have to wait."
        )

    def _region(self) -> Region:
        return self.ctx.crisis.region(self.ctx.settings.get("region"))

    def _region_name(self) -> str:
        return localized(self._region().name, self.ctx.language())

    def _line_text(self, line: CrisisLine) -> str:
        """What to do, with the number, in big words on the button ("Call or text 9-8-8.");
        the line's name and the rest ("Any time, day or night. Free.") are its description,
        said when it is pressed."""
        how = localized(line.how, self.ctx.language())
        return keep_numbers_whole(how.split(". ")[0].rstrip(".") + ".")

    def _line_said(self, line: CrisisLine) -> str:
        language = self.ctx.language()
        return f"{localized(line.name, language)}. {localized(line.how, language)}"

    def _emergency_text(self) -> str:
        emergency = self._region().emergency
        if emergency is None:  # "Somewhere else": only what is true everywhere
            return _("In an emergency, call your local emergency number.")
        number = _(" or ").join(emergency.numbers)
        return keep_numbers_whole(_("In an emergency, call {number}.").format(number=number))

    def _say(self, words: Callable[[], str]) -> None:
        """A line pressed is said aloud, so a person who cannot read it well hears the number."""
        if self.ctx.speech.available:
            self.ctx.speech.stop()
            self.ctx.speech.say(words())

    def _open_people(self) -> None:
        self.ctx.nav().open("checkin.trusted_people")

    def _pick_region(self) -> None:
        from ui.screens.help_now.region import RegionScreen

        self.ctx.nav().push(RegionScreen(self.ctx))
