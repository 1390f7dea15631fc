"""My video sessions: the next session, the Join button, invitations and the add/edit form.

Light on purpose (no widgets imported here) so Home can list the feature without loading it.
"""

from __future__ import annotations

from ui.router import Route, lazy


def routes() -> list[Route]:
    """The screens of this feature other features, Home and the tests open by name."""
    return [
        Route("sessions", lazy("ui.screens.sessions.sessions_screen", "SessionsScreen")),
        Route("sessions.add", lazy("ui.screens.sessions.form_screens", "first_form_screen")),
        Route("sessions.expect", lazy("ui.screens.sessions.expect_screen", "WhatToExpectScreen")),
        Route(
            "sessions.choices", lazy("ui.screens.sessions.session_actions", "SessionChoicesScreen")
        ),
        Route(
            "sessions.delete", lazy("ui.screens.sessions.session_actions", "DeleteSessionScreen")
        ),
        Route(
            "sessions.device_check", lazy("ui.screens.sessions.device_check", "DeviceCheckScreen")
        ),
        Route("sessions.import", lazy("ui.screens.sessions.import_screen", "ImportReviewScreen")),
    ]
