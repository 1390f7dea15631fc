"""Every field of the session form on one page, for a caregiver who types faster than steps."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from companion.appointments.form import LENGTH_CHOICES, REPEAT_WORDS
from companion.i18n import _
from ui.context import AppContext
from ui.widgets.big_button import BigButton
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
        day = draft.day or date.today()
        self.day_box = QDateEdit(QDate(day.year, day.month, day.day))
        self.day_box.setCalendarPopup(True)
        self.day_box.setDisplayFormat("dddd d MMMM yyyy")
        self.time_box = QTimeEdit(QTime(draft.start_time.hour, draft.start_time.minute))
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
            widget.setAccessibleName(labels[name])
            layout.addRow(labels[name], widget)
        self.add_widget(form)
        self._extra_focusables.extend(self.fields.values())
        self._problem = ""
        self.problem_label = self.add_text(lambda: self._problem, notice=True)
        self.problem_label.setVisible(False)
        self.save_button = self.add_choice(BigButton(lambda: _("Save this session"), "check"))
        self.save_button.clicked.connect(self.save)
        self.finish_layout()

    def keep_answers(self) -> None:
        d = self.driver.form.draft
        d.with_whom = self.with_whom.text()
        qday, qtime = self.day_box.date(), self.time_box.time()
        d.day = date(qday.year(), qday.month(), qday.day())
        d.start_time = time(qtime.hour(), qtime.minute())
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
