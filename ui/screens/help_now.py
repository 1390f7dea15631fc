"""Get help now: the crisis lines of the person's region and their emergency contacts, in big text.

Nothing here says or suggests that anyone is watching or will call: the person makes the call.
"""

from __future__ import annotations

from companion.i18n import _
from companion.safety import CrisisLine, Region, localized
from ui.context import AppContext
from ui.screens.safety_plan import add_help_now_choice
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class HelpNowScreen(Screen):
    screen_id = "help_now"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Get help now"))
        self.add_text(
            lambda: _(
                "If you are thinking of hurting yourself, or you are not safe, "
                "reach out now. You do not have to wait."
            )
        )
        self.line_labels = [
            self.add_text(lambda line=line: self._line_text(line), notice=True)
            for line in self._region().lines
        ]
        self.emergency_label = self.add_text(self._emergency_text, notice=True)
        contacts = ctx.session.contacts if ctx.session is not None else ctx.contacts
        people = contacts.contacts()
        if people:
            self.add_text(lambda: _("People you can call:"))
            for person in people:
                self.add_text(
                    lambda p=person: (
                        f"{p.name} ({p.relation}): {p.phone}"
                        if p.relation
                        else f"{p.name}: {p.phone}"
                    ),
                    notice=True,
                )
        else:
            self.add_text(
                lambda: _(
                    "You have not added people to call yet. You or a helper can "
                    "add them in Settings."
                )
            )
        self.add_text(lambda: _("Companion does not call anyone for you. You make the call."))
        add_help_now_choice(self)  # "My safety plan" first, when the person has one
        self.change_region = self.add_choice(
            BigButton(
                lambda: _("Change region ({region})").format(region=self._region_name()), "language"
            )
        )
        self.change_region.clicked.connect(self._pick_region)
        self.finish_layout()

    def _region(self) -> Region:
        return self.ctx.crisis.region(self.ctx.settings.get("region"))

    def _region_name(self) -> str:
        return localized(self._region().name, self.ctx.language())

    def _line_text(self, line: CrisisLine) -> str:
        language = self.ctx.language()
        return f"{localized(line.name, language)}\n{localized(line.how, language)}"

    def _emergency_text(self) -> str:
        emergency = self._region().emergency
        if emergency is None:  # "Somewhere else": only what is true everywhere
            return _("In an emergency, call your local emergency number.")
        number = _(" or ").join(emergency.numbers)
        return _("In an emergency, call {number}.").format(number=number)

    def _pick_region(self) -> None:
        from ui.screens.region import RegionScreen

        self.ctx.nav().push(RegionScreen(self.ctx))
