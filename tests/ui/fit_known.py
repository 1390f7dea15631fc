"""The screens and looks that do not fit today, and why (tests/ui/test_every_screen_fits.py).

Each entry: a case (a route name, or "setup.step N"), the kinds of problem it has ("off":
a control outside the visible area, "small": under 64 x 64, "unnamed", "cut": words cut), the
looks it has them at (None: every look checked) and why. Delete an entry when its screen is
fixed: the test fails while a listed failure passes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Known:
    case: str
    kinds: frozenset[str]
    reason: str
    themes: tuple[str, ...] | None = None
    scales: tuple[int, ...] | None = None
    languages: tuple[str, ...] | None = None
    sizes: tuple[tuple[int, int], ...] | None = None

    def matches(
        self, case: str, theme: str, scale: int, language: str, size: tuple[int, int]
    ) -> bool:
        return (
            case == self.case
            and (self.themes is None or theme in self.themes)
            and (self.scales is None or scale in self.scales)
            and (self.languages is None or language in self.languages)
            and (self.sizes is None or size in self.sizes)
        )


# "parts": the screen is not on the screen-fit layout yet (#15 item 1): where its words and
# choices do not fit it gives way to reading by parts, so these choices sit below the first part
# ("Next part" reaches them, a scroll bar shows) instead of being on screen or on a page.
PARTS = "Reads by parts: choices below the first part"
# "off": below the edge with no "Next part" either: only the thin scroll bar reaches it.
OFF = "Below the edge with no Next part, only the scroll bar reaches it"

# Empty since 2026-12-01: every route fits every look (187 checks failed that morning). A new
# screen that cannot fit yet is listed here with its reason, never silently skipped.
KNOWN: tuple[Known, ...] = ()
