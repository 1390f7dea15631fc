"""After a check-in: a short thank-you that repeats what was kept, and a way on.

After a low mood ("Not good" or "Very bad") it also offers at most two things from the library
that match what the person said (companion.library.suggest), as big buttons that open them.
"""

from __future__ import annotations

import logging
from functools import partial

from companion.checkin.models import CheckIn
from companion.checkin.wording import mood_word, tag_word
from companion.i18n import _
from companion.library.schema import Article, Exercise
from companion.library.suggest import suggest_after_checkin
from ui.context import AppContext
from ui.shared.library import content_language, load_report
from ui.shared.safety_plan_ways_in import offer_after_checkin
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


def suggestions(ctx: AppContext, checkin: CheckIn) -> list[str]:
    """Keys of at most two articles or exercises for this check-in (none for a good day)."""
    if checkin.mood is None:
        return []
    try:
        library = load_report(ctx).library
        return suggest_after_checkin(checkin.mood, checkin.tags, library, content_language(ctx))
    except Exception:  # the thank-you must always show, whatever the library says
        _log.exception("Could not choose library suggestions after a check-in")
        return []


class ThankYouScreen(Screen):
    screen_id = "checkin_done"
    is_step = True

    def __init__(
        self,
        ctx: AppContext,
        checkin: CheckIn,
        plan_done: bool | None = None,
        offer_help: bool = False,
        plan_offer: bool | None = None,
    ) -> None:
        """`offer_help`: after repeated bad days, help is offered kindly, first (never opened).
        `plan_offer`: the finishing press decided to offer a safety plan (None: ask now)."""
        super().__init__(ctx)
        self.checkin = checkin
        self.set_title(lambda: _("Thank you. Your check-in is saved."))
        if checkin.mood is not None:
            self.add_text(lambda: _("Today you feel: {mood}.").format(mood=mood_word(checkin.mood)))
        if checkin.tags:
            self.add_text(
                lambda: _("What is affecting you: {tags}.").format(
                    tags=", ".join(tag_word(t) for t in sorted(checkin.tags))
                )
            )
        if plan_done is True:
            self.add_text(lambda: _("Well done on doing what you planned."))
        elif plan_done is False:
            self.add_text(
                lambda: _("That is all right. You can plan another small thing any time.")
            )
        self.help_button: BigButton | None = None
        self.trusted_button: BigButton | None = None
        if offer_help:
            self.add_text(
                lambda: _(
                    "It sounds like things have been hard lately. "
                    "Talking to someone can help, today or any day."
                ),
                notice=True,
            )
            self.help_button = self.add_choice(BigButton(lambda: _("Get help now"), "help-now"))
            self.help_button.clicked.connect(lambda: self.ctx.nav().show_help_now())
            self.trusted_button = self.add_choice(
                BigButton(lambda: _("Talk to someone I trust"), "phone", line_chars=30)
            )
            self.trusted_button.clicked.connect(self._trusted_people)
        # When help is offered, it takes the place of reading suggestions (one clear way on).
        self.suggestion_keys = [] if offer_help else suggestions(ctx, checkin)
        self.suggestion_buttons: list[BigButton] = []
        if self.suggestion_keys:
            self.add_text(lambda: _("Something here may help today:"))
        for key in self.suggestion_keys:
            button = self.add_choice(
                BigButton(partial(self._suggestion_words, key), "learn", line_chars=30)
            )
            button.clicked.connect(partial(self._open_suggestion, key))
            self.suggestion_buttons.append(button)
        self.history_button = self.add_choice(BigButton(lambda: _("See how I have been"), "mood"))
        self.history_button.clicked.connect(self._history)
        self.home_button = self.add_choice(BigButton(lambda: _("Back to the start"), "home"))
        self.home_button.clicked.connect(lambda: self.ctx.nav().home())
        self.finish_layout()
        offer_after_checkin(self, checkin, plan_offer)  # after repeated bad days, once a week

    def _item(self, key: str) -> Article | Exercise | None:
        return load_report(self.ctx).library.by_key(key, content_language(self.ctx))

    def _suggestion_words(self, key: str) -> str:
        item = self._item(key)
        if isinstance(item, Article):
            return _("Read: {title}").format(title=item.title)
        if isinstance(item, Exercise):
            return _("Try: {title}").format(title=item.title.get(content_language(self.ctx)))
        return ""

    def _open_suggestion(self, key: str) -> None:
        item = self._item(key)
        if isinstance(item, Article):
            self.ctx.nav().open("learn.reader", article_id=item.id)
        elif isinstance(item, Exercise):
            self.ctx.nav().open("learn.exercise", exercise_id=item.id)

    def _trusted_people(self) -> None:
        from ui.screens.checkin.trusted_people import TrustedPeopleScreen

        self.ctx.nav().push(TrustedPeopleScreen(self.ctx))

    def _history(self) -> None:
        from ui.screens.checkin.history import HistoryScreen

        self.ctx.nav().push(HistoryScreen(self.ctx))
