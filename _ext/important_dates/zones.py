"""Time zones an entry may use: ``AoE`` (UTC-12), ``UTC``, or an IANA name."""

import difflib
import functools
import zoneinfo
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from importlib import resources

from sphinx.util import logging

#: Anywhere on Earth: the day is over everywhere once it is over at UTC-12.
AOE = timezone(timedelta(hours=-12), "AoE")

ALLOWED = "AoE, UTC or an IANA name"


@functools.cache
def iana_names() -> frozenset[str]:
    # The list of the tzdata package (a dependency; zoneinfo reads it too): the same
    # names on every machine, and one file to read, where available_timezones() also
    # walks the system's zone files (longer than reading a page of the site).
    zones = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return frozenset(zones.split())


def is_known(name: str) -> bool:
    return name in ("AoE", "UTC") or name in iana_names()


def resolve(name: str) -> tzinfo:
    """The tzinfo of a name accepted by :func:`is_known`."""
    if name == "AoE":
        return AOE
    if name == "UTC":
        return UTC
    return zoneinfo.ZoneInfo(name)


def unknown_message(name: str, where: str = "") -> str:
    """What to write instead of an unknown time zone name (``where``: ' in ...')."""
    close = difflib.get_close_matches(name, ["AoE", "UTC", *sorted(iana_names())], n=1)
    example = close[0] if close else "America/New_York"
    return f"unknown time zone {name!r}{where}; use {ALLOWED} such as {example!r}"


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


def check_config(app, config) -> None:
    """An unknown ``dates_timezone`` is a warning, and the default applies."""
    if not is_known(config.dates_timezone):
        logging.getLogger(__name__).warning(
            "%s; falling back to 'AoE'",
            unknown_message(config.dates_timezone, " in dates_timezone (conf.py)"),
            type="dates",
            subtype="timezone",
        )
        config.dates_timezone = "AoE"


def setup_config(app) -> None:
    app.add_config_value("dates_timezone", "AoE", "env", types=frozenset({str}))
    app.connect("config-inited", check_config)
