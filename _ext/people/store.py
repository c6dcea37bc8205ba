"""The people of the site in the Sphinx environment, for other extensions to read
(e.g. the organizers of the home page's Event data), right across incremental and
parallel builds.

``env.people_cards``: docname -> the people of that page, in source order, as plain
dicts (name, affiliation, role, docname, lineno). Purged per page, merged from
parallel readers.
"""

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def _cards(env: BuildEnvironment) -> dict[str, list[dict]]:
    if not hasattr(env, "people_cards"):
        env.people_cards = {}
    return env.people_cards


def add_person(env: BuildEnvironment, person: dict) -> None:
    _cards(env).setdefault(person["docname"], []).append(person)


def get_people(env: BuildEnvironment) -> list[dict]:
    """Everyone with a person card, in page order, then card order within a page."""
    cards = _cards(env)
    return [person for docname in sorted(cards) for person in cards[docname]]


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _cards(env).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment):
    theirs = _cards(other)
    _cards(env).update((docname, theirs[docname]) for docname in docnames if docname in theirs)


def setup_store(app: Sphinx) -> None:
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
