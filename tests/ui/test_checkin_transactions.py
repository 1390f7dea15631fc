"""A check-in press on a person's real database is one transaction, run off the UI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.transactions import counting_transactions
from tests.ui.launcher import open_new_pc
from tests.ui.runner_wait import wait_for_runner
from ui.context import AppContext
from ui.screens.checkin.done import ThankYouScreen
from ui.screens.checkin.hub import CheckInHubScreen
from ui.screens.checkin.steps import MoodStepScreen, NoteStepScreen, TagsStepScreen


def test_each_check_in_press_is_one_transaction(  # type: ignore[no-untyped-def]
    qtbot, make_ctx: Callable[..., AppContext]
) -> None:
    ctx = make_ctx(with_person=False)
    window = open_new_pc(qtbot, ctx, ctx.data_dir / "pc")
    database = ctx.session.database
    assert database is not None

    def press(widget: QWidget) -> None:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        wait_for_runner(qtbot, ctx)

    hub = CheckInHubScreen(ctx)
    window.push(hub)
    wait_for_runner(qtbot, ctx)
    with counting_transactions(database) as count:
        press(hub.checkin_button)
        assert count.take() == 1  # is there a check-in to carry on? one read
        mood = window.current()
        assert isinstance(mood, MoodStepScreen)
        press(mood.faces["good"])
        assert count.take() == 1  # the face: saved and on to the next step, together
        tags = window.current()
        assert isinstance(tags, TagsStepScreen)
        press(tags.tags["sleep"])
        assert count.take() == 1
        window.back()  # back to the faces: nothing to write
        wait_for_runner(qtbot, ctx)
        assert count.take() == 0
        mood = window.current()
        assert isinstance(mood, MoodStepScreen) and mood.faces["good"].isChecked()
        press(mood.faces["good"])
        assert count.take() == 0  # the same face again changes nothing, so writes nothing
        tags = window.current()
        assert isinstance(tags, TagsStepScreen) and tags.tags["sleep"].isChecked()
        press(tags.next_button)
        assert count.take() == 0  # already saved
        note = window.current()
        assert isinstance(note, NoteStepScreen)
        qtbot.keyClicks(note.note_box, "Tea with Anne.")
        press(note.finish_button)
        assert count.take() == 1  # kept, and the last 30 days read for the safety rules
    assert isinstance(window.current(), ThankYouScreen)
    [saved] = ctx.session.checkins.checkins_between(
        ctx.clock.now().replace(year=2000), ctx.clock.now().replace(year=2100)
    )
    assert (saved.mood, saved.tags, saved.note) == ("good", {"sleep"}, "Tea with Anne.")
    ctx.runner.run(ctx.session.close)
    wait_for_runner(qtbot, ctx)
