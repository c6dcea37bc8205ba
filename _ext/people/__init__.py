"""People cards: the ``person`` directive renders one committee member as a sphinx-design card."""

from sphinx.application import Sphinx

from .avatar import setup_avatar
from .directive import setup_person

__version__ = "1.0.0"


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx_design")
    setup_avatar(app)
    setup_person(app)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
