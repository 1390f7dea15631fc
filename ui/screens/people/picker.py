"""Who is using Companion: big name tiles (initials in a colour), Guest and Add a person;
and, for the person who is in, lock, switch, rename and delete (confirmed in words).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLineEdit, QWidget

from companion.i18n import _
from companion.people.profiles import MAX_NAME_LENGTH, Person, PersonSession, guest_session
from companion.security import LockKind, SecurityError
from ui.context import AppContext
from ui.screens.people.change_pin import person_in, start_change_pin, your_lock_sentences
from ui.screens.people.unlock import UnlockScreen, problem_sentence
from ui.shared.people_common import (
    ConfirmInWordsScreen,
    people_of,
    person_look,
    show_notice,
    speak_prompt,
)
from ui.theme import text_size_sheet
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import lay_out_now
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)
TILES_PER_PAGE = 6  # ACCESSIBILITY.md: at most six choices a screen, Guest and Add included


def lock_tile_title() -> str:
    """The Settings tile (its words live here, in the storage catalog)."""
    return _("Lock or switch person")


def initials_icon(initials: str, colour: str, size: int) -> QIcon:
    """A coloured circle with white initials: the person's mark, told apart by letters too."""
    result = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(QSize(size * scale, size * scale))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(0, 0, size * scale, size * scale)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(round(size * scale * 0.42))
        painter.setFont(font)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(
            QRectF(0, 0, size * scale, size * scale), Qt.AlignmentFlag.AlignCenter, initials
        )
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        result.addPixmap(pixmap)
    return result


def change_tile_text(lock: LockKind) -> str:
    """The choice that starts changing the lock: "Choose a PIN" when there is none."""
    if lock == "none":
        return _("Choose a PIN")
    if lock == "passphrase":
        return _("Change my passphrase")
    return _("Change my PIN")


def _name_of(person: Person) -> Callable[[], str]:
    return lambda: person.name


def page_of(everyone: list[Person], page: int) -> tuple[list[Person], bool]:
    """The people on `page`, and whether a "More people" tile is needed after them."""
    fits = TILES_PER_PAGE - 2  # Guest and Add a person always show
    if len(everyone) <= fits:
        return everyone, False
    per_page = fits - 1  # one tile goes to "More people"
    start = page * per_page
    shown = everyone[start : start + per_page]
    return shown, start + per_page < len(everyone) or page > 0


class PeopleScreen(Screen):
    """ "Who is using Companion?": one tile per person, then Guest, Add a person, More people."""

    screen_id = "people"
    is_floor = True

    def __init__(self, ctx: AppContext, page: int = 0) -> None:
        super().__init__(ctx)
        self.page = page
        self.busy = False
        self.set_title(lambda: _("Who is using Companion?"))
        self.add_text(lambda: _("Choose your name."))
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        everyone = people_of(ctx).all()
        shown, more = page_of(everyone, page)
        self.person_tiles: dict[str, BigButton] = {}
        self.people_shown = {person.id: person for person in shown}
        for person in shown:
            tile = self.add_choice(BigButton(_name_of(person), tile=True))
            tile.setProperty("personColour", person.colour)
            tile.setProperty("initials", person.initials)
            tile.clicked.connect(partial(self.choose, person))
            self.person_tiles[person.id] = tile
        if more:
            self.more_button = self.add_choice(
                BigButton(lambda: _("More people"), "next", tile=True)
            )
            self.more_button.clicked.connect(self.more_people)
        self.guest_button = self.add_choice(
            BigButton(lambda: _("Guest (nothing is kept)"), "person", tile=True)
        )
        self.guest_button.clicked.connect(self.as_guest)
        self.add_button = self.add_choice(BigButton(lambda: _("Add a person"), "plus", tile=True))
        self.add_button.clicked.connect(self.add_person)
        self.finish_layout()

    def on_shown(self) -> None:
        # The names' own text sizes and marks first: the fit (in super().on_shown) measures them.
        for person_id, tile in self.person_tiles.items():
            # A person who chose a bigger text size sees their own name button at it.
            look = person_look(self.ctx, self.people_shown[person_id])
            tile.setStyleSheet("" if look == self.ctx.look() else text_size_sheet(look))
            size = round(56 * min(look.text_scale, 160) / 100)
            tile.setIcon(
                initials_icon(
                    str(tile.property("initials")), str(tile.property("personColour")), size
                )
            )
            tile.setIconSize(QSize(size, size))
        super().on_shown()
        speak_prompt(self.ctx, self.title())

    def _say(self, sentence: str) -> None:
        show_notice(self, self.status, sentence)

    def choose(self, person: Person) -> None:
        if self.busy:
            return
        if person.lock != "none":
            self.ctx.nav().push(UnlockScreen(self.ctx, person))
            return
        people = people_of(self.ctx)
        self.busy = True
        self._say(_("Opening…"))
        self.ctx.runner.run(
            lambda: people.unlock(person.id, ""), self._opened, self._failed, parent=self
        )

    def _opened(self, session: PersonSession) -> None:
        from ui.start import switch_to

        self.busy = False
        switch_to(self.ctx, session)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self._say(problem_sentence(exc))

    def more_people(self) -> None:
        shown, _more = page_of(people_of(self.ctx).all(), self.page + 1)
        next_page = self.page + 1 if shown else 0
        self.ctx.nav().push(PeopleScreen(self.ctx, next_page))

    def as_guest(self) -> None:
        from ui.start import switch_to

        switch_to(self.ctx, guest_session())

    def add_person(self) -> None:
        from ui.screens.people.add import add_person_screen

        self.ctx.nav().push(add_person_screen(self.ctx))


class AccountScreen(Screen):
    """For the person who is in: lock now, change the name or PIN, or remove themselves; and
    what their lock is and how long guessing it would take (said plainly on a shared PC)."""

    screen_id = "account"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        session = ctx.session
        self.person_id = None if session is None or session.is_guest else session.person_id
        name = session.display_name if session is not None else ""
        if self.person_id is None:
            self.set_title(lambda: _("You are using Companion as a guest"))
            self.add_text(lambda: _("Nothing you do as a guest is kept after you switch."))
        else:
            self.set_title(lambda: _("You are using Companion as {name}").format(name=name))
            self.add_text(
                lambda: _("Lock Companion when you leave, so your notes stay private."),
                explain=True,
            )
        lock = self.add_choice(BigButton(lambda: _("Lock and switch person"), "lock", tile=True))
        lock.clicked.connect(self.lock_now)
        lock.setEnabled(ctx.parts.people is not None)  # the list of people is still being read
        if self.person_id is not None:
            rename = self.add_choice(BigButton(lambda: _("Change my name"), "person", tile=True))
            rename.clicked.connect(lambda: self.ctx.nav().push(RenameScreen(self.ctx)))
            self.change_pin_button = self.add_choice(
                BigButton(self._change_pin_text, "lock", tile=True)
            )
            self.change_pin_button.clicked.connect(lambda: start_change_pin(self.ctx))
            self.change_pin_button.setEnabled(person_in(ctx) is not None)
            remove = self.add_choice(
                BigButton(lambda: _("Remove me from this computer"), "delete", tile=True)
            )
            remove.clicked.connect(lambda: confirm_delete_me(self.ctx))
            # Below the choices, read after them; behind "Tell me more" where room is short.
            self.lock_label = self.add_text(
                lambda: your_lock_sentences(ctx), below_choices=True, explain=True
            )
        self.finish_layout()

    def _change_pin_text(self) -> str:
        person = person_in(self.ctx)
        return change_tile_text(person.lock if person is not None else "pin")

    def on_shown(self) -> None:
        self.retranslate()  # the lock may have just changed
        label = getattr(self, "lock_label", None)
        if label is not None:
            label.setVisible(bool(label.text()))  # empty while the data is still opening
        super().on_shown()
        # The first choice takes the focus next; its thicker ring grows it, and the page of
        # tiles fills the height to a few pixels: laid out with the ring now, not a moment
        # later (meanwhile the tiles under it were squeezed, their words cut).
        first = next((w for w in self.choices() if w.isEnabled()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            lay_out_now(self.grid)

    def lock_now(self) -> None:
        from ui.start import lock

        lock(self.ctx)


class RenameScreen(Screen):
    screen_id = "rename"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("What name should Companion show?"))
        self.add_text(lambda: _("Everyone who uses this computer sees it."))
        self.name_box = QLineEdit(ctx.open_session().display_name)
        self.name_box.setMaxLength(MAX_NAME_LENGTH)
        self.name_box.setAccessibleName(_("Name"))
        self.name_box.returnPressed.connect(self.save)
        self.add_widget(self.name_box, focusable=True)
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        save = self.add_choice(BigButton(lambda: _("Save"), "check"))
        save.clicked.connect(self.save)
        self.finish_layout()

    def choices(self) -> list[QWidget]:
        return [self.name_box, *super().choices()]

    def save(self) -> None:
        session = self.ctx.open_session()
        try:
            person = people_of(self.ctx).rename(session.person_id, self.name_box.text())
        except SecurityError as exc:
            show_notice(self, self.status, str(exc))
            return
        session.display_name = person.name
        self.ctx.nav().back()


def confirm_delete_me(ctx: AppContext) -> None:
    """ "Delete Mary and all of Mary's check-ins?": then the files go and the picker shows."""
    session = ctx.open_session()
    name, person_id = session.display_name, session.person_id

    def delete() -> None:
        from ui.start import show_people, switch_to

        switch_to(ctx, guest_session())  # closes the database before its files go
        try:
            people_of(ctx).delete(person_id)
        except (OSError, SecurityError):
            _log.exception("Removing a person failed")
        show_people(ctx)

    ctx.nav().push(
        ConfirmInWordsScreen(
            ctx,
            lambda: _("Delete {name} and all of {name}'s check-ins? This cannot be undone.").format(
                name=name
            ),
            yes=lambda: _("Yes, delete {name}").format(name=name),
            no=lambda: _("No, keep {name}").format(name=name),
            on_yes=delete,
            explanation=lambda: _(
                "Everything {name} keeps in Companion is removed from this computer: "
                "check-ins, sessions, people to call and the safety plan."
            ).format(name=name),
        )
    )
