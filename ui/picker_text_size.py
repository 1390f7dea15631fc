"""A person's text size beside their name in people.json, so the picker can show their name
button and PIN pad at it while their data (and every other setting of theirs) is still locked.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from ui.app import MainWindow

_log = logging.getLogger(__name__)


class PickerTextSize(QObject):
    """Copies the open person's own text size (only that: never their language or anything
    else) into their people.json entry when their data opens and whenever they change it.

    The write runs off the UI thread and reads the latest size when it runs, so quick changes
    end with the last one. A failed write is logged only: the picker then uses the PC's size.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx = window.ctx
        self._latest: dict[str, int | None] = {}  # person id -> the size last handed over
        window.session_changed.connect(self.keep)
        self.ctx.settings.subscribe(self._on_setting)
        settings = self.ctx.settings
        self.destroyed.connect(lambda: settings.unsubscribe(self._on_setting))

    def _on_setting(self, name: str, _value: Any) -> None:
        if name == "text_scale":
            self.keep()

    def keep(self) -> None:
        session, people = self.ctx.session, self.ctx.parts.people
        if session is None or session.is_guest or people is None:
            return
        person_id, size = session.person_id, self.ctx.settings.own_value("text_scale")
        if self._latest.get(person_id, -1) == size:  # being written, or written
            return
        self._latest[person_id] = size

        def write() -> None:
            # The size is read when the job runs, so after quick changes the last one wins.
            people.set_text_scale(person_id, self._latest.get(person_id, size))

        def failed(exc: Exception) -> None:
            self._latest.pop(person_id, None)  # tried again at the next change or unlock
            _log.warning("A person's text size could not be kept for the picker", exc_info=exc)

        self.ctx.runner.run(write, None, failed, parent=self)
