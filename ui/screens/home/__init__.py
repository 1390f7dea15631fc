"""Home: the first screen, with the big choices each feature adds (ui/features.py)."""

from ui.router import Route, lazy


def routes() -> list[Route]:
    """The screens of this feature other features, Home and the tests open by name."""
    return [
        Route("home", lazy("ui.screens.home.screen", "HomeScreen")),
    ]
