"""Which pages hold phases, and the build's instant: a page whose phases changed state
since the last build is written again, even when neither it nor the dates changed, so
that the page without JavaScript is right as of every build.

The ids each page's phases name are kept in :class:`PhasesDomain` (purged and merged
the Sphinx way, :class:`common.pages.PerPageDomain`). ``env.phases_now``: this build's
instant; ``env.phases_built_at``: the last's.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

import important_dates
from common.pages import PerPageDomain
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from . import clock

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PhaseIds:
    """The date ids that one phase block (or status) of a page names."""

    ids: frozenset[str]


class PhasesDomain(PerPageDomain):
    name = "phases"
    label = "Phases"

    def ids_by_page(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for docname, item in self.items():
            found.setdefault(docname, set()).update(item.ids)
        return found


def note_page(env: BuildEnvironment, docname: str, ids) -> None:
    PhasesDomain.of(env).add(docname, PhaseIds(frozenset(ids)))


def build_instant(env: BuildEnvironment) -> datetime:
    return getattr(env, "phases_now", None) or datetime.now(UTC)


def take_instant(app: Sphinx) -> None:
    now, problem = clock.build_instant()
    if problem:
        logger.warning(problem, type="phases", subtype="epoch")
    app.env.phases_now = now


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages with a boundary between the last build's instant and this one's."""
    last, now = getattr(env, "phases_built_at", None), build_instant(env)
    env.phases_built_at = now
    if last is None:
        return []  # a fresh environment: every page is written anyway
    low, high = min(last, now), max(last, now)
    outdated = []
    for docname, ids in sorted(PhasesDomain.of(env).ids_by_page().items()):
        entries = [entry for date_id in ids if (entry := important_dates.lookup(env, date_id))]
        moments = [moment for entry in entries for moment in _boundaries(entry)]
        if any(low < moment <= high for moment in moments):
            outdated.append(docname)
    return outdated


def _boundaries(entry) -> tuple:
    """Where a phase naming ``entry`` may change: a deadline only when it passes."""
    return (entry.end(),) if entry.is_deadline else (entry.start(), entry.end())


def setup_pages(app: Sphinx) -> None:
    app.connect("builder-inited", take_instant)
    app.add_domain(PhasesDomain)
    app.connect("env-updated", pages_to_rewrite)
