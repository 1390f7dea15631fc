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
        self, title_fn: Callable[[], str], icon_name: str, open_screen: ScreenFactory
    ) -> BigButton:
        button = self.add_choice(BigButton(title_fn, icon_name, tile=True))
        button.clicked.connect(partial(self._open, open_screen))
        return button

    def _open(self, open_screen: ScreenFactory) -> None:
        self.ctx.nav().push(open_screen(self.ctx))


class SettingsScreen(TileScreen):
    screen_id = "settings"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        from ui.screens import settings_options as options

        self.set_title(lambda: _("Settings"))
        self.add_text(lambda: _("Changes show right away and are kept for next time."))
        self.add_tile(options.setting_title("text_scale"), "text-size", options.text_size_screen)
        self.add_tile(lambda: _("Colours and movement"), "colours", options.ColoursScreen)
        self.add_tile(options.setting_title("language"), "language", options.language_screen)
        if importlib.util.find_spec("ui.screens.speech_settings") is not None:
            self.add_tile(lambda: _("Voice"), "read-aloud", _voice_screen)
        self.add_tile(options.setting_title("switch_mode"), "switch", options.SwitchAccessScreen)
        self.add_tile(lambda: _("More settings"), "settings", MoreSettingsScreen)
        self.finish_layout()


def _voice_screen(ctx: AppContext) -> Screen:
    from ui.screens import speech_settings

    screen: Screen = speech_settings.SpeechSettingsScreen(ctx)
    return screen


class MoreSettingsScreen(TileScreen):
    screen_id = "more_settings"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        from ui.screens.contacts import ContactsScreen
        from ui.screens.region import RegionScreen

        self.set_title(lambda: _("More settings"))
        from ui.screens.reminders import RemindersScreen, reminders_tile_title
        from ui.screens.setup.helper_settings import helper_tile_title, open_helper_settings

        self.add_tile(lambda: _("Where I live"), "language", RegionScreen)
        self.add_tile(lambda: _("People to call"), "phone", ContactsScreen)
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
        from ui.screens.my_data import MyDataScreen, my_data_tile_title
        from ui.screens.people import AccountScreen, lock_tile_title

        self.set_title(lambda: _("Me and my data"))
        self.add_tile(lock_tile_title, "lock", AccountScreen)
        self.add_tile(my_data_tile_title, "about", MyDataScreen)
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
