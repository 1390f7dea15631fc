"""Choose the region whose crisis lines Get help now shows (five a page, then "More")."""

from __future__ import annotations

from functools import partial

from companion.i18n import _
from companion.safety import localized
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

PER_PAGE = 5


class RegionScreen(Screen):
    screen_id = "region"

    def __init__(self, ctx: AppContext, page: int = 0) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Where do you live?"))
        self.add_text(lambda: _("Get help now will show the phone lines for this place."))
        regions = ctx.crisis.regions
        shown = regions[page * PER_PAGE : (page + 1) * PER_PAGE]
        current = ctx.settings.get("region")
        self.buttons: dict[str, BigButton] = {}
        for region in shown:
            button = BigButton(
                lambda r=region: localized(r.name, self.ctx.language()), checkable=True
            )
            button.setChecked(region.code == current)
            button.clicked.connect(partial(self._choose, region.code))
            self.buttons[region.code] = self.add_choice(button)
        if len(regions) > PER_PAGE:
            more = self.add_choice(BigButton(lambda: _("More places"), "next"))
            next_page = (page + 1) % ((len(regions) + PER_PAGE - 1) // PER_PAGE)
            more.clicked.connect(lambda: self.ctx.nav().push(RegionScreen(self.ctx, next_page)))
        self.finish_layout()

    def _choose(self, code: str) -> None:
        self.ctx.settings.set("region", code)
        nav = self.ctx.nav()
        while isinstance(nav.current(), RegionScreen):
            nav.back()
        current = nav.current()
        if current.screen_id == "help_now":  # rebuild it for the new region
            nav.back()
            nav.show_help_now()
