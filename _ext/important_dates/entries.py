"""One important date, validated: its instants and how it reads in English."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from common import zones
from common.days import full_date, weekday_clock


def utc_iso(moment: datetime) -> str:
    """'2022-05-17T12:00:00Z', the form the browser script reads."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class DateEntry:
    """A valid entry of an ``important-dates`` block: the same object in the environment,
    on the page's node and in the feed. Plain values only, so it pickles."""

    id: str
    label: str
    date: date
    timezone: str
    time: str | None = None
    extended_from: date | None = None
    url: str | None = None
    note: str | None = None
    docname: str = ""
    line: int = 0

    @property
    def all_day(self) -> bool:
        return self.time is None

    @property
    def is_deadline(self) -> bool:
        """An all-day AoE entry is a deadline: what counts is the end of its day."""
        return self.all_day and self.timezone == "AoE"

    def start(self) -> datetime:
        clock = time(0, 0) if self.time is None else time.fromisoformat(self.time)
        return datetime.combine(self.date, clock, zones.resolve(self.timezone))

    def end(self) -> datetime:
        """When the entry is over: the end of its day, or its exact instant."""
        if self.all_day:
            next_day = self.date + timedelta(days=1)
            return datetime.combine(next_day, time(0, 0), zones.resolve(self.timezone))
        return self.start()

    def moment(self) -> datetime:
        """What a countdown counts to: a deadline's end, an event's start."""
        return self.end() if self.is_deadline else self.start()

    def sort_key(self) -> datetime:
        """Chronological order compares real instants; an all-day entry counts as its end."""
        return self.end().astimezone(UTC)

    def datetime_attribute(self) -> str:
        """The machine-readable value of a ``<time datetime>`` element."""
        if self.all_day:
            return self.date.isoformat()
        return self.start().isoformat(timespec="minutes")

    def when(self) -> str:
        """'Monday, May 16, 2022' or 'Saturday, July 23, 2022, 14:30'."""
        text = full_date(self.date)
        return text if self.all_day else f"{text}, {self.time}"

    def zone_meaning(self) -> str:
        """What the time zone means: 'end of day, Anywhere on Earth (UTC-12)'."""
        zone = zones.describe(self.timezone, self.start())
        if self.is_deadline:
            return f"end of day, {zone}"
        if self.all_day:
            return f"all day, {zone}"
        return zone

    def in_utc(self) -> str:
        """The same moment in UTC, for readers without the browser script."""
        if self.all_day and not self.is_deadline:
            first, last = self.start(), self.end() - timedelta(minutes=1)
            return f"= {_utc_clock(first)} to {_utc_clock(last)} UTC"
        shown = self.end() - timedelta(minutes=1) if self.is_deadline else self.start()
        return f"= {_utc_clock(shown)} UTC"

    def summary(self) -> str:
        """Names an entry in a message: "'notification' (Friday, June 3, 2022, end of day AoE)"."""
        if self.all_day:
            return f"{self.id!r} ({self.when()}, end of day {self.timezone})"
        return f"{self.id!r} ({self.when()} {self.timezone})"


def _utc_clock(moment: datetime) -> str:
    return weekday_clock(moment.astimezone(UTC))
