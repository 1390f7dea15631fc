"""The first run's plain steps: a few big answers (language, speed, who), text size, name."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QLineEdit

from companion.config import TEXT_SCALES
from companion.i18n import N_, _
from companion.setup.flow import SetupChoice
from ui.screens.setup.flow import SetupStepScreen
from ui.widgets.big_button import BigButton
from ui.widgets.fit import RoomSaver

SAMPLE_SENTENCE = N_("Hello. This is how Companion sounds when it reads to you.")


class ChoiceStepScreen(SetupStepScreen):
    """A few big answers; choosing applies it at once (language, speech speed, who)."""

    def build(self) -> None:
        self.options: dict[Any, BigButton] = {}
        for option in self.step.choices:
            button = self.add_choice(
                BigButton(
                    partial(_, option.words),
                    checkable=True,
                    description_fn=partial(_, option.explanation) if option.explanation else None,
                )
            )
            button.clicked.connect(partial(self.choose, option.value))
            self.options[option.value] = button
        if any(o.explanation for o in self.step.choices):
            for option in self.step.choices:
                self.add_text(partial(_words_and_explanation, option), explain=True)
        self._sync()

    def _chosen(self) -> Any:
        assert self.step.setting is not None
        answered = getattr(self.run.flow.answers, self.step.setting)
        return answered if answered is not None else self.ctx.settings.get(self.step.setting)

    def _sync(self) -> None:
        chosen = self._chosen()
        for value, button in self.options.items():
            button.setChecked(value == chosen)

    def choose(self, value: Any) -> None:
        self.run.flow.choose(self.step.step_id, value)
        if self.step.setting in ("language", "speech_rate"):
            self.ctx.settings.set(self.step.setting, value)  # live: the app speaks and reads anew
        self._sync()
        if self.step.step_id == "voice":
            self.ctx.speech.stop()
            self.ctx.speech.say(_(SAMPLE_SENTENCE))

    def keep_answer(self) -> None:
        if getattr(self.run.flow.answers, self.step.setting or "") is None:
            self.run.flow.choose(self.step.step_id, self._chosen())


class ScaleStepScreen(SetupStepScreen):
    """Smaller / Bigger: the whole app (this screen and the top bar) is the live preview."""

    def build(self) -> None:
        self.now_label = self.add_text(self._now_text, notice=True)
        self.smaller = self.add_choice(BigButton(lambda: _("Smaller"), "text-size"))
        self.bigger = self.add_choice(BigButton(lambda: _("Bigger"), "text-size"))
        self.smaller.clicked.connect(partial(self.step_by, -1))
        self.bigger.clicked.connect(partial(self.step_by, +1))
        self._sync_ends()

    def step_savers(self) -> list[RoomSaver]:
        return [self._plain_now]

    def _plain_now(self, on: bool) -> None:
        """Room saver: "Now: 200 %" without its box (the same words, a line less tall)."""
        self.now_label.setStyleSheet("border: none; padding: 0px;" if on else "")
        if on:  # the style sheet sets a box's margins but never takes them back
            self.now_label.setContentsMargins(0, 0, 0, 0)

    def _sync_ends(self) -> None:
        size = self.ctx.settings.get("text_scale")
        self.smaller.setEnabled(size != TEXT_SCALES[0])
        self.bigger.setEnabled(size != TEXT_SCALES[-1])

    def _now_text(self) -> str:
        return _("Now: {size} %").format(size=self.ctx.settings.get("text_scale"))

    def step_by(self, direction: int) -> None:
        scales = list(TEXT_SCALES)
        at = scales.index(self.ctx.settings.get("text_scale"))
        size = scales[max(0, min(len(scales) - 1, at + direction))]
        self.run.flow.choose("text_size", size)
        self.ctx.settings.set("text_scale", size)  # the window restyles everything at once
        self.ctx.settings.set("follow_system_look", False)
        self.now_label.setText(self._now_text())
        self._sync_ends()
        self.setAccessibleDescription(self._now_text())


class NameStepScreen(SetupStepScreen):
    """One text box for the name, filled in again when coming back."""

    def build(self) -> None:
        self.name_box = QLineEdit(self.run.flow.answers.name or "")
        self.name_box.setAccessibleName(_("Your name"))
        self.name_box.setMaxLength(60)
        self.name_box.returnPressed.connect(self.next)
        self.add_widget(self.name_box)
        self.fields.append(self.name_box)

    def keep_answer(self) -> None:
        self.run.flow.set_name(self.name_box.text())

    def retranslate(self) -> None:
        super().retranslate()
        self.name_box.setAccessibleName(_("Your name"))

    def on_shown(self) -> None:
        super().on_shown()
        self.name_box.setFocus()


def _words_and_explanation(option: SetupChoice) -> str:
    return f"{_(option.words)}: {_(option.explanation)}"
