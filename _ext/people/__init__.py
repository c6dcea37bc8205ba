"""People cards: the ``person`` directive renders one committee member as a sphinx-design
card, with a photo processed at build time or an initials avatar."""

from common.extension import metadata
from sphinx.application import Sphinx

from .avatar import setup_avatar
from .directive import setup_person
from .photos import setup_photos
from .store import PeopleDomain, Person, get_people

__all__ = ["Person", "get_people", "setup"]

__version__ = "2.0.0"


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx_design")
    app.add_domain(PeopleDomain)
    setup_avatar(app)
    setup_person(app)
    setup_photos(app)
    return metadata(__version__, env_version=3)
