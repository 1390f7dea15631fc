"""Get help now: the crisis lines of the region, choosing the region, and the people to call."""

from ui.router import Route, lazy


def routes() -> list[Route]:
    """The screens of this feature other features, Home and the tests open by name."""
    return [
        Route("help_now", lazy("ui.screens.help_now.screen", "HelpNowScreen")),
        Route("help_now.region", lazy("ui.screens.help_now.region", "RegionScreen")),
        Route("help_now.contacts", lazy("ui.screens.help_now.contacts", "ContactsScreen")),
    ]
