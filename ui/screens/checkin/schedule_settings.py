"""Settings for the person's check-ins: the daily reminder time and how often each questionnaire
is offered. Big buttons only (no spin boxes); the helper PIN guards it when one is set.

The schedule lives in the person's own preferences (companion.checkin.schedule), so each person
on a shared computer has their own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import time
from functools import partial

from companion.checkin.instruments import INSTRUMENT_IDS
from companion.checkin.schedule import (
    EVERY_WEEKS_CHOICES,
    REMINDER_CHOICES,
    CheckInSchedule,
    every_days_for,
    load_schedule,
    save_schedule,
    with_questionnaire_every,
    with_reminder,
)
from companion.checkin.wording import INSTRUMENT_NAMES, plain_name
from companion.i18n import _
from companion.preferences import Preferences
from companion.when_words import clock_words
from ui.context import AppContext
from ui.screens.checkin.questionnaire import instrument_title
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


def open_checkin_schedule(ctx: AppContext) -> Screen:
    """The Settings tile's factory: the helper PIN first when one is set and not yet typed."""
    from ui.shared.caregiver_gate import guarded

    return guarded(ctx, CheckInScheduleScreen, "schedules")


def schedule_tile_title() -> str:
    return _("Check-in reminder and questions")


def reminder_choice_words(at: time | None) -> str:
    """One reminder button: the part of the day and its time."""
    if at is None:
        return _("No reminder")
    if at.hour < 12:
        words = _("In the morning, {time}")
    elif at.hour < 13:
        words = _("At noon, {time}")
    elif at.hour < 18:
        words = _("In the afternoon, {time}")
    else:
        words = _("In the evening, {time}")
    return words.format(time=clock_words(at))


def reminder_summary(at: time | None) -> str:
    if at is None:
        return _("No daily reminder")
    return _("Daily reminder at {time}").format(time=clock_words(at))


def how_often_words(every_days: int | None) -> str:
    if every_days is None:
        return _("Not offered")
    if every_days == 7:
        return _("Every week")
    if every_days % 7 == 0:
        return _("Every {weeks} weeks").format(weeks=every_days // 7)
    return _("Every {days} days").format(days=every_days)


class ScheduleScreenBase(Screen):
    """What the schedule screens share: the person's preferences and their schedule.

    The schedule is read and kept on the runner; a screen works from the copy it was given
    (`known`) or read, so drawing a button never touches storage."""

    def __init__(
        self,
        ctx: AppContext,
        known: CheckInSchedule | None = None,
        kept: Callable[[CheckInSchedule], None] | None = None,
    ) -> None:
        """`known`: the schedule as read by the screen that opened this one; `kept`: told of
        each change, so that screen shows it when the person comes back."""
        super().__init__(ctx)
        self.known = known
        self.kept = kept

    def preferences(self) -> Preferences | None:
        session = self.ctx.session
        return session.preferences if session is not None else None

    def schedule(self) -> CheckInSchedule:
        return self.known if self.known is not None else CheckInSchedule()

    def read_schedule(self, then: Callable[[], None]) -> None:
        """Read the person's schedule on the runner, then call `then` on the UI thread."""
        preferences = self.preferences()
        if preferences is None:
            self.known = None
            then()
            return

        def show(schedule: CheckInSchedule) -> None:
            self.known = schedule
            then()

        self.ctx.runner.run(lambda: load_schedule(preferences), show, parent=self)

    def store(self, schedule: CheckInSchedule) -> None:
        preferences = self.preferences()
        if preferences is None:  # no person's data open: nothing to keep it in
            return
        self.known = schedule  # shown at once; kept on the runner (a failure is said on Home)
        if self.kept is not None:
            self.kept(schedule)
        self.ctx.runner.run(lambda: save_schedule(preferences, schedule))
        _log.info("Check-in schedule changed")


class CheckInScheduleScreen(ScheduleScreenBase):
    """Six tiles: the reminder time, then one per questionnaire, each saying what is set now."""

    screen_id = "checkin_schedule"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(schedule_tile_title)
        self.add_text(
            lambda: _(
                "When Companion gently asks for a check-in, and how often it offers each set "
                "of questions. A missed day is never counted."
            )
        )
        self.no_person = self.add_text(
            lambda: _("This can be set once the person's information has opened."), notice=True
        )
        self.reading = True  # until the person's schedule is read on the runner
        self.waiting = self.add_text(lambda: _("Reading the schedule...") if self.reading else "")
        self.reminder_button = self.add_choice(
            BigButton(
                lambda: reminder_summary(self.schedule().reminder_time), "mood", line_chars=30
            )
        )
        self.reminder_button.clicked.connect(
            lambda: self.ctx.nav().push(ReminderTimeScreen(self.ctx, self.schedule(), self._kept))
        )
        self.instrument_buttons: dict[str, BigButton] = {}
        for instrument_id in INSTRUMENT_IDS[:5]:
            button = self.add_choice(
                BigButton(
                    partial(self._instrument_words, instrument_id),
                    description_fn=partial(instrument_title, ctx, instrument_id),
                    line_chars=30,
                )
            )
            button.clicked.connect(partial(self._open_instrument, instrument_id))
            self.instrument_buttons[instrument_id] = button
        self.finish_layout()
        self._show_person()
        self.read_schedule(self._read)

    def _read(self) -> None:
        self.reading = False
        self.retranslate()  # the tiles say what is set
        self._show_person()

    def _instrument_words(self, instrument_id: str) -> str:
        every = every_days_for(self.schedule(), instrument_id)
        return _("{name}: {how_often}").format(
            name=plain_name(instrument_id), how_often=how_often_words(every)
        )

    def _open_instrument(self, instrument_id: str) -> None:
        self.ctx.nav().push(
            QuestionnaireEveryScreen(self.ctx, instrument_id, self.schedule(), self._kept)
        )

    def _kept(self, schedule: CheckInSchedule) -> None:
        self.known = schedule

    def _show_person(self) -> None:
        has_person = self.preferences() is not None
        self.no_person.setVisible(not has_person)
        self.waiting.setVisible(has_person and self.reading)
        for button in self._choice_buttons:
            button.setEnabled(has_person and not self.reading)

    def on_shown(self) -> None:
        """Back from a choice: the tiles say what is set now."""
        self._show_person()
        self.retranslate()
        super().on_shown()

    def on_session_changed(self) -> None:
        self.reading = True
        self._show_person()
        self.read_schedule(self._read)


class ChooseOneScreen(ScheduleScreenBase):
    """A question with checkable answers; the chosen one is kept at once and marked."""

    def add_answers(self, answers: list[tuple[object, Callable[[], str]]]) -> None:
        self.answers: dict[object, BigButton] = {}
        for value, words in answers:
            button = self.add_choice(BigButton(words, checkable=True, line_chars=30))
            button.clicked.connect(partial(self.choose, value))
            self.answers[value] = button
        self.finish_layout()
        self._sync()
        if self.known is None and self.preferences() is not None:
            self.read_schedule(self._sync)  # opened on its own: what is set, once read

    def current(self) -> object:
        raise NotImplementedError

    def changed(self, value: object) -> CheckInSchedule:
        raise NotImplementedError

    def choose(self, value: object) -> None:
        self.store(self.changed(value))
        self._sync()

    def _sync(self) -> None:
        chosen = self.current()
        for value, button in self.answers.items():
            button.setChecked(value == chosen)


class ReminderTimeScreen(ChooseOneScreen):
    screen_id = "checkin_reminder_time"

    def __init__(
        self,
        ctx: AppContext,
        known: CheckInSchedule | None = None,
        kept: Callable[[CheckInSchedule], None] | None = None,
    ) -> None:
        super().__init__(ctx, known, kept)
        self.set_title(lambda: _("When should Companion ask for a check-in?"))
        self.add_text(
            lambda: _("Once a day, a gentle message on the first screen. It never scolds.")
        )
        self.add_answers([(at, partial(reminder_choice_words, at)) for at in REMINDER_CHOICES])

    def current(self) -> object:
        return self.schedule().reminder_time

    def changed(self, value: object) -> CheckInSchedule:
        assert value is None or isinstance(value, time)
        return with_reminder(self.schedule(), value)


class QuestionnaireEveryScreen(ChooseOneScreen):
    screen_id = "checkin_questionnaire_every"

    def __init__(
        self,
        ctx: AppContext,
        instrument_id: str,
        known: CheckInSchedule | None = None,
        kept: Callable[[CheckInSchedule], None] | None = None,
    ) -> None:
        super().__init__(ctx, known, kept)
        self.instrument_id = instrument_id
        name = INSTRUMENT_NAMES[instrument_id]
        self.set_title(lambda: _("How often to offer the {name} questions?").format(name=name))
        self.add_text(lambda: instrument_title(ctx, instrument_id))
        self.add_text(
            lambda: _("Companion offers them when they are due. The person can always say not now.")
        )
        answers: list[tuple[object, Callable[[], str]]] = [
            (weeks * 7, partial(how_often_words, weeks * 7)) for weeks in EVERY_WEEKS_CHOICES
        ]
        answers.append((None, lambda: _("Do not offer them")))
        self.add_answers(answers)

    def current(self) -> object:
        return every_days_for(self.schedule(), self.instrument_id)

    def changed(self, value: object) -> CheckInSchedule:
        assert value is None or isinstance(value, int)
        return with_questionnaire_every(self.schedule(), self.instrument_id, value)
