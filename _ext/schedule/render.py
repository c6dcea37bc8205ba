"""Once every page is read, each schedule block becomes an accessible table.

Done as a post-transform (at write time) because the day may be an important date
defined on a page read after this one; the table then carries the exact instants.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from docutils import nodes
from important_dates.entries import full_date
from important_dates.zones import utc_offset
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from . import dates
from .nodes import schedule_block, schedule_controls, schedule_time
from .slots import KIND_LABELS

logger = logging.getLogger(__name__)

HEADERS = ("Time", "Session", "Speaker")


def instant(day: date, clock: str, zone: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock), ZoneInfo(zone))


def zone_label(moment: datetime) -> str:
    """'EDT, UTC-4'; zones without an abbreviation report only the offset."""
    abbreviation = moment.tzname() or ""
    offset = utc_offset(moment)
    return f"{abbreviation}, {offset}" if abbreviation[:1].isalpha() else offset


class RenderSchedules(SphinxPostTransform):
    default_priority = 100

    def run(self, **kwargs) -> None:
        for block in list(self.document.findall(schedule_block)):
            block.replace_self(self.render(block))

    def render(self, block: schedule_block) -> nodes.container:
        day = self.day(block)
        zone = block["timezone"]
        slots = block["slots"]
        container = nodes.container(classes=["schedule"])
        container.source, container.line = block.source, block.line
        if day is not None and slots:
            container += schedule_controls()
        # The zone's abbreviation and offset on that day (they change with daylight saving).
        moment = instant(day, slots[0]["start"] if slots else "12:00", zone) if day else None
        label = zone_label(moment) if moment else zone
        caption = (
            f"{full_date(day)}, in {zone} time ({label})" if day else f"Program, in {zone} time"
        )
        grid = table(
            caption,
            (f"{HEADERS[0]} ({label})", *HEADERS[1:]),
            [row(slot, day, zone) for slot in slots],
        )
        self.set_table_id(grid, f"schedule-{day}" if day else "schedule")
        container += grid
        return container

    def set_table_id(self, grid: nodes.table, base: str) -> None:
        """A captioned table needs an id (Sphinx numbers them): the day's, unique on the page."""
        ident, number = base, 2
        while ident in self.document.ids:
            ident, number = f"{base}-{number}", number + 1
        grid["ids"].append(ident)
        self.document.ids[ident] = grid

    def day(self, block: schedule_block) -> date | None:
        if block["date"] is None:
            return None  # already reported while reading
        day = dates.resolve(self.env, block["date"])
        if day is None:
            logger.warning(
                "the schedule's :date: %r is neither a date (YYYY-MM-DD) nor the id of an "
                "important-dates entry; write one of the two",
                block["date"],
                location=block,
                type="schedule",
                subtype="date",
            )
        return day


def row(slot: dict, day: date | None, zone: str) -> nodes.row:
    kind = slot["kind"] or "talk"
    return nodes.row(
        "",
        nodes.entry("", nodes.paragraph("", "", *time_cell(slot, day, zone))),
        nodes.entry("", *session_cell(slot)),
        nodes.entry("", *speaker_cell(slot)),
        classes=[f"schedule-{kind}"],
    )


def time_cell(slot: dict, day: date | None, zone: str) -> list[nodes.Node]:
    if day is None:
        return [nodes.Text(f"{slot['start']}–{slot['end']}")]
    start, end = (instant(day, slot[key], zone) for key in ("start", "end"))
    return [
        schedule_time(slot["start"], slot["start"], datetime=start.isoformat(timespec="minutes")),
        nodes.Text("–"),
        schedule_time(slot["end"], slot["end"], datetime=end.isoformat(timespec="minutes")),
        # Filled by the script with the visitor's day when it differs from the venue's.
        nodes.inline(classes=["schedule-day"]),
    ]


def session_cell(slot: dict) -> list[nodes.Node]:
    title = slot["title"]
    if slot["url"]:
        heading = nodes.reference(title, title, refuri=slot["url"])
    else:
        heading = nodes.strong(title, title)
    first = nodes.paragraph("", "", heading, classes=["schedule-title"])
    label = KIND_LABELS.get(slot["kind"])
    if label and label.lower() != title.lower():  # no "Break" badge on a "Break"
        first += [nodes.Text(" "), nodes.inline(label, label, classes=["schedule-kind"])]
    parts = [first]
    if slot["note"]:
        parts.append(nodes.paragraph(slot["note"], slot["note"], classes=["schedule-note"]))
    return parts


def speaker_cell(slot: dict) -> list[nodes.Node]:
    parts = []
    if slot["speaker"]:
        parts.append(
            nodes.paragraph(slot["speaker"], slot["speaker"], classes=["schedule-speaker"])
        )
    if slot["affiliation"]:
        text = slot["affiliation"]
        parts.append(nodes.paragraph(text, text, classes=["schedule-affiliation"]))
    return parts


def table(caption: str, headers: tuple[str, ...], rows: list[nodes.row]) -> nodes.table:
    """A docutils table: caption, header cells, and the time column as row headers."""
    group = nodes.tgroup(cols=len(headers))
    # Widths in characters, used by the text builder; HTML lays the table out itself.
    group += [nodes.colspec(colwidth=14, stub=1)]
    group += [nodes.colspec(colwidth=width) for width in (44, 28)]
    group += nodes.thead(
        "", nodes.row("", *(nodes.entry("", nodes.paragraph(h, h)) for h in headers))
    )
    group += nodes.tbody("", *rows)
    return nodes.table("", nodes.title(caption, caption), group, classes=["schedule-table"])


def setup_render(app: Sphinx) -> None:
    app.add_post_transform(RenderSchedules)
