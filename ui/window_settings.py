"""The main window's switch access and settings applied live (look, language, voice)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from companion.i18n import set_language
from ui.context import AppContext
from ui.read_aloud import ScreenReader
from ui.talking_buttons import PointerRest
from ui.theme import apply_look
from ui.topbar import TopBar
from ui.widgets.big_button import BigButton
from ui.widgets.scanner import SwitchScanner
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from ui.widgets.typing_bar import TypingBar

LOOK_SETTINGS = {"theme", "text_scale", "less_motion", "follow_system_look"}


class LiveSettings(QMainWindow):
    """Part of MainWindow (ui/app.py): a setting changed applies at once, everywhere."""

    if TYPE_CHECKING:  # made by MainWindow
        ctx: AppContext
        top_bar: TopBar
        typing_bar: TypingBar
        reader: ScreenReader
        scanner: SwitchScanner
        pointer_rest: PointerRest
        reminder_banner: Any
        _screens: list[Screen]
        _qt_translator: QTranslator

        def current(self) -> Screen: ...

        def _show_guest_band(self) -> None: ...

    # --- switch access ------------------------------------------------------------------
    def _scan_groups(self) -> list[tuple[QWidget | None, list[QWidget]]]:
        """The screen's choices first; then Get help now on its own (one press chooses it);
        the rest of the top bar last."""
        if not self._screens:  # switch mode applied while the window is still being built
            return []
        screen = self.current()
        groups: list[tuple[QWidget | None, list[QWidget]]] = [(screen.body, screen.choices())]
        if screen.part_buttons():  # long reading: the parts right after the choices
            groups.append((screen.parts, screen.part_buttons()))
        if self.reminder_banner is not None and self.reminder_banner.isVisible():
            groups.append((self.reminder_banner, [self.reminder_banner.dismiss_button]))
        bar = self.top_bar
        groups.append((None, [bar.help_button]))
        groups.append((None, [bar.home_button, bar.back_button, bar.read_button]))
        return groups

    def _on_typing_changed(self, typing: bool) -> None:
        self.typing_bar.setVisible(typing)
        if typing and self.ctx.settings.get("talking_buttons"):
            self.reader.say_one(self.current(), self.typing_bar.label.text())

    def _apply_switch_mode(self) -> None:
        s = self.ctx.settings
        self.scanner.set_mode(s.get("switch_mode"), s.get("scan_interval_ms"))
        self._watch_events()

    def _watch_events(self) -> None:
        """Switch access and talking buttons watch every event of the application, each only
        while its setting is on: a Python filter there costs every event, and the first one
        makes PySide6 load every widget class (about 45 ms, before Home could show)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        s = self.ctx.settings
        for watcher, on in (
            (self.scanner, s.get("switch_mode") != "off"),
            (self.pointer_rest, bool(s.get("talking_buttons"))),
        ):
            app.removeEventFilter(watcher)
            if on:
                app.installEventFilter(watcher)

    # --- settings, live -----------------------------------------------------------------
    def _on_setting(self, name: str, _value: Any) -> None:
        if name in LOOK_SETTINGS:
            self._apply_look()
        elif name == "language":
            self._apply_language(self.ctx.language())
            self.retranslate()
        elif name in ("switch_mode", "scan_interval_ms"):
            self._apply_switch_mode()
        elif name == "talking_buttons":
            self._watch_events()
        elif name in ("speech_rate", "speech_volume"):
            self._apply_speech()

    def _apply_speech(self) -> None:
        s = self.ctx.settings
        self.ctx.speech.apply_settings(
            s.get("speech_rate"), s.get("speech_volume"), self.ctx.language()
        )

    def _apply_look(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_look(app, self.ctx.look())
        self._apply_icons(self)
        self.top_bar.fit()  # the text size changed: one row of full or shorter words
        for screen in self._screens:
            screen.grid.refresh()
            screen.fit()  # the screen-fit layout decides again for the new text size

    def _apply_icons(self, root: QWidget) -> None:
        look = self.ctx.look()
        for button in root.findChildren(BigButton):
            colour = (
                look.palette.help_button_text
                if button.property("helpNow")
                else (look.palette.button_text)
            )
            button.set_icon_colour(colour, look.text_scale)

    def _apply_language(self, language: str) -> None:
        set_language(language)
        app = QApplication.instance()
        if app is None:
            return
        app.removeTranslator(self._qt_translator)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language != "en" and self._qt_translator.load(f"qtbase_{language}", folder):
            app.installTranslator(self._qt_translator)
        self._apply_speech()

    def retranslate(self) -> None:
        self.top_bar.retranslate()
        self._show_guest_band()
        self.typing_bar.retranslate()
        if self.reminder_banner is not None:
            self.reminder_banner.retranslate()
        for screen in self._screens:
            screen.retranslate()
        self.setWindowTitle(f"Companion: {self.current().title()}")
