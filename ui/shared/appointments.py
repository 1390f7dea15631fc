"""What every sessions screen needs: the person's store, trusted domains, zone and the opener."""

from __future__ import annotations

import logging
from datetime import tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QTimeZone, QUrl
from PySide6.QtGui import QDesktopServices

from companion.appointments.link_privacy import link_for_log
from companion.appointments.links import LinkCheck, check_link
from companion.appointments.store import AppointmentStore
from ui.context import AppContext

_log = logging.getLogger(__name__)

TRUSTED_DOMAINS_SETTING = "trusted_link_domains"  # comma-separated, if Settings declares it


def appointment_store(ctx: AppContext) -> AppointmentStore:
    """The unlocked person's store, or (for a guest, or before the data opens) one in memory."""
    return ctx.stores().appointments


def trusted_domains(ctx: AppContext) -> tuple[str, ...]:
    """Domains the caregiver trusts besides the known platforms (a clinic's own Jitsi)."""
    try:
        typed = ctx.settings.get(TRUSTED_DOMAINS_SETTING)
    except KeyError:
        typed = ""
    return tuple(part.strip() for part in str(typed or "").split(",") if part.strip())


def display_zone(ctx: AppContext) -> tzinfo | None:
    """The zone times are shown in; None means each moment in the computer's own zone."""
    return ctx.parts.zone


def named_local_zone(ctx: AppContext) -> tzinfo:
    """A named zone (not a fixed offset), so a weekly 2 pm stays 2 pm after a clock change."""
    zone = display_zone(ctx)
    if zone is not None:
        return zone
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        _log.warning("The computer's time zone has no IANA name; using its current offset")
        fallback = ctx.clock.now().astimezone().tzinfo
        assert fallback is not None
        return fallback


def check_session_link(ctx: AppContext, link: str | None) -> LinkCheck:
    """The link's verdict with this person's trusted domains (done again before every opening)."""
    return check_link(link or "", trusted_domains(ctx))


def open_checked_link(verdict: LinkCheck) -> bool:
    """Open the link the check produced (never the raw text) in the system's browser."""
    if not verdict.ok or verdict.url is None:
        return False
    url = QUrl(verdict.url, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme() != "https":
        _log.warning("A checked link did not survive QUrl: %s", link_for_log(verdict.url))
        return False
    opened = QDesktopServices.openUrl(url)
    _log.info("Opened a session link on %s: %s", verdict.platform, "yes" if opened else "no")
    return bool(opened)


def next_session_sentence(ctx: AppContext) -> str | None:
    """ "Next: Tuesday 14 March at 2:00 pm with Dr. Lee" for Home to show and say; None if none."""
    from companion.appointments.schedule import describe_next, next_appointment

    now = ctx.clock.now()
    upcoming = next_appointment(appointment_store(ctx).all(), now)
    return describe_next(upcoming, now, display_zone(ctx)) if upcoming else None
