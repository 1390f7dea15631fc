""" "Read this to me" says the screen in reading order and marks the sentence being said."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from ui.app import MainWindow
from ui.screens.help_now.screen import HelpNowScreen


def test_home_is_read_title_then_texts_then_choices(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    press(qtbot, window, "Read this to me")
    assert speech.texts() == [
        "You are a guest. Nothing you do is kept.",  # this window's session is a guest's
        "What would you like to do?",
        "Would you like to check in?",  # the gentle daily reminder, due at this test's noon
        "It takes about a minute.",
        "You can choose: How am I feeling?, My video sessions, Learn and feel better, Settings.",
    ]
    assert window.top_bar.read_button.accessibleName() == "Stop reading"


def test_the_sentence_being_said_is_highlighted(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    window.show_help_now()
    screen = window.current()
    assert isinstance(screen, HelpNowScreen)
    press(qtbot, window, "Read this to me")
    texts = speech.texts()
    assert texts[0] == "You are a guest. Nothing you do is kept."  # a guest hears it first
    assert texts[1] == "Get help now"
    assert texts[2].startswith("You can choose: Call or text 9-8-8.")  # the numbers come first
    # Then the side notes under the choices.
    assert texts[3].startswith("If you are thinking of hurting yourself")
    assert texts[-2:] == ["Companion does not call anyone for you.", "You make the call."]
    title_id, note_id = speech.queued[1][0], speech.queued[3][0]
    speech.started.emit(title_id)
    assert "<span" in screen.title_label.text()
    speech.finished.emit(title_id, True)
    speech.started.emit(note_id)
    assert "<span" not in screen.title_label.text()
    note = next(
        label for label in screen.findChildren(QLabel) if "hurting yourself" in label.text()
    )
    assert "<span" in note.text()


def test_pressing_again_or_leaving_stops_reading(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    press(qtbot, window, "Read this to me")
    press(qtbot, window, "Stop reading")
    assert speech.stops == 1
    assert window.top_bar.read_button.accessibleName() == "Read this to me"
    press(qtbot, window, "Read this to me")
    home = window.current()
    window.push(type(home)(window.ctx))
    assert speech.stops == 2  # leaving a screen stops its reading
    assert not window.reader.reading
    # Except that Get help now, opened while something was being read, is read in turn (#17).
    press(qtbot, window, "Read this to me")
    queued = len(speech.queued)
    press(qtbot, window, "Get help now")
    assert speech.stops == 3  # the reading of the screen left behind was stopped
    assert window.reader.reading
    assert speech.texts()[queued:][0] == "Get help now"


def test_reading_ends_when_the_last_sentence_is_done(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    press(qtbot, window, "Read this to me")
    for utterance_id, _text in speech.queued:
        speech.started.emit(utterance_id)
        speech.finished.emit(utterance_id, True)
    assert not window.reader.reading
    assert window.top_bar.read_button.accessibleName() == "Read this to me"


def test_the_highlight_changes_colour_not_layout(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    from ui.widgets.screen import Screen

    screen = Screen(window.ctx)
    screen.set_title(lambda: "A short page")
    body = screen.add_text(lambda: "First part. It has two sentences.\n\nSecond part, after a gap.")
    screen.finish_layout()
    window.push(screen)
    width = body.width()
    before = (body.heightForWidth(width), body.sizeHint().height())
    press(qtbot, window, "Read this to me")
    said = dict((text, utterance) for utterance, text in speech.queued)
    speech.started.emit(said["Second part, after a gap."])
    assert "<span" in body.text() and "<br><br>" in body.text()  # the blank line is kept
    assert (body.heightForWidth(width), body.sizeHint().height()) == before


def test_home_choices_are_highlighted_while_named(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    home = window.current()
    press(qtbot, window, "Read this to me")
    utterance, sentence = speech.queued[-1]
    assert sentence.startswith("You can choose: ")
    speech.started.emit(utterance)
    sessions = home.buttons["sessions"]  # type: ignore[attr-defined]
    speech.word.emit(utterance, sentence.index("My video sessions") + 3, 5)
    assert sessions.property("speaking") is True
    assert not home.buttons["checkin"].property("speaking")  # type: ignore[attr-defined]
    speech.word.emit(utterance, sentence.index("Settings"), 8)
    assert not sessions.property("speaking")
    assert home.buttons["settings"].property("speaking") is True  # type: ignore[attr-defined]
    speech.finished.emit(utterance, True)
    assert not home.buttons["settings"].property("speaking")  # type: ignore[attr-defined]


def test_with_no_speech_read_this_to_me_says_so_once(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    speech.available = False
    speech.problem = "Speech is not working on this computer."
    home = window.current()
    for _press in range(3):
        press(qtbot, window, "Read this to me")
        assert window.top_bar.read_button.accessibleName() == "Read this to me"
    assert not window.reader.reading and speech.queued == []
    shown = [label for label in home.findChildren(QLabel) if label.text() == speech.problem]
    assert len(shown) == 1 and shown[0].isVisible()
