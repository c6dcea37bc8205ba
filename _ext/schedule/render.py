"""Once every page is read, each schedule block becomes an accessible table.

Done as a post-transform (at write time) because the day may be an important date
defined on a page read after this one; the table then carries the exact instants.
On a phone the same table is laid out as a list of slots (``schedule.css``), and words
with a hyphen are kept whole, so that no word is split across two lines.
"""

import re
from datetime import date, datetime, time

from common import zones
from common.days import full_date
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from . import day as days
from .domain import Schedule
from .nodes import schedule_block, schedule_controls, schedule_time
from .slots import KIND_LABELS, Slot

logger = logging.getLogger(__name__)

HEADERS = ("Time", "Session", "Speaker")
#: Words a browser may break at their hyphen; longer ones may break (they cannot fit).
HYPHENATED = re.compile(r"\S{1,40}[-‐–]\S{1,40}")


def instant(day: date, clock: str, zone: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock), zones.resolve(zone))


def zone_label(zone: str, moment: datetime) -> str:
    """'EDT, UTC-4' for the time column; zones without an abbreviation give the offset."""
    if zone == "UTC":
        return "UTC"
    abbreviation = moment.tzname() or ""
    offset = zones.utc_offset(moment)
    return f"{abbreviation}, {offset}" if abbreviation[:1].isalpha() else offset


class RenderSchedules(SphinxPostTransform):
    default_priority = 100

    def run(self, **kwargs) -> None:
        for block in list(self.document.findall(schedule_block)):
            block.replace_self(self.render(block))

    def render(self, block: schedule_block) -> nodes.container:
        schedule: Schedule = block["schedule"]
        day = self.day(schedule)
        zone, slots = schedule.timezone, schedule.slots
        container = nodes.container(classes=["schedule"])
        container.source, container.line = block.source, block.line
        if day is not None and slots:
            container += schedule_controls()
        if day is not None:
            # The zone's abbreviation and offset on that day (they change with daylight saving).
            moment = instant(day, slots[0].start if slots else "12:00", zone)
            label, described = zone_label(zone, moment), zones.describe(zone, moment)
            lead = f"{full_date(day)}, in "
        else:
            label, described, lead = zone, f"{zone} time", "Program, in "
        # The script names the visitor's zone in the same place after "Show in my time zone".
        caption = [nodes.Text(lead), nodes.inline(described, described, classes=["schedule-zone"])]
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

    def day(self, schedule: Schedule) -> date | None:
        if schedule.day is None:
            return None  # already reported while reading
        found = days.resolve(self.env, schedule.day)
        message = days.unknown_message(self.env, schedule.day) if found is None else None
        if message:
            logger.warning(
                message,
                location=(schedule.docname, schedule.day_line),
                type="schedule",
                subtype="date",
            )
        return found


def words(text: str) -> list[nodes.Node]:
    """Text nodes, with each hyphenated word kept on one line (``schedule-word``)."""
    parts: list[nodes.Node] = []
    last = 0
    for match in HYPHENATED.finditer(text):
        if match.start() > last:
            parts.append(nodes.Text(text[last : match.start()]))
        parts.append(nodes.inline(match[0], match[0], classes=["schedule-word"]))
        last = match.end()
    if last < len(text):
        parts.append(nodes.Text(text[last:]))
    return parts


def row(slot: Slot, day: date | None, zone: str) -> nodes.row:
    return nodes.row(
        "",
        nodes.entry("", nodes.paragraph("", "", *time_cell(slot, day, zone))),
        nodes.entry("", *session_cell(slot)),
        nodes.entry("", *speaker_cell(slot)),
        classes=[f"schedule-{slot.kind or 'talk'}"],
    )


def time_cell(slot: Slot, day: date | None, zone: str) -> list[nodes.Node]:
    if day is None:
        return [nodes.Text(f"{slot.start}–{slot.end}")]
    start, end = (instant(day, clock, zone) for clock in (slot.start, slot.end))
    return [
        schedule_time(slot.start, slot.start, datetime=start.isoformat(timespec="minutes")),
        nodes.Text("–"),
        schedule_time(slot.end, slot.end, datetime=end.isoformat(timespec="minutes")),
        # Filled by the script with the visitor's day when it differs from the venue's.
        nodes.inline(classes=["schedule-day"]),
    ]


def session_cell(slot: Slot) -> list[nodes.Node]:
    if slot.url:
        heading = nodes.reference("", "", *words(slot.title), refuri=slot.url)
    else:
        heading = nodes.strong("", "", *words(slot.title))
    first = nodes.paragraph("", "", heading, classes=["schedule-title"])
    label = KIND_LABELS.get(slot.kind)
    if label and label.lower() != slot.title.lower():  # no "Break" badge on a "Break"
        first += [nodes.Text(" "), nodes.inline(label, label, classes=["schedule-kind"])]
    parts = [first]
    if slot.note:
        parts.append(nodes.paragraph("", "", *words(slot.note), classes=["schedule-note"]))
    return parts


def speaker_cell(slot: Slot) -> list[nodes.Node]:
    parts = []
    for key in ("speaker", "affiliation"):
        value = getattr(slot, key)
        if value:
            parts.append(nodes.paragraph("", "", *words(value), classes=[f"schedule-{key}"]))
    return parts


def table(caption: list[nodes.Node], headers: tuple[str, ...], rows: list[nodes.row]):
    """A docutils table: caption, header cells, and the time column as row headers."""
    group = nodes.tgroup(cols=len(headers))
    # Widths in characters, used by the text builder; HTML lays the table out itself.
    group += [nodes.colspec(colwidth=14, stub=1)]
    group += [nodes.colspec(colwidth=width) for width in (44, 28)]
    group += nodes.thead(
        "", nodes.row("", *(nodes.entry("", nodes.paragraph(h, h)) for h in headers))
    )
    group += nodes.tbody("", *rows)
    return nodes.table("", nodes.title("", "", *caption), group, classes=["schedule-table"])


def setup_render(app: Sphinx) -> None:
    app.add_post_transform(RenderSchedules)
