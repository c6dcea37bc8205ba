"""The people of the site in the Sphinx environment, for other extensions to read (the
organizers of the home page's Event data), right across incremental and parallel builds.

One :class:`Person` per card, kept per page by :class:`PeopleDomain` (purged when a page is
read again, merged from parallel readers: :class:`common.pages.PerPageDomain`).
"""

from dataclasses import dataclass

from common.pages import PerPageDomain
from sphinx.environment import BuildEnvironment


@dataclass(frozen=True)
class Person:
    """One person card, from the directive to the HTML and the Event JSON-LD.

    Every field is plain text as written (never markup); ``url`` is a checked link or "";
    ``photo`` is the published file name of the processed photo, or "" for initials.
    """

    name: str
    affiliation: str
    role: str
    url: str
    photo: str
    docname: str
    line: int


class PeopleDomain(PerPageDomain):
    name = "people"
    label = "People"
    data_version = 2


def add_person(env: BuildEnvironment, person: Person) -> None:
    PeopleDomain.of(env).add(person.docname, person)


def get_people(env: BuildEnvironment) -> list[Person]:
    """Everyone with a person card, in page order, then card order within a page."""
    return [person for _, person in PeopleDomain.of(env).items()]
