"""What search engines and social sites read: descriptions, sitemap.xml, robots.txt.

Every page states its own description (MyST ``html_meta``); the share preview
(``og:description``) repeats it instead of sphinxext-opengraph's first sentences,
and a page without one is a ``lean.seo`` warning. Pages Sphinx generates (search,
404) take theirs from ``lean_page_descriptions``.

The sitemap is written here rather than with sphinx-sitemap: that extension
starts a helper process on every build (about 0.1 s, most of the build-time
allowance) and warns, failing ``-W`` builds, wherever the site URL is unknown.
Without a site URL (a local build) there is no sitemap and robots.txt has no
``Sitemap:`` line.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.sax.saxutils import escape

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


class _MetaReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name"):
            self.names[attributes["name"]] = attributes.get("content") or ""


def meta_description(metatags: str) -> str | None:
    reader = _MetaReader()
    reader.feed(metatags)
    return reader.names.get("description")


def site_url(app: Sphinx) -> str:
    """The site's absolute URL with a final slash, or '' where it is unknown."""
    base = app.config.html_baseurl or ""
    return base if not base or base.endswith("/") else base + "/"


#: ``{{ name }}`` as MyST writes a substitution in a page's text.
SUBSTITUTION = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def substitute_facts(metatags: str, facts: dict) -> str:
    """Fill ``{{ name }}``-style edition facts into the page's meta tags.

    MyST substitutes them in the page's text but not in its front matter, and the
    descriptions should name the edition from conf.py's one block too.
    """

    def fact(match: re.Match) -> str:
        key = match.group(1)
        return html.escape(str(facts[key])) if key in facts else match.group(0)

    return SUBSTITUTION.sub(fact, metatags)


def describe_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Share the page's own description; warn where a page has none."""
    if app.builder.format != "html":
        return
    metatags = substitute_facts(context.get("metatags") or "", app.config.myst_substitutions)
    context["metatags"] = metatags
    description = meta_description(metatags)
    if description is None and pagename in app.config.lean_page_descriptions:
        description = app.config.lean_page_descriptions[pagename]
        context["metatags"] = (
            metatags + f'<meta name="description" content="{html.escape(description)}" />\n'
        )
    if description is None:
        location = pagename if doctree is not None else None
        logger.warning(
            "page %r has no meta description; add it to the page's front matter "
            "(myst: html_meta: description: ...)",
            pagename,
            location=location,
            type="lean",
            subtype="seo",
        )
        return
    # sphinxext-opengraph reads og: overrides from the page's metadata (a copy:
    # the original belongs to the environment).
    context["meta"] = {**(context.get("meta") or {}), "og:description": description}


def write_sitemap_and_robots(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    base = site_url(app)
    robots = "User-agent: *\nAllow: /\n"
    if base:
        locations = "".join(
            f"<url><loc>{escape(base + app.builder.get_target_uri(docname))}</loc></url>\n"
            for docname in sorted(app.env.found_docs)
        )
        (outdir / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{locations}</urlset>\n",
            encoding="utf-8",
        )
        robots += f"Sitemap: {base}sitemap.xml\n"
    (outdir / "robots.txt").write_text(robots, encoding="utf-8")


def setup_seo(app: Sphinx) -> None:
    app.add_config_value("lean_page_descriptions", {}, "html", types=[dict])
    # Before sphinxext-opengraph (priority 500), which reads the og: overrides.
    app.connect("html-page-context", describe_page, priority=400)
    # While the worker prunes the stylesheets (see assets.setup_assets).
    app.connect("build-finished", write_sitemap_and_robots, priority=900)
