"""Which pages hold phases, and the build's instant: a page whose phases changed state
since the last build is written again, even when neither it nor the dates changed, so
that the page without JavaScript is right as of every build.

``env.phases_pages``: docname -> ids its phases name (purged, merged from parallel
readers). ``env.phases_now``: this build's instant; ``env.phases_built_at``: the last's.
"""

from datetime import UTC, datetime

import important_dates
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from . import clock

logger = logging.getLogger(__name__)


def note_page(env: BuildEnvironment, docname: str, ids) -> None:
    _pages(env).setdefault(docname, set()).update(ids)


def _pages(env: BuildEnvironment) -> dict[str, set[str]]:
    if not hasattr(env, "phases_pages"):
        env.phases_pages = {}
    return env.phases_pages


def build_instant(env: BuildEnvironment) -> datetime:
    return getattr(env, "phases_now", None) or datetime.now(UTC)


def take_instant(app: Sphinx) -> None:
    now, problem = clock.build_instant()
    if problem:
        logger.warning(problem, type="phases", subtype="epoch")
    app.env.phases_now = now


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _pages(env).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment):
    theirs = _pages(other)
    _pages(env).update((doc, theirs[doc]) for doc in docnames if doc in theirs)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages with a boundary between the last build's instant and this one's."""
    last, now = getattr(env, "phases_built_at", None), build_instant(env)
    env.phases_built_at = now
    if last is None:
        return []  # a fresh environment: every page is written anyway
    low, high = min(last, now), max(last, now)
    outdated = []
    for docname, ids in sorted(_pages(env).items()):
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
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-updated", pages_to_rewrite)
