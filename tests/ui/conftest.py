"""Fixtures for driving the real widgets offscreen with pytest-qt."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from companion.config import SettingsStore
from companion.i18n import set_language
from companion.paths import content_dir
from companion.people.profiles import People, guest_session, open_people
from companion.safety.crisis import load_crisis_directory
from tests.fast_argon2 import FAST
from tests.ui.layout_check import stale_item_wrappers
from tests.ui.recording_speech import RecordingSpeech
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.launch import build_context
from ui.start import install_start


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test(qapp: QApplication) -> Iterator[None]:
    """Every window a test made is closed and really deleted before the next test starts.

    pytest-qt closes the widgets a test registered and calls deleteLater(), but only pumps
    events with processEvents(), which never runs deferred deletes: without this, every window
    of every earlier test stays alive, hidden, and an application-wide setStyleSheet() re-polishes
    them all (slow, and in the whole suite a crash). A top-level widget that a test made without
    registering it is closed here too, and named, so the leak is fixed where it starts.
    """
    yield
    stale = stale_item_wrappers()  # see ui/widgets/layout_items.py: each one can crash later
    # Windows a test dropped, and the cycles around them, go now, between tests: left to the
    # cyclic garbage collector they would be deleted at a random moment of a later test, perhaps
    # while Qt walks every widget to apply a style sheet.
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leftovers = [w for w in QApplication.topLevelWidgets() if not w.isHidden()]
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not leftovers, f"windows left open by the test: {[type(w).__name__ for w in leftovers]}"
    assert not stale, f"Python still holds layout items Qt deleted: {stale} (see layout_items)"


@pytest.fixture
def speech() -> RecordingSpeech:
    return RecordingSpeech()


@pytest.fixture
def make_ctx(tmp_path: Path, speech: RecordingSpeech) -> Callable[..., AppContext]:
    def build(*, with_person: bool = True, **settings: object) -> AppContext:
        """A context with fresh settings; `with_person` opens a memory-only (guest) session."""
        crisis, problem = load_crisis_directory(content_dir())
        assert problem is None
        store = SettingsStore(tmp_path / "settings.json", regions=crisis.codes())
        # Spoken reminders would put words in every test's speech record; the tests of that
        # feature turn them on.
        settings.setdefault("speak_reminders", False)
        for name, value in settings.items():
            store.set(name, value)
        # The launcher's own composition root, with the honest fakes only: a fixed clock, a
        # speech recorder, and cheap Argon2 for the helper's PIN so tests that set one stay fast.
        return build_context(
            store,
            FixedClock(),
            tmp_path,
            content_dir(),
            crisis,
            speech,  # type: ignore[arg-type]
            session=guest_session() if with_person else None,
            argon2=FAST,
        )

    return build


@pytest.fixture
def window(qtbot: QtBot, make_ctx: Callable[..., AppContext]) -> Iterator[MainWindow]:
    win = build_window(make_ctx())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    set_language("en")


# The people screens: a data folder of people and a window opened on the picker. --------------
@pytest.fixture
def ctx(make_ctx: Callable[..., AppContext]) -> AppContext:
    return make_ctx()


@pytest.fixture
def people(tmp_path: Path, ctx: AppContext) -> People:
    return open_people(tmp_path / "data", ctx.clock, keyring=None, argon2=FAST)


@pytest.fixture
def start(qtbot: QtBot, ctx: AppContext, people: People) -> Callable[[], MainWindow]:
    """A window opened the way the launcher does when the picker is needed."""

    def build() -> MainWindow:
        ctx.session = guest_session()
        ctx.parts.people = people
        window = build_window(ctx)
        qtbot.addWidget(window)
        install_start(window, needs_person_picker=True)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build
