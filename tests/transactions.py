"""Count the transactions a person's database runs: one per user action is the house rule."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from companion.storage import PersonDatabase


class TransactionCount:
    """How many transactions began since the count started (SQLAlchemy's "begin" event)."""

    def __init__(self) -> None:
        self.began = 0

    def take(self) -> int:
        """The count so far, starting again from zero: one number per press."""
        began, self.began = self.began, 0
        return began


@contextmanager
def counting_transactions(database: PersonDatabase) -> Iterator[TransactionCount]:
    count = TransactionCount()

    def began(_connection: Any) -> None:
        count.began += 1

    event.listen(database.engine, "begin", began)
    try:
        yield count
    finally:
        event.remove(database.engine, "begin", began)
