"""AppContext: what the launcher builds once and hands to every screen (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from companion.clock import Clock
from companion.config import SettingsStore
from companion.safety import ContactsStore, CrisisDirectory, MemoryContactsStore
from ui.runner import BackgroundRunner
from ui.theme import Look

if TYPE_CHECKING:
    from ui.speech import SpeechBridge
    from ui.widgets.screen import Screen


class Navigator(Protocol):
    """Moves between screens; the main window is the only implementation."""

    def push(self, screen: Screen) -> None: ...

    def back(self) -> None: ...

    def home(self) -> None: ...

    def clear_to_home(self) -> None: ...

    def show_help_now(self, because: str | None = None) -> None: ...

    def current(self) -> Screen: ...


@dataclass
class AppContext:
    settings: SettingsStore
    clock: Clock
    data_dir: Path
    content_dir: Path
    crisis: CrisisDirectory
    speech: SpeechBridge
    contacts: ContactsStore = field(default_factory=MemoryContactsStore)
    navigator: Navigator | None = None
    session: Any = None  # companion.profiles.PersonSession once someone is unlocked
    services: dict[str, Any] = field(default_factory=dict)
    startup_notices: list[str] = field(default_factory=list)
    system_look: tuple[str | None, int | None] = (None, None)  # what the OS asks for, if anything
    # companion.autostart.StartWithComputer from the launcher; None (tests) never touches the OS.
    autostart: Any = None
    # Storage and other slow work run here, never on the UI thread (docs/decisions/0022).
    runner: BackgroundRunner = field(default_factory=BackgroundRunner)

    def look(self) -> Look:
        """The person's look; the OS's dark or high-contrast scheme and text size where the
        person kept "Use the computer's own colours and text size" and chose nothing else."""
        from companion.appearance import starting_look

        s = self.settings
        theme, scale = starting_look(s.snapshot(), *self.system_look)
        return Look(theme, scale, s.get("less_motion"))

    def nav(self) -> Navigator:
        if self.navigator is None:
            raise RuntimeError("The main window has not been built yet")
        return self.navigator

    def language(self) -> str:
        return str(self.settings.get("language"))
