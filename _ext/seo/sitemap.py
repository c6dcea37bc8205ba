"""sitemap.xml and robots.txt, written at the end of an HTML build.

Written here rather than with sphinx-sitemap: that extension starts a second process
on every build and warns, failing ``-W`` builds, wherever the site URL is unknown.
Without a site URL (a local build) there is no sitemap and robots.txt has no
``Sitemap:`` line.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder


def site_url(app: Sphinx) -> str:
    """The site's absolute URL with a final slash, or '' where it is unknown."""
    base = app.config.html_baseurl or ""
    return base if not base or base.endswith("/") else base + "/"


def write_sitemap_and_robots(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    if app.builder.name == "epub":
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
