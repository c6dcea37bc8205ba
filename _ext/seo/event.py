"""The workshop as a schema.org ``Event`` (JSON-LD) in the home page's head.

Search engines show events with their date and place. Everything comes from
the build: the name and place from ``lean_edition`` (conf.py's edition block),
the day from the important-dates entry ``lean_event_date_id``, the organizers
from the person cards of the site, the URL from ``html_baseurl``.
"""

from __future__ import annotations

import json

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .seo import meta_description, site_url

logger = logging.getLogger(__name__)


def organizers(env: BuildEnvironment) -> list[dict]:
    """The people of the person cards, in page then card order, as schema.org Persons."""
    from people import get_people  # the people extension owns the person cards

    persons = []
    for person in get_people(env):
        entry = {"@type": "Person", "name": person["name"]}
        if person["affiliation"]:
            entry["affiliation"] = {"@type": "Organization", "name": person["affiliation"]}
        persons.append(entry)
    return persons


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

    edition = app.config.lean_edition
    day = lookup(app.env, app.config.lean_event_date_id)
    if day is None:
        logger.warning(
            "no important date with id %r for the event of the home page; "
            "set lean_event_date_id to the id of the workshop day",
            app.config.lean_event_date_id,
            location=app.config.root_doc,
            type="lean",
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
    if not app.config.lean_edition:  # no event described in conf.py
        return
    event = event_json_ld(app, meta_description(context.get("metatags") or ""))
    if event is None:
        return
    # "</" cannot close the script early: JSON allows "<\/".
    data = json.dumps(event, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    context["metatags"] = (context.get("metatags") or "") + (
        f'<script type="application/ld+json">{data}</script>\n'
    )


def always_rewrite_home(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The event gathers the dates and the people of other pages: rewrite the home page."""
    return [app.config.root_doc] if app.config.root_doc in env.found_docs else []


def setup_event(app: Sphinx) -> None:
    app.add_config_value("lean_edition", {}, "html", types=[dict])
    app.add_config_value("lean_event_date_id", "workshop", "html", types=[str])
    app.connect("html-page-context", add_event)
    app.connect("env-updated", always_rewrite_home)
