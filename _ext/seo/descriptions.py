"""Each page's description, for search engines and share previews.

Every page states its own description (MyST ``html_meta``), naming the edition's
facts as ``{{ name }}``; the share preview (``og:description``) repeats it instead
of sphinxext-opengraph's first sentences, and a page without one is a
``seo.description`` warning. Pages Sphinx generates (search, 404) take theirs from
``seo_page_descriptions``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

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
    if description is None and pagename in app.config.seo_page_descriptions:
        description = app.config.seo_page_descriptions[pagename]
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
            type="seo",
            subtype="description",
        )
        return
    # sphinxext-opengraph reads og: overrides from the page's metadata (a copy:
    # the original belongs to the environment).
    context["meta"] = {**(context.get("meta") or {}), "og:description": description}
