"""The guided add/edit form: one question per screen, one widget class per kind of question.

The rules (which steps, what is wrong with an answer) live in companion.appointments.form; these
screens only show a step, keep its answer in the draft, and say the problem when there is one.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from functools import partial

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from companion.appointments.form import LENGTH_CHOICES, REPEAT_WORDS, FormStep, SessionForm
from companion.appointments.model import Appointment
from companion.i18n import _
from ui.context import AppContext
from ui.shared.appointments import appointment_store, named_local_zone, trusted_domains
from ui.widgets.big_button import BigButton
from ui.widgets.day_time import DayPicker, TimePicker
from ui.widgets.day_time_screens import show_month
from ui.widgets.screen import Screen


class FormDriver:
    """Walks the form's steps on the navigation stack and saves at the end."""

    def __init__(self, ctx: AppContext, editing: Appointment | None) -> None:
        self.ctx = ctx
        self.form = SessionForm(
            named_local_zone(ctx), ctx.clock.now(), editing, trusted_domains(ctx)
        )
        self.pushed = 0

    def show(self, index: int) -> None:
        self.ctx.nav().push(self.screen_at(index))

    def screen_at(self, index: int) -> Screen:
        """Step `index`'s screen (the review after the last), counted as pushed."""
        if index >= len(self.form.steps):
            screen: Screen = ReviewScreen(self.ctx, self)
        else:
            step = self.form.steps[index]
            kind = {"when": WhenStepScreen, "length": ChoiceStepScreen, "repeat": ChoiceStepScreen}
            screen = kind.get(step.kind, TextStepScreen)(self.ctx, self, index)
        self.pushed += 1
        return screen

    def save(self) -> None:
        """One press, one transaction, on the runner; the sessions screen reads after it."""
        store, session = appointment_store(self.ctx), self.ctx.session
        appointments = list(self.form.appointments())

        def write() -> None:
            with session.one_transaction() if session is not None else nullcontext():
                for appointment in appointments:
                    store.save(appointment)

        self.ctx.runner.run(write)
        for _screen in range(self.pushed):
            self.ctx.nav().back()


def first_form_screen(ctx: AppContext, editing: Appointment | None = None) -> Screen:
    """The form's first step (a new session, or `editing`), for opening it by name."""
    return FormDriver(ctx, editing).screen_at(0)


def start_form(ctx: AppContext, editing: Appointment | None) -> FormDriver:
    driver = FormDriver(ctx, editing)
    driver.show(0)
    return driver


class StepScreen(Screen):
    """What every step shares: the question, "Step 2 of 7", the hint, a problem line and Next."""

    screen_id = "sessions_form_step"
    is_step = True

    def __init__(self, ctx: AppContext, driver: FormDriver, index: int) -> None:
        super().__init__(ctx)
        self.driver, self.index = driver, index
        self.step: FormStep = driver.form.steps[index]
        count = len(driver.form.steps)
        self.set_title(lambda: _(self.step.question))
        self.add_text(lambda: _("Step {number} of {count}").format(number=index + 1, count=count))
        self.hint_label = self.add_text(lambda: _(self.step.hint))
        self._problem = ""
        self.problem_label = self.add_text(lambda: self._problem, notice=True)
        self.problem_label.setVisible(False)

    def add_next(self) -> BigButton:
        button = self.add_choice(BigButton(lambda: _("Next"), "next"))
        button.clicked.connect(self.go_on)
        if self.index == 0:
            self.one_page_button = self.add_choice(
                BigButton(lambda: _("Show all on one page"), "settings")
            )
            self.one_page_button.clicked.connect(self.show_one_page)
        return button

    def show_one_page(self) -> None:
        """For a caregiver: every field at once (the answers so far are kept)."""
        from ui.screens.sessions.form_page import OnePageFormScreen

        self.keep_answer()
        self.driver.pushed += 1
        self.ctx.nav().push(OnePageFormScreen(self.ctx, self.driver))

    def keep_answer(self) -> None:
        """Copy the widget's answer into the draft (each kind does its own)."""

    def go_on(self) -> None:
        self.keep_answer()
        problem = self.driver.form.problem(self.step)
        self._problem = problem or ""
        self.problem_label.setText(self._problem)
        self.problem_label.setVisible(bool(problem))
        if problem:
            self.ctx.speech.say(problem)
            return
        self.driver.show(self.index + 1)

    def on_hidden(self) -> None:
        self.keep_answer()
        super().on_hidden()


class TextStepScreen(StepScreen):
    """A big text box: one line (name, link, phone) or several (notes)."""

    def __init__(self, ctx: AppContext, driver: FormDriver, index: int) -> None:
        super().__init__(ctx, driver, index)
        value = str(getattr(driver.form.draft, self.step.field))
        self.box: QLineEdit | QPlainTextEdit
        if self.step.kind == "long_text":
            self.box = QPlainTextEdit(value)
            self.box.setTabChangesFocus(True)
            self.box.setMinimumHeight(140)
        else:
            self.box = QLineEdit(value)
            self.box.setMinimumHeight(64)
            self.box.returnPressed.connect(self.go_on)
        self.box.setAccessibleName(_(self.step.question))
        self.add_widget(self.box, focusable=True)
        self.next_button = self.add_next()
        self.finish_layout()

    def keep_answer(self) -> None:
        text = self.box.toPlainText() if isinstance(self.box, QPlainTextEdit) else self.box.text()
        setattr(self.driver.form.draft, self.step.field, text)


class WhenStepScreen(StepScreen):
    """The day: Today, Tomorrow or Another day (a month grid); choosing one asks the time."""

    def __init__(self, ctx: AppContext, driver: FormDriver, index: int) -> None:
        super().__init__(ctx, driver, index)
        form = driver.form
        self.day_picker = DayPicker(form.now.astimezone(form.zone).date(), form.draft.day)
        self.add_widget(self.day_picker)
        self._extra_focusables.extend(self.day_picker.controls())
        self.day_picker.chosen.connect(self._day_chosen)
        self.day_picker.another_day.connect(lambda: show_month(self.ctx, self.day_picker))
        self.finish_layout()

    def _day_chosen(self, day: date) -> None:
        self.driver.form.draft.day = day
        self.driver.pushed += 1
        self.ctx.nav().push(WhenTimeScreen(self.ctx, self.driver, self.index))

    def retranslate(self) -> None:
        super().retranslate()
        self.day_picker.retranslate()


class WhenTimeScreen(StepScreen):
    """The time of the chosen day: Earlier / Later by 15 minutes, common times, then Next."""

    def __init__(self, ctx: AppContext, driver: FormDriver, index: int) -> None:
        super().__init__(ctx, driver, index)
        draft = driver.form.draft
        self.set_title(lambda: _("What time?"))
        self.hint_label.hide()  # said on the day's screen; here the times must fit at 200%
        self.time_picker = TimePicker(draft.start_time)
        self.add_widget(self.time_picker)
        self._extra_focusables.extend(self.time_picker.controls())
        self.next_button = self.add_next()
        self.finish_layout()

    def keep_answer(self) -> None:
        self.driver.form.draft.start_time = self.time_picker.current

    def retranslate(self) -> None:
        super().retranslate()
        self.time_picker.retranslate()


class ChoiceStepScreen(StepScreen):
    """A few big buttons (length or repeating); one press chooses and moves on."""

    def __init__(self, ctx: AppContext, driver: FormDriver, index: int) -> None:
        super().__init__(ctx, driver, index)
        draft = driver.form.draft
        self.options: dict[object, BigButton] = {}
        if self.step.kind == "length":
            for minutes in LENGTH_CHOICES:
                words = partial(lambda m: _("{minutes} minutes").format(minutes=m), minutes)
                self._option(minutes, words, draft.duration_minutes == minutes)
        else:
            for key, repeat_words in REPEAT_WORDS.items():
                self._option(key, partial(_, repeat_words), draft.repeat == key)
        self.finish_layout()

    def _option(self, value: object, words: object, chosen: bool) -> None:
        button = self.add_choice(BigButton(words, None, checkable=True))  # type: ignore[arg-type]
        button.setChecked(chosen)
        button.clicked.connect(partial(self.choose, value))
        self.options[value] = button

    def choose(self, value: object) -> None:
        for other, button in self.options.items():
            button.setChecked(other == value)
        if self.step.kind == "length":
            self.driver.form.draft.duration_minutes = int(value)  # type: ignore[call-overload]
        else:
            self.driver.form.draft.repeat = str(value)
        self.go_on()


class ReviewScreen(Screen):
    """The answers read back in sentences, then Save."""

    screen_id = "sessions_form_review"
    is_step = True

    def __init__(self, ctx: AppContext, driver: FormDriver) -> None:
        super().__init__(ctx)
        self.driver = driver
        self.set_title(lambda: _("Is this right?"))
        self.add_text(lambda: "\n".join(driver.form.summary()))
        self.save_button = self.add_choice(BigButton(lambda: _("Save this session"), "check"))
        self.save_button.clicked.connect(driver.save)
        self.finish_layout()
