"""What search engines and share previews read: page descriptions, share tags, the
workshop as an Event (JSON-LD), sitemap.xml and robots.txt.

Configuration (``conf.py``):

- ``seo_edition``: the edition facts (name, conference, city) the Event is made of.
- ``seo_event_date_id``: the important-dates id of the workshop day.
- ``seo_page_descriptions``: descriptions of pages without a source file (search, 404).

Modules: ``descriptions`` (each page's description, copied to its share tags),
``event`` (the home page's JSON-LD), ``sitemap`` (sitemap.xml, robots.txt).
"""

from common.extension import metadata
from sphinx.application import Sphinx

from .descriptions import describe_page
from .event import add_event, always_rewrite_home
from .sitemap import write_sitemap_and_robots

__version__ = "2.0.0"


def setup(app: Sphinx) -> dict:
    app.add_config_value("seo_edition", {}, "html", types=[dict])
    app.add_config_value("seo_event_date_id", "workshop", "html", types=[str])
    app.add_config_value("seo_page_descriptions", {}, "html", types=[dict])
    # Before sphinxext-opengraph (priority 500), which reads the og: overrides.
    app.connect("html-page-context", describe_page, priority=400)
    app.connect("html-page-context", add_event)
    app.connect("env-updated", always_rewrite_home)
    app.connect("build-finished", write_sitemap_and_robots)
    return metadata(__version__)
