"""Every theme meets the contrast numbers of ACCESSIBILITY.md, computed from its palette."""

from __future__ import annotations

import pytest

from ui.palettes import (
    EDGE_CONTRAST_MINIMUM,
    EDGE_PAIRS,
    HIGH_CONTRAST_TEXT_MINIMUM,
    PALETTES,
    TEXT_CONTRAST_MINIMUM,
    TEXT_PAIRS,
    contrast_ratio,
)


def test_contrast_maths_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_text_contrast(theme: str) -> None:
    colours = PALETTES[theme].colours()
    minimum = HIGH_CONTRAST_TEXT_MINIMUM if theme == "high_contrast" else TEXT_CONTRAST_MINIMUM
    for fg, bg in TEXT_PAIRS:
        ratio = contrast_ratio(colours[fg], colours[bg])
        assert ratio >= minimum, f"{theme}: {fg} on {bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_edges_and_focus_ring_contrast(theme: str) -> None:
    colours = PALETTES[theme].colours()
    for fg, bg in EDGE_PAIRS:
        ratio = contrast_ratio(colours[fg], colours[bg])
        assert ratio >= EDGE_CONTRAST_MINIMUM, f"{theme}: {fg} next to {bg} is {ratio:.2f}:1"
