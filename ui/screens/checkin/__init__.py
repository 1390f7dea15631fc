"""Check-in screens: the hub, the quick check-in steps, questionnaires, results and history."""

from ui.router import Route, lazy


def routes() -> list[Route]:
    """The screens of this feature other features, Home and the tests open by name."""
    return [
        Route("checkin", lazy("ui.screens.checkin.hub", "CheckInHubScreen")),
        Route("checkin.steps", lazy("ui.screens.checkin.hub", "first_step_screen")),
        Route("checkin.resume", lazy("ui.screens.checkin.hub", "ResumeScreen")),
        Route(
            "checkin.questionnaires",
            lazy("ui.screens.checkin.questionnaire", "QuestionnairePickScreen"),
        ),
        Route("checkin.result", lazy("ui.screens.checkin.questionnaire", "ResultScreen")),
        Route("checkin.history", lazy("ui.screens.checkin.history", "HistoryScreen")),
        Route("checkin.mood_days", lazy("ui.screens.checkin.mood_days", "MoodDaysScreen")),
        Route(
            "checkin.score_history", lazy("ui.screens.checkin.score_history", "ScoreHistoryScreen")
        ),
        Route(
            "checkin.trusted_people",
            lazy("ui.screens.checkin.trusted_people", "TrustedPeopleScreen"),
        ),
        Route(
            "checkin.schedule",
            lazy("ui.screens.checkin.schedule_settings", "open_checkin_schedule"),
            lazy("ui.screens.checkin.schedule_settings", "schedule_tile_title"),
        ),
    ]
