"""My questionnaire scores: how each questionnaire's score changed over the last year, in words."""

from __future__ import annotations

from companion.checkin.score_history import score_history
from companion.i18n import _
from ui.context import AppContext
from ui.runner import storage_on_ui_thread_for_now
from ui.shared.checkin_common import checkin_store, local_zone
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class ScoreHistoryScreen(Screen):
    screen_id = "score_history"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("My questionnaire scores"))
        sentences = self._sentences()
        if sentences:
            for index in range(len(sentences)):
                self.add_text(lambda i=index: self._sentences()[i])  # type: ignore[misc]
        else:
            self.add_text(
                lambda: _("No questions answered this year yet. You can answer them any time.")
            )
        self.add_text(lambda: _("A score is not a diagnosis. Your clinician can help you read it."))
        self.back_button = self.add_choice(BigButton(lambda: _("Back to my mood"), "back"))
        self.back_button.clicked.connect(lambda: self.ctx.nav().back())
        self.finish_layout()

    def _sentences(self) -> list[str]:
        with storage_on_ui_thread_for_now("checkin.score_history"):
            return score_history(
                checkin_store(self.ctx), self.ctx.clock.now(), local_zone(self.ctx)
            )
