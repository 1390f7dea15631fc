"""Learn as a person meets it: topic tiles, the reader page by page, by keyboard and switches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import open_learn, press_by_keyboard, press_by_two_switches, tab_to
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.learn.lists import PagedListScreen
from ui.screens.learn.reader import ReaderScreen
from ui.screens.learn.search import SearchScreen


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def _button_named(screen: PagedListScreen, name: str) -> QWidget:
    for _ in range(screen.page_count):
        for button in screen.item_buttons:
            if button.isVisible() and button.accessibleName() == name:
                return button
        if screen.more_button.isEnabled():
            screen.more_button.click()
    raise AssertionError(f"no {name!r} in {screen.title()}")


def test_an_article_read_to_the_end_by_keyboard_alone(qtbot: QtBot, window: MainWindow) -> None:
    learn = open_learn(window)
    assert not learn.continue_button.isVisible()
    press_by_keyboard(qtbot, window, learn.topics_button)
    topics = window.current()
    assert isinstance(topics, PagedListScreen)
    tiles = [b for b in topics.item_buttons if b.isVisible()]
    assert all(b.icon_name and not b.icon().isNull() for b in tiles), "icons never alone"
    press_by_keyboard(qtbot, window, _button_named(topics, "Sleep"))
    articles = window.current()
    assert isinstance(articles, PagedListScreen)
    assert articles.item_buttons[0].accessibleName() == "Sleeping better"  # its main topic
    press_by_keyboard(qtbot, window, articles.item_buttons[0])

    reader = window.current()
    assert isinstance(reader, ReaderScreen)
    pages = len(reader.article().pages)
    assert pages >= 3
    seen = []
    for page in range(pages):
        assert reader.position_label.text().startswith(f"Page {page + 1} of {pages}")
        seen.append(reader.page_label.text())
        while reader.next_button.accessibleName() == "Next part":  # a long page, by parts
            press_by_keyboard(qtbot, window, reader.next_button)
        if page < pages - 1:
            press_by_keyboard(qtbot, window, reader.next_button)
    assert len(set(seen)) == pages
    assert reader.next_button.accessibleName() == "Finish"
    assert reader.try_button.isVisible()
    assert reader.try_button.accessibleName() == "Try this: Relax your body"
    assert "Sources:" in reader.sources_label.text()
    tab_to(qtbot, window, reader.favourite_button)
    qtbot.keyClick(reader.favourite_button, Qt.Key.Key_Space)
    assert reader.favourite_button.isChecked()
    assert "Chosen" in reader.favourite_button.accessibleDescription()
    press_by_keyboard(qtbot, window, reader.next_button)  # Finish
    assert window.current() is articles


def test_back_on_the_first_page_is_off_and_escape_leaves_the_reader(
    qtbot: QtBot, window: MainWindow
) -> None:
    learn = open_learn(window)
    window.push(ReaderScreen(window.ctx, "worry"))
    reader = window.current()
    assert isinstance(reader, ReaderScreen)
    assert not reader.previous_button.isEnabled()
    press_by_keyboard(qtbot, window, reader.next_button)
    press_by_keyboard(qtbot, window, reader.previous_button)
    assert reader.page == 0
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current() is learn


def test_continue_where_you_stopped(qtbot: QtBot, window: MainWindow) -> None:
    learn = open_learn(window)
    window.push(ReaderScreen(window.ctx, "grief"))
    reader = window.current()
    reader.next_button.click()
    reader.next_button.click()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current() is learn
    wait_for_runner(qtbot, window)  # where reading stopped is read on the runner
    assert learn.continue_button.isVisible()
    assert learn.continue_button.accessibleName() == "Continue reading: Grief and loss"
    press_by_keyboard(qtbot, window, learn.continue_button)
    again = window.current()
    assert isinstance(again, ReaderScreen)
    assert (again.article_id, again.page) == ("grief", 2)


def test_favourites_list_shows_what_was_starred(qtbot: QtBot, window: MainWindow) -> None:
    learn = open_learn(window)
    learn.favourites_button.click()
    favourites = window.current()
    assert isinstance(favourites, PagedListScreen)
    assert favourites.empty_label.text() == "Reading your favourites..."
    wait_for_runner(qtbot, window)
    assert favourites.empty_label.isVisible()
    assert favourites.empty_label.text().startswith("You have no favourites yet.")
    window.back()
    window.push(ReaderScreen(window.ctx, "stress"))
    wait_for_runner(qtbot, window)  # whether it is a favourite is read, then the star is on
    window.current().favourite_button.click()
    window.back()
    learn.favourites_button.click()
    wait_for_runner(qtbot, window)
    favourites = window.current()
    assert [b.accessibleName() for b in favourites.item_buttons if b.isVisible()] == ["Stress"]


def test_read_this_to_me_says_the_page_and_highlights_the_sentence(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    window.push(ReaderScreen(window.ctx, "low-mood"))
    reader = window.current()
    assert isinstance(reader, ReaderScreen)
    qtbot.mouseClick(window.top_bar.read_button, Qt.MouseButton.LeftButton)
    said = speech.texts()
    assert said[0] == "You are a guest. Nothing you do is kept."  # a guest hears it first
    assert said[1] == reader.article().title
    assert said[2:] == list(reader.current_page().sentences())
    third_id = speech.queued[4][0]
    speech.started.emit(third_id)
    assert reader.page_label.textFormat() == Qt.TextFormat.RichText
    assert said[4] in reader.page_label.text() and "<span" in reader.page_label.text()


def test_an_article_by_two_switch_scanning(qtbot: QtBot, window: MainWindow) -> None:
    learn = open_learn(window)
    window.ctx.settings.set("switch_mode", "two_switches")
    press_by_two_switches(qtbot, window, learn.topics_button)
    topics = window.current()
    assert isinstance(topics, PagedListScreen)
    press_by_two_switches(qtbot, window, topics.item_buttons[1])  # Worry
    articles = window.current()
    assert isinstance(articles, PagedListScreen)
    # Articles are listed in file order (money-worries comes first): pick Worry by its name.
    worry_button = next(b for b in articles.item_buttons if b.accessibleName().startswith("Worry"))
    press_by_two_switches(qtbot, window, worry_button)
    reader = window.current()
    assert isinstance(reader, ReaderScreen)
    assert reader.article_id == "worry"
    for page in (1, 2):
        while reader.next_button.accessibleName() == "Next part":  # a long page, by parts
            press_by_two_switches(qtbot, window, reader.next_button)
        press_by_two_switches(qtbot, window, reader.next_button)
        assert reader.page == page


def test_search_forgives_spelling_and_opens_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    learn = open_learn(window)
    press_by_keyboard(qtbot, window, learn.search_button)
    search = window.current()
    assert isinstance(search, SearchScreen)
    tab_to(qtbot, window, search.box)
    qtbot.keyClicks(search.box, "lonley")
    assert search.result_buttons[0].accessibleName() == "Loneliness and staying connected" or (
        "onel" in search.result_buttons[0].accessibleName()
    )
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    assert _focus() is search.result_buttons[0]
    with qtbot.waitSignal(search.result_buttons[0].clicked):
        qtbot.keyClick(search.result_buttons[0], Qt.Key.Key_Return)
    reader = window.current()
    assert isinstance(reader, ReaderScreen) and reader.article_id == "loneliness"


def test_search_says_so_when_nothing_matches(qtbot: QtBot, window: MainWindow) -> None:
    open_learn(window).search_button.click()
    search = window.current()
    qtbot.keyClicks(search.box, "xylophone")
    assert "Nothing found" in search.result_label.text()
    assert not any(b.isVisible() for b in search.result_buttons)


def test_the_reader_follows_a_language_switch(qtbot: QtBot, window: MainWindow) -> None:
    window.push(ReaderScreen(window.ctx, "sleep"))
    reader = window.current()
    english = reader.title()
    window.ctx.settings.set("language", "fr")
    assert reader.title() != english
    assert reader.title_label.text() == reader.title()
    assert reader.article().language == "fr"
    assert reader.next_button.accessibleName() == "Page suivante"
