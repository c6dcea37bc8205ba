"""The schedules in the Sphinx environment, for the calendar feed and the page assets.

``env.schedule_blocks``: docname -> the schedules of that page, as plain dicts
(``date``, ``timezone``, ``slots``, ``line``). Purged per page, merged from parallel readers.
"""

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .nodes import schedule_block


def blocks(env: BuildEnvironment) -> dict[str, list[dict]]:
    if not hasattr(env, "schedule_blocks"):
        env.schedule_blocks = {}
    return env.schedule_blocks


def add_block(env: BuildEnvironment, docname: str, block: schedule_block) -> None:
    data = {key: block[key] for key in ("date", "timezone", "slots")}
    data["line"] = block.line
    blocks(env).setdefault(docname, []).append(data)


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    blocks(env).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment):
    theirs = blocks(other)
    blocks(env).update((docname, theirs[docname]) for docname in docnames if docname in theirs)


def setup_store(app: Sphinx) -> None:
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
