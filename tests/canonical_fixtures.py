"""Builds of the site as Read the Docs makes them: with its canonical URL.

conf.py derives three settings from READTHEDOCS_CANONICAL_URL (html_baseurl, the
share-preview site URL and the 404 page's URL prefix; test_seo.py checks that);
these builds set the same three values on the command line, since conftest.build_site
clears that variable for the local build.
"""

import pytest
from conftest import build_site

CANONICAL_URL = "https://ml4astro-icml2022.example.org/en/latest/"
CANONICAL_PATH = "/en/latest/"


def build_canonical_site(outdir, *extra: str):
    built = build_site(
        outdir,
        "-D", f"html_baseurl={CANONICAL_URL}",
        "-D", f"ogp_site_url={CANONICAL_URL}",
        "-D", f"notfound_urls_prefix={CANONICAL_PATH}",
        *extra,
    )  # fmt: skip
    assert built.returncode == 0, f"the site build failed:\n{built.stderr}"
    return built


@pytest.fixture(scope="session")
def canonical_site(tmp_path_factory):
    """The site built once with a canonical URL, as on Read the Docs."""
    return build_canonical_site(tmp_path_factory.mktemp("canonical"))
