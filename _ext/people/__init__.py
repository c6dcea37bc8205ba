"""People cards: the ``person`` directive renders one committee member as a sphinx-design card."""

from sphinx.application import Sphinx

from .avatar import setup_avatar
from .directive import setup_person
from .store import get_people, setup_store

__all__ = ["get_people", "setup"]

__version__ = "1.0.0"


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx_design")
    setup_avatar(app)
    setup_person(app)
    setup_store(app)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
