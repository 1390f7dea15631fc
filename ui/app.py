"""The main window: a fixed top bar over a navigation stack of screens; settings apply live."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QScreen, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from companion.i18n import _
from ui.context import AppContext
from ui.read_aloud import ScreenReader
from ui.router import Router
from ui.talking_buttons import PointerRest
from ui.topbar import TopBar
from ui.widgets.big_button import BigButton
from ui.widgets.scanner import SwitchScanner
from ui.widgets.screen import Screen, SpokenPart
from ui.window_person import PersonData
from ui.window_settings import LiveSettings

if TYPE_CHECKING:  # the storage stack loads in the background at start, not here
    from companion.people.profiles import People, PersonSession
    from companion.startup import StartDecision

_log = logging.getLogger(__name__)
WINDOW_SIZE = (1280, 720)
# Below this width (an old 1366 x 768 laptop, a 1024 x 768 community-centre monitor) the window
# takes the whole screen: a 1280-wide window there hid Get help now past the right edge.
MAXIMISE_BELOW_WIDTH = 1440


class MainWindow(PersonData, LiveSettings):
    """Shows one screen at a time; Home, Back, Read this to me and Get help now never move."""

    def __init__(
        self,
        ctx: AppContext,
        home: Callable[[AppContext], Screen],
        routes: Router | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.navigator = self
        self.routes = routes if routes is not None else Router.of_features()
        ctx.runner.show_failure = self.show_notice
        self._focus_when_ready: Screen | None = None  # shown before it had a choice to focus
        ctx.runner.answered.connect(self._focus_first_when_ready)
        self._home_factory = home
        self._screens: list[Screen] = []
        self._qt_translator = QTranslator(self)
        self._switching: PersonSession | None = ctx.session  # the last session asked for
        self._closed = False  # really closed (not only hidden to the tray)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = TopBar()
        self.stack = QStackedWidget()
        self._layout = layout
        self.reminder_banner: Any = None  # made when the person's data opens (reminders need it)
        self.reminders: Any = None
        # Whenever a guest is using Companion, it says so in words, under the top bar.
        self.guest_band = QLabel()
        self.guest_band.setObjectName("GuestBand")
        self.guest_band.setProperty("notice", True)
        self.guest_band.setWordWrap(True)
        self.guest_band.setStyleSheet("padding: 2px 12px;")  # one slim line above the screen
        self.guest_band.hide()
        # Set by ui.tray: returns True when closing only hid the window (reminders go on).
        self.close_to_tray: Callable[[], bool] | None = None
        layout.addWidget(self.top_bar)
        layout.addWidget(self.guest_band)
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
            ctx.clock,
            enabled=lambda: bool(ctx.settings.get("talking_buttons")),
            say=lambda name: self.reader.say_one(self.current(), name),
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):  # widgets only live in a QApplication
            app.focusChanged.connect(self._on_focus_changed)

        self.top_bar.home_button.clicked.connect(self.home_pressed)
        self.top_bar.back_button.clicked.connect(self.back)
        self.top_bar.read_button.clicked.connect(self.read_current)
        self.top_bar.help_button.clicked.connect(self.show_help_now)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back)

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
        screen.resize(self.stack.size())  # its real size now, so it fits itself before showing
        self.stack.addWidget(screen)
        self._show(screen)

    def open(self, name: str, **kwargs: Any) -> Screen:
        """Open the screen named `name` (a route a feature package declares) on top."""
        screen = self.routes.build(name, self.ctx, **kwargs)
        self.push(screen)
        return screen

    def route_title(self, name: str) -> Callable[[], str]:
        return self.routes.title(name)

    def back(self) -> None:
        if len(self._screens) > self._floor() + 1:
            self._pop()

    def home(self) -> None:
        """Home, or "Who is using Companion?" while it is showing: nobody slips past it."""
        while len(self._screens) > self._floor() + 1:
            self._pop()

    def home_pressed(self) -> None:
        """The top bar's Home: the screen may ask first (the setup does)."""
        if self.current().leave_for_home():
            self.home()

    def clear_to_home(self) -> None:
        """Every screen goes, the people picker too: someone (or a guest) was just chosen."""
        while len(self._screens) > 1:
            self._pop()

    def _floor(self) -> int:
        """Where Back and Home stop: the first people picker in the stack, else Home."""
        return next((i for i, s in enumerate(self._screens) if s.is_floor), 0)

    def _pop(self) -> None:
        old = self._screens.pop()
        self._leave(old)
        self._show(self.current())
        self.stack.removeWidget(old)
        old.on_closed()
        old.deleteLater()

    def show_help_now(self, because: str | None = None) -> None:
        """Open Get help now (from the top bar, a flow, a result, anywhere); when speech is on,
        it is always read aloud as it opens, whatever was being said before. `because` says
        why, when an answer opened it."""
        from ui.screens.help_now.screen import HelpNowScreen

        speak = self.speech_is_on()  # asked before leaving the screen stops its reading
        if isinstance(self.current(), HelpNowScreen) and not because:
            self.current().setFocus()
        else:
            self.push(HelpNowScreen(self.ctx, because))
        if speak:
            self.reader.read(self.current())

    def speech_is_on(self) -> bool:
        """The person listens: steps are read, buttons talk, or a reading is going on now."""
        s = self.ctx.settings
        return bool(s.get("read_steps_aloud") or s.get("talking_buttons") or self.reader.reading)

    def _leave(self, screen: Screen) -> None:
        self.reader.stop()
        screen.on_hidden()

    def _show(self, screen: Screen) -> None:
        self.stack.setCurrentWidget(screen)
        self._apply_icons(screen)
        self.top_bar.back_button.setEnabled(len(self._screens) > self._floor() + 1)
        self._show_guest_band()
        self.setWindowTitle(f"Companion: {screen.title()}")
        screen.on_shown()
        self.scanner.reset()
        self._set_tab_order(screen)
        focus = next((w for w in screen.choices() if w.isEnabled()), None)
        (focus or self.top_bar.home_button).setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus_when_ready = None if focus is not None else screen
        if self.ctx.settings.get("read_steps_aloud") and getattr(screen, "is_step", False):
            self.reader.read(screen)

    def _set_tab_order(self, screen: Screen) -> None:
        chain: list[QWidget] = [*self.top_bar.buttons(), *screen.choices(), *screen.part_buttons()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def speaker_ready(self, speaker: Any) -> None:
        """Speech finished starting in the background: use it with the person's settings."""
        self.ctx.speech.attach(speaker)
        self._apply_speech()

    # --- the person's data ----------------------------------------------------------------
    def data_opened(self, people: People, decision: StartDecision) -> None:
        """The launcher's background opener finished: use the session it chose."""
        self.ctx.parts.people = people
        if decision.problem:
            self.show_notice(decision.problem)
        self.set_session(decision.session, then=lambda: self._start_with(people, decision))

    def _start_with(self, people: People, decision: StartDecision) -> None:
        # A first start goes through the guided setup done together with a helper; on a shared
        # PC, community mode asks who is using Companion; auto-lock on shared PCs.
        from companion.setup.flow import should_offer_first_run
        from ui.screens.setup import start_first_run
        from ui.screens.setup.community import install_community_mode
        from ui.start import install_start

        first_run = not decision.session.is_guest and should_offer_first_run(
            self.ctx.settings, people
        )
        install_start(
            self, decision.needs_person_picker and not first_run, decision.unlock_person_id
        )
        install_community_mode(self, start_at_people=not first_run)
        if first_run:
            start_first_run(self)
        elif decision.notes_missing:  # never an empty database: offer the way back
            from ui.screens.people.my_data import offer_restore

            offer_restore(self.ctx)

    # --- speech -------------------------------------------------------------------------
    def read_current(self) -> None:
        """Read the screen; a guest first hears that nothing is kept. With no working speech,
        say so once, in words, and leave the button as it is."""
        speech = self.ctx.speech
        if not self.reader.reading and not getattr(speech, "available", True):
            self._tell_no_speech(getattr(speech, "problem", None))
            return
        before = [SpokenPart(self.guest_band.text(), None)] if self.guest_is_using() else []
        self.reader.toggle(self.current(), before)

    # --- a guest ------------------------------------------------------------------------
    def guest_is_using(self) -> bool:
        """A guest is using Companion: their session is open and no picker stands before it."""
        session = self.ctx.session
        return bool(session is not None and session.is_guest and self._screens) and not any(
            s.is_floor for s in self._screens
        )

    def _show_guest_band(self) -> None:
        self.guest_band.setText(_("You are a guest. Nothing you do is kept."))
        self.guest_band.setAccessibleName(self.guest_band.text())
        self.guest_band.setVisible(self.guest_is_using())

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.scanner.active():  # built before it was shown: nothing could be highlighted
            self.scanner.reset()

    def show_fitted(self) -> None:
        """Show the window inside the screen: maximised on small screens, else 1280 x 720."""
        screen: QScreen | None = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.show()
            return
        room = screen.availableGeometry()
        if room.width() < MAXIMISE_BELOW_WIDTH:
            # Sized first too: with no window manager (a kiosk, a test screen) nobody maximises.
            self.setGeometry(room)
            self.showMaximized()
            return
        self.resize(min(WINDOW_SIZE[0], room.width()), min(WINDOW_SIZE[1], room.height()))
        self.show()

    def _focus_first_when_ready(self) -> None:
        """A screen that was still reading when it showed had no choice to focus, so Home took
        the focus (Enter would have gone Home). Once an answer gives it a choice, its first
        choice takes the focus, unless the person has moved it since."""
        screen = self._focus_when_ready
        if screen is None:
            return
        if screen is not self.current() or self.focusWidget() is not self.top_bar.home_button:
            self._focus_when_ready = None
            return
        first = next((w for w in screen.choices() if w.isEnabled() and w.isVisible()), None)
        if first is not None:
            self._focus_when_ready = None
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing may only hide the window (the tray keeps reminders going). A window really
        closed lets go of everything outside itself: the settings store, the application's
        focus signal and event filters. Otherwise a later settings change (or the next
        window's style sheet) reaches a window that is being deleted."""
        if self.close_to_tray is not None and self.close_to_tray():
            self.reader.stop()
            event.ignore()
            return
        self.reader.stop()
        self._closed = True
        if self.reminders is not None:
            self.reminders.stop()
        watch = self.ctx.parts.autolock
        if watch is not None:
            watch.stop()
        self.scanner.set_mode("off", self.scanner.interval_ms)
        self.ctx.settings.unsubscribe(self._on_setting)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.removeEventFilter(self.scanner)
            app.removeEventFilter(self.pointer_rest)
            with contextlib.suppress(RuntimeError):  # already disconnected by an earlier close
                app.focusChanged.disconnect(self._on_focus_changed)
        with contextlib.suppress(RuntimeError):
            self.ctx.runner.answered.disconnect(self._focus_first_when_ready)
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
    from ui.screens.home.screen import HomeScreen

    window = MainWindow(ctx, HomeScreen)
    window.setWindowTitle(_("Companion"))
    return window
