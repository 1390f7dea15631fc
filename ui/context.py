"""AppContext: what the launcher builds once and hands to every screen (no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from companion.clock import Clock
from companion.config import SettingsStore
from companion.safety.crisis import ContactsStore, CrisisDirectory, MemoryContactsStore
from ui.runner import BackgroundRunner
from ui.services import AppServices
from ui.theme import Look

if TYPE_CHECKING:
    from companion.people.profiles import PersonSession
    from ui.speech import SpeechBridge
    from ui.widgets.screen import Screen


class Navigator(Protocol):
    """Moves between screens; the main window is the only implementation."""

    def push(self, screen: Screen) -> None: ...

    def open(self, name: str, **kwargs: Any) -> Screen:
        """Build the screen of route `name` (ui/router.py) with `kwargs` and push it."""
        ...

    def route_title(self, name: str) -> Callable[[], str]:
        """The words of the tile that opens route `name`, from the feature that owns it."""
        ...

    def back(self) -> None: ...

    def home(self) -> None: ...

    def clear_to_home(self) -> None: ...

    def show_help_now(self, because: str | None = None) -> None: ...

    def current(self) -> Screen: ...


@dataclass(slots=True)  # slots: a stray attribute (the old `services` dictionary) cannot come back
class AppContext:
    """What every screen is given; built by `ui.launch.build_context` (the launcher's and the
    tests' one way to make it)."""

    settings: SettingsStore
    clock: Clock
    data_dir: Path
    content_dir: Path
    crisis: CrisisDirectory
    speech: SpeechBridge
    parts: AppServices  # every other service, typed (ui.services)
    contacts: ContactsStore = field(default_factory=MemoryContactsStore)
    navigator: Navigator | None = None
    # The person whose data is open (a guest's in memory): set on unlock, replaced on lock;
    # None only while the data is still opening.
    session: PersonSession | None = None
    startup_notices: list[str] = field(default_factory=list)
    system_look: tuple[str | None, int | None] = (None, None)  # what the OS asks for, if anything
    # Storage and other slow work run here, never on the UI thread (docs/decisions/0024).
    runner: BackgroundRunner = field(default_factory=BackgroundRunner)

    def look(self) -> Look:
        """The person's look; the OS's dark or high-contrast scheme and text size where the
        person kept "Use the computer's own colours and text size" and chose nothing else."""
        from companion.appearance import starting_look

        s = self.settings
        theme, scale = starting_look(s.snapshot(), *self.system_look)
        return Look(theme, scale, s.get("less_motion"))

    def stores(self) -> PersonSession:
        """The open person's stores; before the data opens, memory-only ones (like a guest's)."""
        return self.session if self.session is not None else self.parts.before_data.get()

    def open_session(self) -> PersonSession:
        """The session on screen, for screens that exist only once someone's data is open."""
        if self.session is None:
            raise RuntimeError("Nobody's data is open yet")
        return self.session

    def nav(self) -> Navigator:
        if self.navigator is None:
            raise RuntimeError("The main window has not been built yet")
        return self.navigator

    def language(self) -> str:
        return str(self.settings.get("language"))
