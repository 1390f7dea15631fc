"""Settings declared once: each setting's type, default, title and allowed values with their
words (qutebrowser's configdata `valid_values` is the model).

Settings, the first-run setup, the helper screens and presets read the choices and their words
from here; `check_settings` reads a settings-shaped file (settings.json, a preset) through each
setting's msgspec schema. `companion.config.SettingsStore` keeps the values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any, Literal

import msgspec

from companion.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _
from companion.schemas import UNKNOWN, Refusal, SchemaError, convert

SETTINGS_FILE_NAME = "settings.json"
TEXT_SCALES: tuple[int, ...] = (100, 125, 150, 175, 200)
MAX_TEXT_SETTING = 2000  # the longest free text a setting keeps (trusted websites)


@dataclass(frozen=True)
class Option:
    """One value of a setting and the words for it (N_; `{value}` is filled in), like
    qutebrowser's `valid_values`; Settings, setup and the helper screens show these words."""

    value: Any
    label: str
    explanation: str = ""


@dataclass(frozen=True)
class Setting:
    """One setting: its type, default, and what values it accepts, with their words."""

    name: str
    kind: type
    default: Any
    title: str
    # The allowed values with their words; for a setting with a minimum and maximum, the named
    # points of its range that screens offer (any value in the range is allowed).
    options: tuple[Option, ...] = field(default=())
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    # The person's own (their look and voice): kept in their encrypted database and applied
    # when their data opens. The others belong to the PC and its helper.
    personal: bool = False

    @property
    def choices(self) -> tuple[Any, ...]:
        """The allowed values when only the options are allowed (empty for a range or text)."""
        return tuple(o.value for o in self.options) if self.minimum is None else ()

    def label(self, value: Any) -> str:
        """The words for `value` in the person's language (the value itself when it has none)."""
        for option in self.options:
            if option.value == value and type(option.value) is type(value):
                return _(option.label).format(value=value)
        return str(value)

    @cached_property
    def schema(self) -> Any:
        """The msgspec type every stored, preset or chosen value is checked against."""
        if self.kind is bool:
            return bool
        if self.choices:
            return Literal.__getitem__(self.choices)
        if self.kind is str:
            return Annotated[str, msgspec.Meta(max_length=MAX_TEXT_SETTING)]
        if self.kind is int and self.minimum is not None and self.maximum is not None:
            return Annotated[int, msgspec.Meta(ge=int(self.minimum), le=int(self.maximum))]
        return self.kind

    def validate(self, value: Any, file: str = SETTINGS_FILE_NAME) -> Any:
        """Return `value` if allowed, else raise SchemaError (a ValueError) naming the setting."""
        checked: Any = convert(value, self.schema, file, field=self.name)
        return checked


def setting_options(name: str) -> tuple[Option, ...]:
    """The values a screen offers for setting `name`, with their words (from SETTINGS)."""
    return SETTINGS_BY_NAME[name].options


def options_of(values: tuple[Any, ...], words: dict[Any, str] | None = None) -> tuple[Option, ...]:
    return tuple(Option(v, (words or {}).get(v, str(v))) for v in values)


SETTINGS: tuple[Setting, ...] = (
    # Each language's name in itself: the same words whatever the language now.
    Setting(
        "language", str, "en", N_("Language"), options_of(LANGUAGES, LANGUAGE_NAMES), personal=True
    ),
    Setting(
        "text_scale",
        int,
        100,
        N_("Text size"),
        tuple(Option(size, "{value} %") for size in TEXT_SCALES),
        personal=True,
    ),
    Setting(
        "theme",
        str,
        "standard",
        N_("Colours"),
        (
            Option("standard", N_("Standard colours")),
            Option("high_contrast", N_("High contrast")),
            Option("dark", N_("Dark")),
        ),
        personal=True,
    ),
    Setting(
        "follow_system_look",
        bool,
        True,
        N_("Use the computer's own colours and text size"),
        personal=True,
    ),
    Setting("less_motion", bool, False, N_("Less motion"), personal=True),
    Setting(
        "speech_rate",
        int,
        150,
        N_("Speaking speed"),
        (Option(120, N_("Slowly")), Option(150, N_("Normal")), Option(190, N_("Quickly"))),
        minimum=80,
        maximum=260,
        step=20,
        personal=True,
    ),
    Setting(
        "speech_volume",
        int,
        90,
        N_("Speaking volume"),
        minimum=10,
        maximum=100,
        step=10,
        personal=True,
    ),
    Setting("read_steps_aloud", bool, False, N_("Read each step when it opens"), personal=True),
    Setting("talking_buttons", bool, False, N_("Talking buttons"), personal=True),
    Setting("speak_reminders", bool, True, N_("Say reminders aloud"), personal=True),
    Setting(
        "switch_mode",
        str,
        "off",
        N_("Switch access"),
        (
            Option("off", N_("No switch")),
            Option("one_switch", N_("One switch")),
            Option("two_switches", N_("Two switches")),
        ),
        personal=True,
    ),
    Setting(
        "scan_interval_ms",
        int,
        1500,
        N_("Scanning speed"),
        minimum=500,
        maximum=5000,
        step=250,
        personal=True,
    ),
    Setting("region", str, "CA", N_("Region for crisis lines")),
    # Caregiver setup and community-centre mode (issue 8).
    Setting("first_run_done", bool, False, N_("First setup finished")),
    Setting(
        "shared_pc",
        bool,
        False,
        N_("Several people use this computer"),
        (
            Option(
                False,
                N_("Just me"),
                N_(
                    "One person uses Companion here, at home. It starts with the computer, "
                    "so reminders come even when it is closed."
                ),
            ),
            Option(
                True,
                N_("Several people"),
                N_("A community centre or a shared home. Each person has a PIN, and guests too."),
            ),
        ),
    ),
    # Honoured on a shared PC only; 0 turns the auto-lock off.
    Setting(
        "autolock_minutes",
        int,
        10,
        N_("Lock after this many idle minutes"),
        (
            Option(0, N_("Never lock by itself")),
            *(Option(m, N_("Lock after {value} minutes")) for m in (2, 5, 10, 15, 30)),
        ),
        minimum=0,
        maximum=60,
    ),
    Setting("trusted_link_domains", str, "", N_("Trusted video session websites")),
    # Reminders with Companion closed (issue 21). The helper's choice; the setup step offers it
    # on for one person at home and off in community-centre mode.
    Setting("start_with_computer", bool, False, N_("Start Companion when the computer starts")),
    Setting("background_reminders", bool, True, N_("Remind me when Companion is closed")),
    Setting("told_about_tray", bool, False, N_("Told once that Companion keeps running")),
)
SETTINGS_BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}
THEMES: tuple[str, ...] = SETTINGS_BY_NAME["theme"].choices
SWITCH_MODES: tuple[str, ...] = SETTINGS_BY_NAME["switch_mode"].choices


def check_settings(table: dict[str, Any], file: str) -> tuple[dict[str, Any], list[Refusal]]:
    """The values of `table` (settings.json or a preset) that fit their declared settings, and a
    refusal naming the file and the setting for each one that does not (kept apart, never
    raised: one bad value must not lose the others)."""
    valid: dict[str, Any] = {}
    refused: list[Refusal] = []
    for name, value in table.items():
        setting = SETTINGS_BY_NAME.get(name)
        if setting is None:
            refused.append(Refusal(file, name, UNKNOWN))
            continue
        try:
            valid[name] = setting.validate(value, file)
        except SchemaError as exc:
            refused.append(exc.refusal)
    return valid, refused
