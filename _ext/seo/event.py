"""The workshop as a schema.org ``Event`` (JSON-LD) in the home page's head.

Search engines show events with their date and place. Everything comes from
the build: the name and place from ``seo_edition`` (conf.py's edition block),
the day from the important-dates entry ``seo_event_date_id``, the organizers
from the person cards of the site, the URL from ``html_baseurl``.

The JSON sits in a ``<script>`` element of the page's head, where the HTML parser
ends the element at the first ``</script`` and treats ``<!--`` specially: every
``<``, ``>`` and ``&`` of the JSON is written as ``\\u003c``, ``\\u003e``, ``\\u0026``
(the same string for a JSON reader), so no name or affiliation can end or comment
out the script and take the head's title, stylesheets and share tags with it.
"""

from __future__ import annotations

import json

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .descriptions import meta_description
from .sitemap import site_url

logger = logging.getLogger(__name__)


def organizers(env: BuildEnvironment) -> list[dict]:
    """The people of the person cards, in page then card order, as schema.org Persons."""
    from people import get_people  # the people extension owns the person cards

    persons = []
    for person in get_people(env):
        entry = {"@type": "Person", "name": person.name}
        if person.affiliation:
            entry["affiliation"] = {"@type": "Organization", "name": person.affiliation}
        persons.append(entry)
    return persons


#: What the HTML parser could read as markup inside a script element.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(data: dict) -> str:
    """``data`` as JSON that cannot close or comment out the script element it sits in."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_SAFE)


def postal_address(place: str) -> dict:
    """'Baltimore, Maryland, USA' -> a schema.org PostalAddress."""
    parts = [part.strip() for part in place.split(",") if part.strip()]
    address = {"@type": "PostalAddress", "addressLocality": parts[0] if parts else place}
    if len(parts) >= 3:
        address["addressRegion"] = ", ".join(parts[1:-1])
    if len(parts) >= 2:
        address["addressCountry"] = parts[-1]
    return address


def event_json_ld(app: Sphinx, description: str | None) -> dict | None:
    from important_dates import lookup  # the dates extension owns the dates

    edition = app.config.seo_edition
    day = lookup(app.env, app.config.seo_event_date_id)
    if day is None:
        logger.warning(
            "no important date with id %r for the event of the home page; "
            "set seo_event_date_id to the id of the workshop day",
            app.config.seo_event_date_id,
            location=app.config.root_doc,
            type="seo",
            subtype="event",
        )
        return None
    event = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": f"{edition['name']} ({edition['conference']} workshop)",
        "startDate": day.date.isoformat(),
        "endDate": day.date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": edition["conference"],
            "address": postal_address(edition["city"]),
        },
        "organizer": organizers(app.env),
    }
    if description:
        event["description"] = description
    if base := site_url(app):
        event["url"] = base
        if app.config.ogp_image:
            event["image"] = base + app.config.ogp_image
    return event


def add_event(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.format != "html" or pagename != app.config.root_doc or doctree is None:
        return
    if not app.config.seo_edition:  # no event described in conf.py
        return
    event = event_json_ld(app, meta_description(context.get("metatags") or ""))
    if event is None:
        return
    context["metatags"] = (context.get("metatags") or "") + (
        f'<script type="application/ld+json">{script_json(event)}</script>\n'
    )


def always_rewrite_home(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The event gathers the dates and the people of other pages: rewrite the home page."""
    return [app.config.root_doc] if app.config.root_doc in env.found_docs else []
