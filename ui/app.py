"""The main window: a fixed top bar over a navigation stack of screens; settings apply live."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QLibraryInfo, Qt, QTranslator, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from companion.i18n import _, set_language
from ui.context import AppContext
from ui.read_aloud import ScreenReader
from ui.talking_buttons import PointerRest
from ui.theme import apply_look
from ui.topbar import TopBar
from ui.widgets.big_button import BigButton
from ui.widgets.scanner import SwitchScanner
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)
WINDOW_SIZE = (1280, 720)
LOOK_SETTINGS = {"theme", "text_scale", "less_motion", "follow_system_look"}


class MainWindow(QMainWindow):
    """Shows one screen at a time; Home, Back, Read this to me and Get help now never move."""

    session_changed = Signal()  # ctx.session was set (the person's data is open) or cleared

    def __init__(self, ctx: AppContext, home: Callable[[AppContext], Screen]) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.navigator = self
        self._home_factory = home
        self._screens: list[Screen] = []
        self._qt_translator = QTranslator(self)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = TopBar()
        self.stack = QStackedWidget()
        self._layout = layout
        self.reminder_banner: Any = None  # made when the person's data opens (reminders need it)
        self.reminders: Any = None
        layout.addWidget(self.top_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.resize(*WINDOW_SIZE)
        from ui.screens.sessions.window_drop import install_window_drop

        install_window_drop(self)  # an invitation (.ics) dropped anywhere is imported

        self.reader = ScreenReader(ctx.speech, self)
        self.reader.reading_changed.connect(self.top_bar.set_reading)
        self.scanner = SwitchScanner(self._scan_groups, self)
        self.scanner.highlighted.connect(self._speak_control)
        from ui.widgets.typing_bar import TypingBar

        self.typing_bar = TypingBar()
        layout.insertWidget(1, self.typing_bar)
        self.typing_bar.done_button.clicked.connect(self.scanner.done_typing)
        self.scanner.typing_changed.connect(self._on_typing_changed)
        self.pointer_rest = PointerRest(
            self,
            enabled=lambda: bool(ctx.settings.get("talking_buttons")),
            say=lambda name: self.reader.say_one(self.current(), name),
        )
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)
            app.installEventFilter(self.pointer_rest)
            app.focusChanged.connect(self._on_focus_changed)

        self.top_bar.home_button.clicked.connect(self.home)
        self.top_bar.back_button.clicked.connect(self.back)
        self.top_bar.read_button.clicked.connect(self.read_current)
        self.top_bar.help_button.clicked.connect(self.show_help_now)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.back)

        ctx.settings.subscribe(self._on_setting)
        self._apply_language(ctx.language())
        self.top_bar.retranslate()  # it was built before the language was applied
        self._apply_look()
        self._apply_switch_mode()
        self.push(home(ctx))
        if ctx.session is not None:
            self._start_reminders()

    # --- navigation ---------------------------------------------------------------------
    def current(self) -> Screen:
        return self._screens[-1]

    def push(self, screen: Screen) -> None:
        if self._screens:
            self._leave(self.current())
        self._screens.append(screen)
        self.stack.addWidget(screen)
        self._show(screen)

    def back(self) -> None:
        if len(self._screens) <= 1:
            return
        old = self._screens.pop()
        self._leave(old)
        self._show(self.current())
        self.stack.removeWidget(old)
        old.on_closed()
        old.deleteLater()

    def home(self) -> None:
        while len(self._screens) > 1:
            self.back()

    def show_help_now(self) -> None:
        from ui.screens.help_now import HelpNowScreen

        if isinstance(self.current(), HelpNowScreen):
            self.current().setFocus()
            return
        self.push(HelpNowScreen(self.ctx))

    def _leave(self, screen: Screen) -> None:
        self.reader.stop()
        screen.on_hidden()

    def _show(self, screen: Screen) -> None:
        self.stack.setCurrentWidget(screen)
        self._apply_icons(screen)
        self.top_bar.back_button.setEnabled(len(self._screens) > 1)
        self.setWindowTitle(f"Companion: {screen.title()}")
        screen.on_shown()
        self.scanner.reset()
        self._set_tab_order(screen)
        focus = next((w for w in screen.choices() if w.isEnabled()), None)
        (focus or self.top_bar.home_button).setFocus(Qt.FocusReason.OtherFocusReason)
        if self.ctx.settings.get("read_steps_aloud") and getattr(screen, "is_step", False):
            self.reader.read(screen)

    def _set_tab_order(self, screen: Screen) -> None:
        chain: list[QWidget] = [*self.top_bar.buttons(), *screen.choices()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def speaker_ready(self, speaker: Any) -> None:
        """Speech finished starting in the background: use it with the person's settings."""
        self.ctx.speech.attach(speaker)
        self._apply_speech()

    # --- the person's data ----------------------------------------------------------------
    def data_opened(self, people: Any, decision: Any) -> None:
        """The launcher's background opener finished: use the session it chose."""
        self.ctx.services["people"] = people
        if decision.problem:
            self.show_notice(decision.problem)
        self.set_session(decision.session)
        # A first start goes through the guided setup done together with a helper; on a shared
        # PC, community mode asks who is using Companion; auto-lock on shared PCs.
        from companion.setup import should_offer_first_run
        from ui.screens.setup import start_first_run
        from ui.screens.setup.community import install_community_mode
        from ui.start import install_start

        first_run = not decision.session.is_guest and should_offer_first_run(
            self.ctx.settings, people
        )
        install_start(self, decision.needs_person_picker and not first_run)
        install_community_mode(self, start_at_people=not first_run)
        if first_run:
            start_first_run(self)

    def set_session(self, session: Any) -> None:
        """Switch to `session` (closing the one before) and let every screen know."""
        old = self.ctx.session
        if old is not None and old is not session:
            old.close()
        self.ctx.session = session
        if session is not None:
            self._start_reminders()
        for screen in self._screens:
            screen.on_session_changed()
        self.session_changed.emit()

    def _start_reminders(self) -> None:
        """The session reminder banner and its watch (a day, an hour, 15 minutes before)."""
        if self.reminders is not None:
            self.reminders.check()
            return
        from ui.screens.sessions.reminder_watch import ReminderBanner, ReminderWatch

        self.reminder_banner = ReminderBanner()
        self._layout.insertWidget(1, self.reminder_banner)
        self._apply_icons(self.reminder_banner)
        self.reminders = ReminderWatch(self.ctx, self)
        self.reminders.reminded.connect(self.reminder_banner.show_reminder)
        self.reminders.start()

    def show_notice(self, sentence: str) -> None:
        """A sentence the person should see once on Home (speech missing, data problems)."""
        if sentence not in self.ctx.startup_notices:
            self.ctx.startup_notices.append(sentence)
        home = self._screens[0]
        if hasattr(home, "add_notice"):
            home.add_notice(sentence)

    # --- speech -------------------------------------------------------------------------
    def read_current(self) -> None:
        speech = self.ctx.speech
        if not self.reader.reading and not getattr(speech, "available", True):
            # No working speech: say so once, in words, and leave the button as it is.
            self._tell_no_speech(getattr(speech, "problem", None))
            return
        self.reader.toggle(self.current())

    def _tell_no_speech(self, problem: str | None) -> None:
        sentence = problem or _("Speech is still starting. Please try again in a moment.")
        screen = self.current()
        if screen.property("noSpeechSaid") == sentence:
            return
        screen.setProperty("noSpeechSaid", sentence)
        label = screen.add_text(lambda: sentence, notice=True)
        label.show()
        screen.setAccessibleDescription(sentence)

    def _speak_control(self, widget: QWidget) -> None:
        if self.ctx.settings.get("talking_buttons") and widget.accessibleName():
            self.reader.say_one(self.current(), widget.accessibleName())

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self:
            self.scanner.focus_moved(new)
        if new is None or self.scanner.active() or self.reader.reading:
            return
        if self.ctx.settings.get("talking_buttons") and isinstance(new, BigButton):
            self.reader.say_one(self.current(), new.label())

    # --- switch access ------------------------------------------------------------------
    def _scan_groups(self) -> list[tuple[QWidget | None, list[QWidget]]]:
        """The screen's choices first; then Get help now on its own (one press chooses it);
        the rest of the top bar last."""
        if not self._screens:  # switch mode applied while the window is still being built
            return []
        screen = self.current()
        groups: list[tuple[QWidget | None, list[QWidget]]] = [(screen.body, screen.choices())]
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

    # --- settings, live -----------------------------------------------------------------
    def _on_setting(self, name: str, _value: Any) -> None:
        if name in LOOK_SETTINGS:
            self._apply_look()
        elif name == "language":
            self._apply_language(self.ctx.language())
            self.retranslate()
        elif name in ("switch_mode", "scan_interval_ms"):
            self._apply_switch_mode()
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
        for screen in self._screens:
            screen.grid.refresh()

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
        self.typing_bar.retranslate()
        if self.reminder_banner is not None:
            self.reminder_banner.retranslate()
        for screen in self._screens:
            screen.retranslate()
        self.setWindowTitle(f"Companion: {self.current().title()}")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.scanner.active():  # built before it was shown: nothing could be highlighted
            self.scanner.reset()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.stop()
        if self.reminders is not None:
            self.reminders.stop()
        self.scanner.set_mode("off", self.scanner.interval_ms)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
            app.removeEventFilter(self.pointer_rest)
        super().closeEvent(event)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Companion")
    app.setApplicationDisplayName("Companion")
    app.setDesktopFileName("companion")
    return app


def build_window(ctx: AppContext) -> MainWindow:
    """The main window with Home showing (the start screen for this PC)."""
    from ui.screens.home import HomeScreen

    window = MainWindow(ctx, HomeScreen)
    window.setWindowTitle(_("Companion"))
    return window
