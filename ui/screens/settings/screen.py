"""Settings: six tiles, each opening one question; everything applies at once and is kept."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import partial

from companion import __version__
from companion.checkin.attribution import all_attributions
from companion.i18n import _
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

ScreenFactory = Callable[[AppContext], Screen]


class TileScreen(Screen):
    """A screen of tiles that each open another screen."""

    def add_tile(
        self, title_fn: Callable[[], str], icon_name: str, open_screen: ScreenFactory | str
    ) -> BigButton:
        """A tile opening `open_screen`: a factory of this feature, or a route's name."""
        button = self.add_choice(BigButton(title_fn, icon_name, tile=True))
        button.clicked.connect(partial(self._open, open_screen))
        return button

    def add_route_tile(self, route: str, icon_name: str) -> BigButton:
        """A tile opening another feature's screen, in the words that feature gives it."""
        return self.add_tile(self.ctx.nav().route_title(route), icon_name, route)

    def _open(self, open_screen: ScreenFactory | str) -> None:
        if isinstance(open_screen, str):
            self.ctx.nav().open(open_screen)
        else:
            self.ctx.nav().push(open_screen(self.ctx))


def guarded_settings(ctx: AppContext) -> Screen:
    """Settings, behind the helper's PIN where a helper set one (Home's choice)."""
    from ui.shared.caregiver_gate import guarded

    return guarded(ctx, SettingsScreen)


class SettingsScreen(TileScreen):
    screen_id = "settings"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        from ui.screens.settings import options

        self.set_title(lambda: _("Settings"))
        self.add_text(lambda: _("Changes show right away and are kept for next time."))
        self.add_tile(options.setting_title("text_scale"), "text-size", options.text_size_screen)
        self.add_tile(lambda: _("Colours and movement"), "colours", options.ColoursScreen)
        self.add_tile(options.setting_title("language"), "language", options.language_screen)
        if importlib.util.find_spec("ui.screens.settings.speech") is not None:
            self.add_tile(lambda: _("Voice"), "read-aloud", _voice_screen)
        self.add_tile(options.setting_title("switch_mode"), "switch", options.SwitchAccessScreen)
        self.add_tile(lambda: _("More settings"), "settings", MoreSettingsScreen)
        self.finish_layout()


def _voice_screen(ctx: AppContext) -> Screen:
    from ui.screens.settings import speech

    screen: Screen = speech.SpeechSettingsScreen(ctx)
    return screen


class MoreSettingsScreen(TileScreen):
    screen_id = "more_settings"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("More settings"))
        from ui.screens.settings.helper import helper_tile_title, open_helper_settings
        from ui.screens.settings.reminders import RemindersScreen, reminders_tile_title

        self.add_tile(lambda: _("Where I live"), "language", "help_now.region")
        self.add_tile(lambda: _("People to call"), "phone", "help_now.contacts")
        self.add_tile(lambda: _("Me and my data"), "person", PersonalScreen)
        self.add_tile(reminders_tile_title, "mood", RemindersScreen)
        self.add_tile(helper_tile_title, "lock", open_helper_settings)
        self.add_tile(lambda: _("About Companion"), "about", AboutScreen)
        self.finish_layout()


class PersonalScreen(TileScreen):
    """Locking or switching person, and the person's own data (backup, export, delete)."""

    screen_id = "personal"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        # Their words live in the storage catalog, with the screens they open.
        self.set_title(lambda: _("Me and my data"))
        self.add_route_tile("people.account", "lock")
        self.add_route_tile("people.my_data", "about")
        self.finish_layout()


class AboutScreen(Screen):
    screen_id = "about"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("About Companion"))
        self.add_text(lambda: _("Companion version {version}.").format(version=__version__))
        self.add_text(
            lambda: _(
                "Companion helps you check in on your mood, join your video "
                "sessions and learn ways to feel better. It does not replace "
                "care from a doctor or counsellor."
            )
        )
        self.add_text(
            lambda: _(
                "Your information stays on this computer. Companion sends "
                "nothing over the internet by itself."
            )
        )
        self.add_text(lambda: _("Your data folder: {folder}").format(folder=ctx.data_dir))
        for index in range(len(all_attributions())):  # the questionnaires' authors (issue 17)
            self.add_text(lambda i=index: all_attributions()[i])  # type: ignore[misc]
        self.finish_layout()
