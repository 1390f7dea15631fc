"""Voice settings: speed and volume with "Try it", then reading steps aloud and talking buttons."""

from __future__ import annotations

from functools import partial

from companion.i18n import _
from ui.context import AppContext
from ui.screens.settings.options import setting_title
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class SpeechSettingsScreen(Screen):
    """Slower / faster, quieter / louder, a sample, and the way to the speaking options."""

    screen_id = "speech_settings"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Voice"))
        self.state_label = self.add_text(self._state)
        if not ctx.speech.available and ctx.speech.problem:
            self.add_text(lambda: ctx.speech.problem or "", notice=True)
        self.slower = self.add_choice(BigButton(lambda: _("Slower"), "back"))
        self.faster = self.add_choice(BigButton(lambda: _("Faster"), "next"))
        self.quieter = self.add_choice(BigButton(lambda: _("Quieter"), "read-aloud"))
        self.louder = self.add_choice(BigButton(lambda: _("Louder"), "read-aloud"))
        self.try_it = self.add_choice(BigButton(lambda: _("Try it"), "read-aloud"))
        self.more = self.add_choice(BigButton(lambda: _("When Companion speaks"), "settings"))
        self.slower.clicked.connect(partial(self._change, "speech_rate", -1))
        self.faster.clicked.connect(partial(self._change, "speech_rate", +1))
        self.quieter.clicked.connect(partial(self._change, "speech_volume", -1))
        self.louder.clicked.connect(partial(self._change, "speech_volume", +1))
        self.try_it.clicked.connect(self.sample)
        self.more.clicked.connect(lambda: ctx.nav().push(SpeakingOptionsScreen(ctx)))
        self.finish_layout()

    def _state(self) -> str:
        s = self.ctx.settings
        return _("Speed: {rate} words a minute. Volume: {volume} %.").format(
            rate=s.get("speech_rate"), volume=s.get("speech_volume")
        )

    def _change(self, name: str, direction: int) -> None:
        self.ctx.settings.nudge(name, direction)
        self.state_label.setText(self._state())
        self.sample()

    def sample(self) -> None:
        """Say a short sentence with the voice as it is now set."""
        self.ctx.speech.stop()
        self.ctx.speech.say(_("Hello. This is how I sound now."))


class SpeakingOptionsScreen(Screen):
    """Two on/off choices, each with its own sample."""

    screen_id = "speaking_options"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("When Companion speaks"))
        # What each choice does; where room is short they fold behind "Tell me more", and the
        # "Try" choices let the person hear it instead.
        self.add_text(
            lambda: _(
                "Read each step when it opens: each step of a check-in or an "
                "exercise is said aloud as it appears."
            ),
            explain=True,
        )
        self.add_text(
            lambda: _(
                "Talking buttons: the name of a button is said when you move to "
                "it, or when switch scanning lights it up."
            ),
            explain=True,
        )
        self.read_steps = self.add_choice(
            BigButton(setting_title("read_steps_aloud"), "read-aloud", checkable=True)
        )
        self.try_steps = self.add_choice(BigButton(lambda: _("Try reading a step"), "read-aloud"))
        self.talking = self.add_choice(
            BigButton(setting_title("talking_buttons"), "read-aloud", checkable=True)
        )
        self.try_talking = self.add_choice(
            BigButton(lambda: _("Try talking buttons"), "read-aloud")
        )
        self.reminders = self.add_choice(
            BigButton(setting_title("speak_reminders"), "read-aloud", checkable=True)
        )
        self.reminders.setChecked(ctx.settings.get("speak_reminders"))
        self.reminders.toggled.connect(lambda on: ctx.settings.set("speak_reminders", on))
        self.read_steps.setChecked(ctx.settings.get("read_steps_aloud"))
        self.talking.setChecked(ctx.settings.get("talking_buttons"))
        self.read_steps.toggled.connect(lambda on: ctx.settings.set("read_steps_aloud", on))
        self.talking.toggled.connect(lambda on: ctx.settings.set("talking_buttons", on))
        self.try_steps.clicked.connect(self._try_steps)
        self.try_talking.clicked.connect(self._try_talking)
        self.finish_layout()

    def _try_steps(self) -> None:
        self.ctx.speech.stop()
        self.ctx.speech.say(
            _(
                "How are you feeling today? You can choose: Very good, Good, Okay, "
                "Not good, Very bad."
            )
        )

    def _try_talking(self) -> None:
        self.ctx.speech.stop()
        self.ctx.speech.say(_("Get help now."))
