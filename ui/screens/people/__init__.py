"""People: who is using Companion, adding a person, unlocking, changing the PIN, and my data."""

from ui.router import Route, lazy


def routes() -> list[Route]:
    """The screens of this feature other features, Home and the tests open by name."""
    return [
        Route("people", lazy("ui.screens.people.picker", "PeopleScreen")),
        Route("people.unlock", lazy("ui.screens.people.unlock", "UnlockScreen")),
        Route("people.forgot", lazy("ui.screens.people.unlock", "ForgotScreen")),
        Route("people.add", lazy("ui.screens.people.add", "add_person_screen")),
        Route(
            "people.account",
            lazy("ui.screens.people.picker", "AccountScreen"),
            lazy("ui.screens.people.picker", "lock_tile_title"),
        ),
        Route("people.rename", lazy("ui.screens.people.picker", "RenameScreen")),
        Route("people.change_pin", lazy("ui.screens.people.change_pin", "CurrentSecretScreen")),
        Route(
            "people.my_data",
            lazy("ui.screens.people.my_data", "MyDataScreen"),
            lazy("ui.screens.people.my_data", "my_data_tile_title"),
        ),
        Route("people.backup", lazy("ui.screens.people.my_data", "BackupScreen")),
        Route("people.restore", lazy("ui.screens.people.my_data", "RestoreScreen")),
        Route("people.keeps", lazy("ui.screens.people.keeps", "KeepsScreen")),
    ]
