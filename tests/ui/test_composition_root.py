"""One composition root: the screens read typed services, never a string-keyed dictionary."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from companion.security.caregiver import CaregiverLock
from ui.context import AppContext

UI = Path(__file__).resolve().parents[2] / "ui"
LOOKUPS = re.compile(r"\bctx\.services\b|\bservices\[|getattr\([^,]*\bsession\b\s*,")


def test_no_screen_looks_a_service_up_by_name() -> None:
    found = [
        f"{path.relative_to(UI.parent)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if LOOKUPS.search(line)
    ]
    assert found == [], "string-keyed service lookups came back:\n" + "\n".join(found)


def test_the_context_has_no_dictionary_to_put_services_in(
    make_ctx: Callable[..., AppContext],
) -> None:
    ctx = make_ctx()
    assert not hasattr(ctx, "services")
    with pytest.raises(AttributeError):
        ctx.services = {}  # type: ignore[attr-defined]


def test_each_service_is_made_once_and_kept(make_ctx: Callable[..., AppContext]) -> None:
    """The helper's PIN lock and the library are made on first use (not while Home is shown),
    and every later screen gets the same one."""
    ctx = make_ctx(with_person=False)
    assert not ctx.parts.caregiver.made and not ctx.parts.library.made
    lock = ctx.parts.caregiver.get()
    assert isinstance(lock, CaregiverLock)
    assert ctx.parts.caregiver.get() is lock
    assert ctx.parts.library.get() is ctx.parts.library.get()


def test_before_the_data_opens_what_is_done_stays_in_memory(
    make_ctx: Callable[..., AppContext],
) -> None:
    ctx = make_ctx(with_person=False)
    assert ctx.session is None
    stores = ctx.stores()
    assert stores.is_guest and stores.database is None
    assert ctx.stores() is stores  # the same memory stores until a session opens
    with pytest.raises(RuntimeError):
        ctx.open_session()
