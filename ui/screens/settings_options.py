"""Settings screens that each ask one question: text size, colours, language, switch access."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from companion.i18n import LANGUAGE_NAMES, N_, _
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

TextFn = Callable[[], str]


class ChoiceSettingScreen(Screen):
    """One setting, its allowed values as big buttons; the chosen one is marked and announced."""

    screen_id = "setting"

    def __init__(
        self,
        ctx: AppContext,
        setting: str,
        title_fn: TextFn,
        text_fn: TextFn,
        options: list[tuple[Any, TextFn]],
    ) -> None:
        super().__init__(ctx)
        self.setting = setting
        self.set_title(title_fn)
        self.add_text(text_fn)
        self.buttons: dict[Any, BigButton] = {}
        for value, label_fn in options:
            button = self.add_choice(BigButton(label_fn, checkable=True))
            button.clicked.connect(partial(self.choose, value))
            self.buttons[value] = button
        self.extend()
        self._sync()
        ctx.settings.subscribe(self._on_setting)
        self.finish_layout()

    def extend(self) -> None:
        """Subclasses add extra choices here."""

    def choose(self, value: Any) -> None:
        self.ctx.settings.set(self.setting, value)
        self._sync()

    def _on_setting(self, name: str, _value: Any) -> None:
        if name == self.setting:
            self._sync()

    def _sync(self) -> None:
        current = self.ctx.settings.get(self.setting)
        for value, button in self.buttons.items():
            button.setChecked(value == current)

    def on_closed(self) -> None:
        self.ctx.settings.unsubscribe(self._on_setting)
        super().on_closed()


def text_size_screen(ctx: AppContext) -> Screen:
    return ChoiceSettingScreen(
        ctx,
        "text_scale",
        lambda: _("Text size"),
        lambda: _("Choose a size. The change shows right away."),
        [(size, partial("{} %".format, size)) for size in (100, 125, 150, 175, 200)],
    )


def language_screen(ctx: AppContext) -> Screen:
    return ChoiceSettingScreen(
        ctx,
        "language",
        lambda: _("Language"),
        lambda: _("Choose the language for Companion."),
        [(code, partial(str, name)) for code, name in LANGUAGE_NAMES.items()],
    )


THEME_NAMES = {
    "standard": N_("Standard colours"),
    "high_contrast": N_("High contrast"),
    "dark": N_("Dark"),
}


class ColoursScreen(ChoiceSettingScreen):
    """Theme, plus "less movement" as an on/off button."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            "theme",
            lambda: _("Colours and movement"),
            lambda: _("Choose the colours that are easiest for you to see."),
            [(key, partial(_, THEME_NAMES[key])) for key in THEME_NAMES],
        )

    def extend(self) -> None:
        self.motion_button = self.add_choice(
            BigButton(lambda: _("Less movement"), "motion", checkable=True)
        )
        self.motion_button.setChecked(self.ctx.settings.get("less_motion"))
        self.motion_button.toggled.connect(lambda on: self.ctx.settings.set("less_motion", on))

    def choose(self, value: Any) -> None:
        self.ctx.settings.set("follow_system_look", False)
        super().choose(value)


SWITCH_NAMES = {
    "off": N_("No switch"),
    "one_switch": N_("One switch"),
    "two_switches": N_("Two switches"),
}


class SwitchAccessScreen(ChoiceSettingScreen):
    """Switch access mode, and the scanning speed with slower / faster buttons."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            "switch_mode",
            lambda: _("Switch access"),
            self._explain,
            [(key, partial(_, SWITCH_NAMES[key])) for key in SWITCH_NAMES],
        )

    def _explain(self) -> str:
        seconds = self.ctx.settings.get("scan_interval_ms") / 1000
        return _(
            "With one switch, the highlight moves by itself; press to choose. With two switches, "
            "Space moves and Enter chooses. Each step lasts {seconds} seconds."
        ).format(seconds=f"{seconds:g}")

    def extend(self) -> None:
        self.slower = self.add_choice(BigButton(lambda: _("Slower"), "back"))
        self.faster = self.add_choice(BigButton(lambda: _("Faster"), "next"))
        self.slower.clicked.connect(partial(self._change_speed, +1))  # a longer step is slower
        self.faster.clicked.connect(partial(self._change_speed, -1))

    def _change_speed(self, steps: int) -> None:
        self.ctx.settings.nudge("scan_interval_ms", steps)
        self.retranslate()
