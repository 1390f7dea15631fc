"""My questionnaire scores: how each questionnaire's score changed over the last year, in words.

The scores are read on the runner: the screen shows at once with "Reading your scores..." and
fills in, one questionnaire a line, when they are read.
"""

from __future__ import annotations

from companion.checkin.score_history import score_history
from companion.i18n import _
from ui.context import AppContext
from ui.shared.checkin_common import checkin_store, local_zone
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class ScoreHistoryScreen(Screen):
    screen_id = "score_history"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.sentences: list[str] | None = None  # None until they are read
        self.failed = False
        self.set_title(lambda: _("My questionnaire scores"))
        # One paragraph a questionnaire (a line break ends a sentence when it is read aloud).
        self.scores_label = self.add_text(self._score_words)
        self.add_text(
            lambda: _("A score is not a diagnosis. Your clinician can help you read it."),
            explain=True,
        )
        self.back_button = self.add_choice(BigButton(lambda: _("Back to my mood"), "back"))
        self.back_button.clicked.connect(lambda: self.ctx.nav().back())
        self.finish_layout()
        self._read()

    def _score_words(self) -> str:
        if self.failed:
            return _("Your scores could not be read just now. Please try again later.")
        if self.sentences is None:
            return _("Reading your scores...")
        if not self.sentences:
            return _("No questions answered this year yet. You can answer them any time.")
        return "\n".join(self.sentences)

    def _read(self) -> None:
        """Read on the runner (again after a change of language: the sentences are words)."""
        store, now, zone = checkin_store(self.ctx), self.ctx.clock.now(), local_zone(self.ctx)
        self.ctx.runner.run(
            lambda: score_history(store, now, zone), self._show, self._failed, parent=self
        )

    def _show(self, sentences: list[str]) -> None:
        self.sentences = list(sentences)
        self.failed = False
        self._refill()

    def _failed(self, _error: Exception) -> None:
        self.failed = True
        self._refill()

    def _refill(self) -> None:
        self.scores_label.setText(self._score_words())
        self.setAccessibleDescription(self.body_text())
        self.fit()

    def retranslate(self) -> None:
        super().retranslate()
        if self.sentences is not None:
            self._read()
