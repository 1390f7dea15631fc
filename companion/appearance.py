"""The look to start with: the person's own choice, else what the operating system asks for."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from companion.config import SETTINGS_BY_NAME, TEXT_SCALES


def starting_look(
    stored: Mapping[str, Any], os_theme: str | None, os_text_scale: int | None
) -> tuple[str, int]:
    """The theme and text size to start with: the OS's where it says so and the person kept the
    default (with "Use the computer's own colours and text size" on); the person's choice wins."""
    theme = str(stored.get("theme", SETTINGS_BY_NAME["theme"].default))
    scale = int(stored.get("text_scale", SETTINGS_BY_NAME["text_scale"].default))
    if not stored.get("follow_system_look", True):
        return theme, scale
    themes = SETTINGS_BY_NAME["theme"]
    if os_theme is not None and os_theme in themes.choices and theme == themes.default:
        theme = os_theme
    if os_text_scale is not None and scale == SETTINGS_BY_NAME["text_scale"].default:
        fitting = [s for s in TEXT_SCALES if s <= os_text_scale]
        scale = max(fitting) if fitting else TEXT_SCALES[0]
    return theme, scale
