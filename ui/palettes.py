"""The three colour schemes as plain data, and the WCAG contrast maths that tests check them with.

No Qt here, so the numbers can be tested without a display.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Palette:
    window: str  # screen background
    text: str  # body text on window
    button: str  # button face
    button_text: str
    edge: str  # control borders, chart lines
    focus: str  # focus ring
    chosen: str  # face of a chosen (checked) button
    chosen_text: str
    focus_on_chosen: str  # focus ring on a chosen button: focus alone can vanish on its face
    speaking: str  # background of the sentence being read aloud
    speaking_text: str
    top_bar: str
    top_bar_text: str
    help_button: str  # Get help now stands out
    help_button_text: str
    disabled_text: str

    def colours(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


PALETTES: dict[str, Palette] = {
    "standard": Palette(
        window="#FAF8F5",
        text="#1A1A1A",
        button="#E6EDF7",
        button_text="#101820",
        edge="#4A5568",
        focus="#0050C8",
        chosen="#1F4E99",
        chosen_text="#FFFFFF",
        focus_on_chosen="#FFD54F",
        speaking="#FFE680",
        speaking_text="#101010",
        top_bar="#E9E4DC",
        top_bar_text="#1A1A1A",
        help_button="#9E1B1B",
        help_button_text="#FFFFFF",
        disabled_text="#454545",
    ),
    "high_contrast": Palette(
        window="#000000",
        text="#FFFFFF",
        button="#000000",
        button_text="#FFFFFF",
        edge="#FFFFFF",
        focus="#FFFF00",
        chosen="#FFFF00",
        chosen_text="#000000",
        focus_on_chosen="#D000D0",
        speaking="#FFFF00",
        speaking_text="#000000",
        top_bar="#000000",
        top_bar_text="#FFFFFF",
        help_button="#000000",
        help_button_text="#FFFF00",
        disabled_text="#E0E0E0",
    ),
    "dark": Palette(
        window="#121212",
        text="#F0F0F0",
        button="#1E2A38",
        button_text="#F2F2F2",
        edge="#9AA5B1",
        focus="#FFD54F",
        chosen="#9CCBF5",
        chosen_text="#0A0A0A",
        focus_on_chosen="#1565C0",
        speaking="#FFE680",
        speaking_text="#101010",
        top_bar="#1C1C1C",
        top_bar_text="#F0F0F0",
        help_button="#F4B6B6",
        help_button_text="#2A0000",
        disabled_text="#BDBDBD",
    ),
}

# (foreground, background) pairs that are text, and the minimum ratio each theme needs.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("button_text", "button"),
    ("chosen_text", "chosen"),
    ("speaking_text", "speaking"),
    ("top_bar_text", "top_bar"),
    ("help_button_text", "help_button"),
    ("disabled_text", "button"),
)
# Non-text pairs (control edges, focus ring): WCAG 1.4.11 asks 3:1.
EDGE_PAIRS: tuple[tuple[str, str], ...] = (
    ("edge", "window"),
    ("focus", "window"),
    ("focus", "button"),
    ("focus", "top_bar"),
    ("edge", "top_bar"),
    # A chosen button has no border of its own: its face must stand out from the window, and
    # the focus ring on it must stand out from that face (yellow on yellow was 1.00:1).
    ("chosen", "window"),
    ("focus_on_chosen", "chosen"),
)
TEXT_CONTRAST_MINIMUM = 7.0
HIGH_CONTRAST_TEXT_MINIMUM = 15.0
EDGE_CONTRAST_MINIMUM = 3.0


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of an #RRGGBB colour."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two #RRGGBB colours (1 to 21)."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)
