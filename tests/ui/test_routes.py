"""Every declared route opens by name, with sample data, in a real window (tests/ui/routes.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui.routes import (
    NO_ARGUMENTS,
    SAMPLES,
    all_routes,
    open_route,
    open_sample_pc,
    routes_without_samples,
    sample_arguments,
)
from ui.app import MainWindow
from ui.context import AppContext
from ui.router import Route, Router, UnknownRouteError
from ui.widgets.screen import Screen


@pytest.fixture
def sample_pc(qtbot, make_ctx: Callable[..., AppContext], tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    ctx = make_ctx()
    window = open_sample_pc(qtbot, ctx, tmp_path / "data")
    yield window
    if ctx.session is not None:
        ctx.session.close()


def test_every_route_has_sample_data_and_every_sample_a_route(sample_pc: MainWindow) -> None:
    names = all_routes(sample_pc)
    assert routes_without_samples(names) == []
    assert sorted((SAMPLES.keys() | NO_ARGUMENTS) - set(names)) == []


def test_every_route_opens_by_name_and_shows(sample_pc: MainWindow) -> None:
    names = all_routes(sample_pc)
    assert {"home", "help_now", "checkin", "checkin.history", "people.unlock"} <= set(names)
    for name in names:
        screen = open_route(sample_pc, name)
        assert sample_pc.current() is screen, name
        assert screen.isVisible(), name
        assert screen.title(), name  # a person sees where they are
        # The window names the screen (the report preview counts its pages only once laid
        # out, after the window took its title: compare the words before the count).
        assert sample_pc.windowTitle().startswith(f"Companion: {screen.title()[:6]}"), name


def test_every_first_run_step_opens_by_name(sample_pc: MainWindow) -> None:
    from companion.setup.flow import STEPS

    titles = [sample_pc.open("setup.step", index=i).title() for i in range(len(STEPS))]
    assert all(titles) and len(set(titles)) == len(STEPS)


def test_a_route_without_sample_data_is_named() -> None:
    """The check can fail: a screen added to a feature without its line in tests/ui/routes.py."""
    assert routes_without_samples(["home", "checkin.new_screen"]) == ["checkin.new_screen"]
    with pytest.raises(KeyError, match=r"checkin\.new_screen"):
        sample_arguments(None, "checkin.new_screen")  # type: ignore[arg-type]


def test_home_opens_its_choices_by_name(sample_pc: MainWindow) -> None:
    from ui.features import home_choices

    names = set(all_routes(sample_pc))
    assert [c.route for c in home_choices() if c.route not in names] == []


def test_a_feature_declares_only_its_own_names_and_each_once() -> None:
    def screen(ctx: AppContext) -> Screen:
        raise AssertionError("never built")

    with pytest.raises(ValueError, match="twice"):
        Router([Route("home", screen), Route("home", screen)])
    router = Router([Route("home", screen)])
    with pytest.raises(UnknownRouteError):
        router.route("checkin.nowhere")
