"""Respect the OS: its dark or high-contrast scheme and text scaling, unless the person chose."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from companion.appearance import starting_look
from companion.config import SettingsStore
from ui.screens.setup.system_look import os_look, scale_from_dpi


@pytest.mark.parametrize(
    ("dpi", "scale"), [(96, None), (90, None), (120, 125), (144, 150), (168, 175), (240, 200)]
)
def test_the_os_text_scaling_becomes_one_of_our_sizes(dpi: float, scale: int | None) -> None:
    assert scale_from_dpi(dpi) == scale


def test_the_offscreen_os_reports_nothing_so_the_defaults_stand(qapp: QApplication) -> None:
    theme, scale = os_look(qapp)
    assert theme in (None, "dark", "high_contrast") and scale is None
    settings = SettingsStore(None)
    assert starting_look(settings.snapshot(), theme, scale)[1] == 100


def test_a_person_who_chose_colours_keeps_them_whatever_the_os_says() -> None:
    settings = SettingsStore(None)
    assert starting_look(settings.snapshot(), "dark", 150) == ("dark", 150)
    settings.set("theme", "high_contrast")  # ColoursScreen also turns follow_system_look off
    settings.set("follow_system_look", False)
    assert starting_look(settings.snapshot(), "dark", 150) == ("high_contrast", 100)
