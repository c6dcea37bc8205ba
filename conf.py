"""Sphinx configuration of the ICML 2022 workshop "Machine Learning for Astrophysics" site."""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

# Our own extensions live in _ext/, next to this file.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- Edition facts -------------------------------------------------------------
# Everything that changes from one edition to the next lives in this block:
# next year's organizers edit it (and the dates in dates.md) and nothing else.
edition = {
    "name": "Machine Learning for Astrophysics",
    "short_name": "ML4Astro",
    "conference": "ICML 2022",
    "year": "2022",
    "city": "Baltimore, Maryland, USA",
    "venue_timezone": "America/New_York",
    "repository": "https://github.com/ml4astro/icml2022",
    "branch": "main",
}

# -- Project information -------------------------------------------------------
project = f"{edition['name']} — {edition['conference']} workshop"
author = "The Scientific Organizing Committee"
copyright = f"{edition['year']}, {author}"
language = "en"

# -- General configuration -----------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx_design",
    "people",
    "important_dates",
    "papers",
    "schedule",
    "phases",
    # Before sphinxext.opengraph: no "configuration has changed" or matplotlib noise.
    "quiet",
    "sphinxext.opengraph",
    "notfound.extension",
    "trim",
    "seo",
    # Last: refuses raw HTML and unsafe page names, and gives every written page its
    # Content-Security-Policy once the others have finished writing (_ext/guard).
    "guard",
]
# Only the pages are sources; everything else at the root is tooling.
exclude_patterns = [
    "_build",
    ".venv",
    "node_modules",
    "tests",
    "benchmarks",
    "README.md",
    "CONTRIBUTING.md",
    "LICENSE*",
    ".*",
    "**/.*",
]
templates_path = ["_templates"]
nitpicky = True
# A page may stay out of the top navigation (CONTRIBUTING, "Add a page") when another page
# links to it.
suppress_warnings = ["toc.not_included"]

# -- Program options -----------------------------------------------------------
# Schedules give their times in the venue's zone unless a block says otherwise.
schedule_timezone = edition["venue_timezone"]

# -- MyST options --------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "substitution", "deflist", "attrs_inline", "attrs_block"]
myst_heading_anchors = 2
# Pages write {{ name }}, {{ conference }}, ... instead of repeating the facts.
myst_substitutions = dict(edition)

# -- HTML output ---------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = f"{edition['name']} · {edition['conference']} workshop"
html_short_title = edition["short_name"]
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_favicon = "_static/favicon.svg"
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_last_updated_fmt = None
# A workshop site has no index of terms: no genindex page to build and weigh.
html_use_index = False
# Read the Docs tells the canonical URL of the project; locally it is unknown.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

_repo_owner, _repo_name = edition["repository"].rstrip("/").split("/")[-2:]
html_context = {
    # pydata's "Edit on GitHub" button is built from these.
    "github_user": _repo_owner,
    "github_repo": _repo_name,
    "github_version": edition["branch"],
    "doc_path": "",
    "default_mode": "auto",
}

# -- Lean pages, search engines, sharing ---------------------------------------
# _ext/trim trims what each page loads (scripts, unused CSS rules, icon glyphs);
# trim_enabled = False ships everything, trim_safelist keeps rules for classes that
# only scripts add at run time. _ext/seo writes the page descriptions, the Event
# JSON-LD of the home page, sitemap.xml and robots.txt.
trim_safelist = []
seo_edition = edition
seo_event_date_id = "workshop"  # the important-dates id of the workshop day
seo_page_descriptions = {  # pages without a source file of their own
    "search": f"Search the pages of the {edition['conference']} workshop {edition['name']}.",
    "404": f"This page does not exist on the site of the {edition['conference']} workshop "
    f"{edition['name']}.",
}
# Share previews (sphinxext-opengraph) with our own image; the description is the
# page's own (seo copies it), never a generated card.
ogp_site_url = html_baseurl
ogp_image = "_static/social-preview.png"
ogp_image_alt = f"{edition['name']}, an {edition['conference']} workshop"
ogp_social_cards = {"enable": False}
ogp_enable_meta_description = False
ogp_custom_meta_tags = [
    '<meta property="og:image:width" content="1200" />',
    '<meta property="og:image:height" content="630" />',
    '<meta name="twitter:card" content="summary_large_image" />',
]
# The 404 page is served for missing URLs at any depth: its links are absolute,
# under the site's path (Read the Docs: /en/latest/; locally: /).
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"
notfound_template = "404.html"
notfound_context = {"title": "Page not found"}

# Single-level site: no left sidebar on any page.
html_sidebars = {"**": []}

html_theme_options = {
    "logo": {
        "text": edition["short_name"],
        "image_light": "_static/logo.svg",
        "image_dark": "_static/logo.svg",
        "alt_text": f"{edition['name']} — home",
    },
    # Four top-level pages, all visible: never fold them into a "More" menu.
    "header_links_before_dropdown": 6,
    "navbar_align": "left",
    "navbar_end": ["theme-switcher", "navbar-icon-links"],
    "icon_links": [
        {
            "name": "Source repository",
            "url": edition["repository"],
            "icon": "fa-brands fa-github",
        }
    ],
    "use_edit_page_button": True,
    "secondary_sidebar_items": ["page-toc", "edit-this-page"],
    "show_prev_next": False,
    "footer_start": ["copyright"],
    "footer_end": [],
    "show_toc_level": 2,
}
