"""Every field of the session form on one page, for a caregiver who types faster than steps."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from companion.appointments.form import LENGTH_CHOICES, REPEAT_WORDS
from companion.i18n import _
from companion.when_words import clock_words, date_words
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.day_time_screens import PickDayScreen, PickTimeScreen
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from ui.screens.sessions.form_screens import FormDriver


class OnePageFormScreen(Screen):
    """The same questions and checks as the steps, all at once; Save says the first problem."""

    screen_id = "sessions_form_page"

    def __init__(self, ctx: AppContext, driver: FormDriver) -> None:
        super().__init__(ctx)
        self.driver = driver
        draft = driver.form.draft
        self.set_title(lambda: _("All the details of the session"))
        self.with_whom = QLineEdit(draft.with_whom)
        self.today = driver.form.now.astimezone(driver.form.zone).date()
        self.day: date = draft.day or self.today
        self.start_time: time = draft.start_time
        # Big buttons that open the shared day and time steps (no spin boxes).
        self.day_box = BigButton(lambda: date_words(self.day, self.today), "sessions")
        self.day_box.clicked.connect(self.ask_day)
        self.time_box = BigButton(lambda: clock_words(self.start_time), "later")
        self.time_box.clicked.connect(self.ask_time)
        self.length_box = QComboBox()
        for minutes in LENGTH_CHOICES:
            self.length_box.addItem(_("{minutes} minutes").format(minutes=minutes), minutes)
        self.length_box.setCurrentIndex(max(0, self.length_box.findData(draft.duration_minutes)))
        self.link_box = QLineEdit(draft.link)
        self.phone_box = QLineEdit(draft.phone)
        self.notes_box = QPlainTextEdit(draft.notes)
        self.notes_box.setTabChangesFocus(True)
        self.repeat_box = QComboBox()
        for key, words in REPEAT_WORDS.items():
            self.repeat_box.addItem(_(words), key)
        self.repeat_box.setCurrentIndex(max(0, self.repeat_box.findData(draft.repeat)))
        form = QWidget()
        layout = QFormLayout(form)
        self.fields: dict[str, QWidget] = {
            "with_whom": self.with_whom,
            "day": self.day_box,
            "time": self.time_box,
            "length": self.length_box,
            "link": self.link_box,
            "phone": self.phone_box,
            "notes": self.notes_box,
        }
        if driver.form.editing is None:
            self.fields["repeat"] = self.repeat_box
        labels = {
            "with_whom": _("With"),
            "day": _("Day"),
            "time": _("Time"),
            "length": _("Length"),
            "link": _("Link"),
            "phone": _("Phone"),
            "notes": _("Notes"),
            "repeat": _("Repeats"),
        }
        for name, widget in self.fields.items():
            widget.setMinimumHeight(48)
            if isinstance(widget, BigButton):  # its name says the answer: "Day: Tuesday 3 March"
                widget.setAccessibleName(f"{labels[name]}: {widget.label()}")
            else:
                widget.setAccessibleName(labels[name])
            layout.addRow(labels[name], widget)
        self._labels = labels
        self.add_widget(form)
        self._extra_focusables.extend(self.fields.values())
        self._problem = ""
        self.problem_label = self.add_text(lambda: self._problem, notice=True)
        self.problem_label.setVisible(False)
        self.save_button = self.add_choice(BigButton(lambda: _("Save this session"), "check"))
        self.save_button.clicked.connect(self.save)
        self.finish_layout()

    def ask_day(self) -> None:
        self.ctx.nav().push(
            PickDayScreen(
                self.ctx, lambda: _("What day is it?"), self.today, self.day, self.set_day
            )
        )

    def ask_time(self) -> None:
        self.ctx.nav().push(
            PickTimeScreen(
                self.ctx, lambda: _("What time does it start?"), self.start_time, self.set_time
            )
        )

    def set_day(self, day: date) -> None:
        self.day = day
        self._show_answer(self.day_box, "day")

    def set_time(self, at: time) -> None:
        self.start_time = at
        self._show_answer(self.time_box, "time")

    def _show_answer(self, button: BigButton, name: str) -> None:
        button.retranslate()
        button.setAccessibleName(f"{self._labels[name]}: {button.label()}")

    def keep_answers(self) -> None:
        d = self.driver.form.draft
        d.with_whom = self.with_whom.text()
        d.day = self.day
        d.start_time = self.start_time
        d.duration_minutes = int(self.length_box.currentData())
        d.link = self.link_box.text()
        d.phone = self.phone_box.text()
        d.notes = self.notes_box.toPlainText()
        d.repeat = str(self.repeat_box.currentData())

    def save(self) -> None:
        self.keep_answers()
        for step in self.driver.form.steps:
            problem = self.driver.form.problem(step)
            if problem:
                self._problem = problem
                self.problem_label.setText(problem)
                self.problem_label.setVisible(True)
                self.ctx.speech.say(problem)
                return
        self.driver.save()
