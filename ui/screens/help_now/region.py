"""Choose the region whose crisis lines Get help now shows: four places a page, "Somewhere
else" on every page (so nobody has to hunt for it), then "More places"."""

from __future__ import annotations

from functools import partial

from companion.i18n import _
from companion.safety.crisis import ELSEWHERE, Region, localized
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

PER_PAGE = 4


class RegionScreen(Screen):
    screen_id = "region"

    def __init__(self, ctx: AppContext, page: int = 0) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Where do you live?"))
        self.add_text(lambda: _("Get help now will show the phone lines for this place."))
        places = [r for r in ctx.crisis.regions if r.code != ELSEWHERE]
        elsewhere = [r for r in ctx.crisis.regions if r.code == ELSEWHERE]
        pages = max(1, (len(places) + PER_PAGE - 1) // PER_PAGE)
        shown = places[page * PER_PAGE : (page + 1) * PER_PAGE] + elsewhere
        current = ctx.settings.get("region")
        self.buttons: dict[str, BigButton] = {}
        for region in shown:
            button = BigButton(partial(self._name, region), checkable=True)
            button.setChecked(region.code == current)
            button.clicked.connect(partial(self._choose, region.code))
            self.buttons[region.code] = self.add_choice(button)
        if pages > 1:
            more = self.add_choice(BigButton(lambda: _("More places"), "next"))
            next_page = (page + 1) % pages
            more.clicked.connect(lambda: self.ctx.nav().push(RegionScreen(self.ctx, next_page)))
        self.finish_layout()

    def _name(self, region: Region) -> str:
        return localized(region.name, self.ctx.language())

    def _choose(self, code: str) -> None:
        self.ctx.settings.set("region", code)
        nav = self.ctx.nav()
        while isinstance(nav.current(), RegionScreen):
            nav.back()
        current = nav.current()
        if current.screen_id == "help_now":  # rebuild it for the new region
            nav.back()
            nav.show_help_now()
