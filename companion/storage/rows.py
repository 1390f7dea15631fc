"""One mapping between a frozen value and its table row: the fields they share, copied both ways.

A row keeps a collection as a JSON list (a frozenset sorted, a tuple in order) and gives it back
as the value's own type, read from the value's annotations. A field added to both the value and
the table is carried by every store and by a backup's restore without another hand-written copy
(those copies once left a questionnaire's "how difficult" answer out of a restored backup).
"""

from __future__ import annotations

import typing
from dataclasses import fields
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

V = TypeVar("V", bound="DataclassInstance")
R = TypeVar("R")


@cache
def _collections(value_type: type[DataclassInstance]) -> dict[str, type]:
    """The fields of `value_type` that hold a collection, with the collection's type."""
    hints = typing.get_type_hints(value_type)
    found: dict[str, type] = {}
    for f in fields(value_type):
        kind = typing.get_origin(hints[f.name]) or hints[f.name]
        if kind in (frozenset, set, tuple, list):
            found[f.name] = kind
    return found


def row_values(value: DataclassInstance, *, leave_out: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    """The value's fields as a row holds them (the id is the database's to give)."""
    kinds = _collections(type(value))
    found: dict[str, Any] = {}
    for f in fields(value):
        if f.name in leave_out:
            continue
        held = getattr(value, f.name)
        if kinds.get(f.name) in (frozenset, set):
            held = sorted(held)
        elif f.name in kinds:
            held = list(held)
        found[f.name] = held
    return found


def fill_row(row: object, value: DataclassInstance, **also: Any) -> None:
    """Copy `value` into `row`; `also` sets the row's own columns (a position, the draft mark)."""
    for name, held in {**row_values(value), **also}.items():
        if not hasattr(type(row), name):  # a new field with no column would vanish silently
            raise AttributeError(f"{type(row).__name__} has no column {name!r}")
        setattr(row, name, held)


def new_row(row_type: type[R], value: DataclassInstance, **also: Any) -> R:
    """A new row holding `value` (its id left for the database)."""
    row = row_type()
    fill_row(row, value, **also)
    return row


def value_of(value_type: type[V], row: object) -> V:
    """The value a row holds: each field of `value_type` from the row's column of that name."""
    kinds = _collections(value_type)
    found: dict[str, Any] = {}
    for f in fields(value_type):
        held = getattr(row, f.name)
        found[f.name] = kinds[f.name](held) if f.name in kinds else held
    return value_type(**found)
