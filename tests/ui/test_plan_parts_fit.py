"""The whole plan at the tightest look (200% text, French, 1024 x 768): Previous part and Next
part are a row of their own, on screen on every page of the other choices, and those choices
page in at most three pages (#15). Before, the choices paged one a page with "Previous part"
among them: to reach "Next part" the person first pressed "More choices"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt

from companion.i18n import set_language
from tests.ui.fit import fit_problems, pages, settle, visible_rect
from tests.ui.routes import open_case, open_sample_pc, sample_arguments
from ui.context import AppContext
from ui.screens.safety_plan.view import PlanPartsScreen


def test_next_part_is_on_every_page_of_the_whole_plan(
    qtbot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(text_scale=200)
    window = open_sample_pc(qtbot, ctx, tmp_path / "data")
    try:
        ctx.settings.set("language", "fr")
        window.resize(1024, 768)
        settle()
        screen = open_case(window, "safety_plan.parts", sample_arguments(ctx, "safety_plan.parts"))
        assert isinstance(screen, PlanPartsScreen)
        grid = screen.paged_grid()
        assert grid is not None and grid.page_count() <= 3
        for page in pages(screen):
            assert fit_problems(window) == [], f"page {page + 1}"
            for name in ("Partie précédente", "Partie suivante"):
                [button] = [b for b in screen.choices() if b.accessibleName() == name]
                assert visible_rect(button, window).size() == button.size(), f"{name}, {page}"
        heading = screen.heading.text()
        [after] = [b for b in screen.choices() if b.accessibleName() == "Partie suivante"]
        qtbot.mouseClick(after, Qt.MouseButton.LeftButton)
        assert screen.index == 1 and screen.heading.text() != heading
    finally:
        set_language("en")
        if ctx.session is not None:
            ctx.session.close()
