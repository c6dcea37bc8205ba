"""No directive reads a file the page names: docutils' file insertion is off.

``include``, ``literalinclude``, ``csv-table :file:`` and ``raw :file:`` would read any
path a page gives (``../../etc/passwd``) and publish it, or print it into the public build
log. The site needs none of them; our own directives that read files (papers, photos) go
through the project-file check of ``common.files`` instead. With file insertion off,
docutils, Sphinx and MyST refuse these directives with a located warning.
"""

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def turn_off_file_insertion(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    env.settings["file_insertion_enabled"] = False


def setup_files(app: Sphinx) -> None:
    app.connect("env-before-read-docs", turn_off_file_insertion)
