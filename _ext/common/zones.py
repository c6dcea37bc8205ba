"""Is this a time zone? ``AoE`` (UTC-12, for deadlines), ``UTC`` or an IANA name.

One answer for dates, schedule and conf.py values. IANA names come from the list of the
``tzdata`` package (a dependency; ``zoneinfo`` reads it too): the same names on every
machine, and one file to read. Names that are files but not zones are refused, whatever
the machine has: ``localtime`` (the build machine's own zone), ``posixrules``, ``Factory``,
folders such as ``America``, and anything longer than any real name.
"""

import functools
import zoneinfo
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from importlib import resources

from .suggest import closest

#: Anywhere on Earth: the day is over everywhere once it is over at UTC-12.
AOE = timezone(timedelta(hours=-12), "AoE")
ALLOWED = "AoE, UTC or an IANA name"
#: In the tzdata list, but not a place's time: "Local time zone must be set".
NOT_ZONES = frozenset({"Factory"})


@functools.cache
def iana_names() -> frozenset[str]:
    zones = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return frozenset(zones.split()) - NOT_ZONES


def is_zone(name: str) -> bool:
    return name in ("AoE", "UTC") or name in iana_names()


def resolve(name: str) -> tzinfo:
    """The tzinfo of a name accepted by :func:`is_zone`."""
    if name == "AoE":
        return AOE
    if name == "UTC":
        return UTC
    return zoneinfo.ZoneInfo(name)


def unknown_message(name: str, where: str = "") -> str:
    """What to write instead of an unknown zone (``where``: ' in the :timezone: option')."""
    close = closest(name[:64], ["AoE", "UTC", *sorted(iana_names())])
    example = close or "America/New_York"
    shown = name if len(name) <= 64 else name[:61] + "..."
    return f"unknown time zone {shown!r}{where}; use {ALLOWED} such as {example!r}"


def utc_offset(moment: datetime) -> str:
    """'UTC-4', 'UTC+5:30', 'UTC+0' for an aware datetime."""
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def describe(name: str, moment: datetime) -> str:
    """A reader's description of the zone at a moment: 'Anywhere on Earth (UTC-12)'."""
    if name == "AoE":
        return "Anywhere on Earth (UTC-12)"
    if name == "UTC":
        return "UTC"
    abbreviation = moment.tzname() or ""
    # Zones without a customary abbreviation report their offset ('-03'): don't repeat it.
    details = utc_offset(moment)
    if abbreviation[:1].isalpha():
        details = f"{abbreviation}, {details}"
    return f"{name} time ({details})"
