"""A big-button place chooser for saving and opening files, instead of Qt's stock file dialogs.

Places: My Documents, Desktop, Downloads and each plugged-in USB stick (by its name, found with
QStorageInfo). Saving keeps a file name written in words that the person can change; opening
lists the matching files in those places, newest first, by name and date in words. The stock
dialog stays one press away for a helper, as "Another place...".

Callers use the classmethods `PlaceChooser.save_path` / `PlaceChooser.open_path` (tests replace
them, or `places` / `stock_*`); they show a screen on the window's stack and wait for it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QStandardPaths, QStorageInfo
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from companion.i18n import _
from companion.when_words import date_words
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from ui.context import AppContext

MAX_PLACES = 5  # with "Another place..." the screen keeps to six choices
MAX_FILES = 5
_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


@dataclass(frozen=True)
class Place:
    """A folder a person knows by name."""

    name: str
    folder: Path
    icon_name: str = "folder"


def usb_sticks() -> list[Place]:
    """Each plugged-in removable drive that can be written, by the name the person gave it."""
    places: list[Place] = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly():
            continue
        removable = root.startswith(_REMOVABLE_ROOTS) or (
            sys.platform == "win32" and not root.upper().startswith("C:")
        )
        if removable:
            name = volume.displayName() or Path(root).name
            places.append(Place(_("USB stick {name}").format(name=name), Path(root), "usb-stick"))
    return places


def standard_places() -> list[Place]:
    """My Documents, Desktop and Downloads where they exist, then USB sticks."""
    wanted = (
        (QStandardPaths.StandardLocation.DocumentsLocation, _("My Documents"), "folder"),
        (QStandardPaths.StandardLocation.DesktopLocation, _("Desktop"), "folder"),
        (QStandardPaths.StandardLocation.DownloadLocation, _("Downloads"), "folder"),
    )
    places = []
    for location, name, icon_name in wanted:
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir() and Path(folder) != Path.home():
            places.append(Place(name, Path(folder), icon_name))
    return (places + usb_sticks())[:MAX_PLACES]


def free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or "name (2)" and so on: saving never writes over a file."""
    path = folder / name
    number = 2
    while path.exists():
        path = folder / f"{Path(name).stem} ({number}){Path(name).suffix}"
        number += 1
    return path


class PlaceChooser:
    """The one way Companion asks where to save or which file to open."""

    @classmethod
    def places(cls) -> list[Place]:
        return standard_places()

    @classmethod
    def save_path(cls, parent: QWidget, title: str, suggested: str, suffix: str) -> Path | None:
        """Where to save: a place and a file name (None when the person went back)."""
        screen = SaveScreen(_context(parent), lambda: title, suggested, suffix, cls.places())
        return _wait_for(screen)

    @classmethod
    def open_path(cls, parent: QWidget, title: str, suffixes: Sequence[str]) -> Path | None:
        """Which file to open, from the known places, newest first (None when none chosen)."""
        screen = OpenScreen(_context(parent), lambda: title, tuple(suffixes), cls.places())
        return _wait_for(screen)

    @classmethod
    def stock_save(cls, parent: QWidget, title: str, suggested: Path, suffix: str) -> Path | None:
        """The system's own dialog, for a helper ("Another place...")."""
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), f"(*{suffix})")
        return Path(chosen) if chosen else None

    @classmethod
    def stock_open(cls, parent: QWidget, title: str, suffixes: Sequence[str]) -> Path | None:
        patterns = " ".join(f"*{s}" for s in suffixes)
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, title, str(Path.home()), f"({patterns})"
        )
        return Path(chosen) if chosen else None


def _context(parent: QWidget) -> AppContext:
    widget: QWidget | None = parent
    while widget is not None:
        ctx = getattr(widget, "ctx", None)
        if ctx is not None:
            return ctx  # type: ignore[no-any-return]
        widget = widget.parentWidget()
    raise LookupError("The place chooser needs a screen of the main window")


def _wait_for(screen: PlaceScreen) -> Path | None:
    """Show the screen and wait (the window stays live) until it answers or is left."""
    loop = QEventLoop()
    screen.answered.append(lambda _path: loop.quit())
    screen.ctx.nav().push(screen)
    if not screen.done:
        loop.exec()
    return screen.result


class PlaceScreen(Screen):
    """What saving and opening share: the places, "Another place...", one answer."""

    def __init__(self, ctx: AppContext, title: Callable[[], str]) -> None:
        super().__init__(ctx)
        self.set_title(title)
        self.result: Path | None = None
        self.done = False
        self.answered: list[Callable[[Path | None], None]] = []

    def answer(self, path: Path | None) -> None:
        if self.done:
            return
        self.result, self.done = path, True
        if path is not None:
            self.ctx.nav().back()
        for callback in self.answered:
            callback(path)

    def on_closed(self) -> None:  # Back, Home or Get help now: no file
        self.answer(None)

    def add_another_place(self) -> BigButton:
        button = self.add_choice(BigButton(lambda: _("Another place..."), "settings"))
        button.clicked.connect(self.another_place)
        return button

    def another_place(self) -> None:
        raise NotImplementedError


class SaveScreen(PlaceScreen):
    """The file name in words (kept or changed), then one press on a place saves there."""

    screen_id = "place_save"

    def __init__(
        self,
        ctx: AppContext,
        title: Callable[[], str],
        suggested: str,
        suffix: str,
        places: list[Place],
    ) -> None:
        super().__init__(ctx, title)
        self.suffix = suffix
        self.add_text(lambda: _("Where should it go?"))
        self.place_buttons: dict[str, BigButton] = {}
        for place in places:
            button = self.add_choice(BigButton(partial(str, place.name), place.icon_name))
            button.clicked.connect(partial(self.save_in, place))
            self.place_buttons[place.name] = button
        self.another_button = self.add_another_place()
        # The name sits under the places: the places are what must fit the screen at 200%.
        self.add_text(
            lambda: _("The file's name. You can keep it or change it."), below_choices=True
        )
        self.name_box = QLineEdit(suggested)
        self.name_box.setAccessibleName(_("File name"))
        self._append_below(self.name_box)
        self.finish_layout()

    def choices(self) -> list[QWidget]:
        """The places first (one press saves), the name box last, as on screen."""
        return [*self._choice_buttons, self.name_box]

    def file_name(self) -> str:
        name = " ".join(self.name_box.text().replace("/", " ").replace("\\", " ").split())
        name = name or _("Companion file")
        return name if name.lower().endswith(self.suffix.lower()) else name + self.suffix

    def save_in(self, place: Place) -> None:
        self.answer(free_name(place.folder, self.file_name()))

    def another_place(self) -> None:
        home = Path.home() / self.file_name()
        chosen = PlaceChooser.stock_save(self, self.title(), home, self.suffix)
        if chosen is not None:  # closing the stock dialog leaves the places on screen
            self.answer(chosen)


class OpenScreen(PlaceScreen):
    """The matching files in the known places, newest first, by name and date in words."""

    screen_id = "place_open"

    def __init__(
        self,
        ctx: AppContext,
        title: Callable[[], str],
        suffixes: tuple[str, ...],
        places: list[Place],
    ) -> None:
        super().__init__(ctx, title)
        self.suffixes = suffixes
        self.files = self._find(places)
        if self.files:
            self.add_text(lambda: _("The newest first. Press the one you want."))
        else:
            self.add_text(
                lambda: _(
                    "No file was found in your folders or on a USB stick. "
                    "A helper can look in another place."
                )
            )
        today = ctx.clock.now().date()
        # Long lines at normal text; shorter lines as text grows, so no name is cut short.
        line_chars = 40 if ctx.look().text_scale <= 125 else 22
        self.file_buttons: list[BigButton] = []
        for path, saved in self.files:
            words = partial(_file_words, path, saved, today)
            button = self.add_choice(BigButton(words, "file", line_chars=line_chars))
            button.clicked.connect(partial(self.answer, path))
            self.file_buttons.append(button)
        self.another_button = self.add_another_place()
        self.finish_layout()

    def _find(self, places: list[Place]) -> list[tuple[Path, date]]:
        found: dict[Path, float] = {}
        for place in places:
            try:
                for path in place.folder.iterdir():
                    if path.is_file() and path.suffix.lower() in self.suffixes:
                        found[path] = path.stat().st_mtime
            except OSError:
                continue  # a stick pulled out, a folder we may not read
        newest = sorted(found.items(), key=lambda item: item[1], reverse=True)[:MAX_FILES]
        return [(path, datetime.fromtimestamp(mtime).date()) for path, mtime in newest]

    def another_place(self) -> None:
        chosen = PlaceChooser.stock_open(self, self.title(), self.suffixes)
        if chosen is not None:
            self.answer(chosen)


def _file_words(path: Path, saved: date, today: date) -> str:
    return _("{name}, saved {day}").format(name=path.stem, day=date_words(saved, today))
