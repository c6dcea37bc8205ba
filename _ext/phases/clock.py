"""The build's own "now", and how a countdown reads: the same words as the browser script.

Without JavaScript a page shows what held when it was built: ``SOURCE_DATE_EPOCH`` when
it is set (reproducible builds), else the current time.
"""

import math
import os
from datetime import UTC, datetime

MINUTE = 60


def build_instant() -> tuple[datetime, str | None]:
    """The build's date, and a problem when ``SOURCE_DATE_EPOCH`` is not a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or not value.strip():
        return datetime.now(UTC), None
    try:
        return datetime.fromtimestamp(int(value.strip()), UTC), None
    except (ValueError, OverflowError, OSError):
        return datetime.now(UTC), (
            f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds since 1970-01-01 UTC; "
            "pages without JavaScript show the phases as of now instead"
        )


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


def countdown(seconds: float) -> str:
    """'18 days', '5 hours', '1 minute': whole days, else whole hours, else minutes
    (rounded up, at least one). Mirrors ``span`` in static/phases.js."""
    minutes = max(1, math.ceil(seconds / MINUTE))
    if minutes >= 24 * 60:
        return _plural(minutes // (24 * 60), "day")
    if minutes >= 60:
        return _plural(minutes // 60, "hour")
    return _plural(minutes, "minute")
