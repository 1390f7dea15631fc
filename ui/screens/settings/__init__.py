"""Settings: the tiles, each setting's choices, the voice, reminders and the helper's settings."""

from ui.router import Route, lazy


def routes() -> list[Route]:
    """The screens of this feature other features, Home and the tests open by name."""
    return [
        Route("settings", lazy("ui.screens.settings.screen", "guarded_settings")),
        Route("settings.more", lazy("ui.screens.settings.screen", "MoreSettingsScreen")),
        Route("settings.personal", lazy("ui.screens.settings.screen", "PersonalScreen")),
        Route("settings.about", lazy("ui.screens.settings.screen", "AboutScreen")),
        Route("settings.text_size", lazy("ui.screens.settings.options", "text_size_screen")),
        Route("settings.colours", lazy("ui.screens.settings.options", "ColoursScreen")),
        Route("settings.language", lazy("ui.screens.settings.options", "language_screen")),
        Route("settings.switch_access", lazy("ui.screens.settings.options", "SwitchAccessScreen")),
        Route("settings.voice", lazy("ui.screens.settings.speech", "SpeechSettingsScreen")),
        Route(
            "settings.speaking_options", lazy("ui.screens.settings.speech", "SpeakingOptionsScreen")
        ),
        Route(
            "settings.reminders",
            lazy("ui.screens.settings.reminders", "RemindersScreen"),
            lazy("ui.screens.settings.reminders", "reminders_tile_title"),
        ),
        Route(
            "settings.checkin_invitation",
            lazy("ui.screens.settings.reminders", "CheckInInvitationScreen"),
        ),
        Route(
            "settings.still_reminding",
            lazy("ui.screens.settings.reminders", "StillRemindingScreen"),
        ),
        Route(
            "settings.helper",
            lazy("ui.screens.settings.helper", "open_helper_settings"),
            lazy("ui.screens.settings.helper", "helper_tile_title"),
        ),
    ]
