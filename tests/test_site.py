"""The built site shows what its sources say (site_contracts), and its set-up holds: one place
for the edition's facts, the Read the Docs build, the canonical URL, quiet rebuilds."""

import re
import shutil

import pytest
import site_contracts
import site_sources
from conftest import PAGES, REPO, build_site


@pytest.mark.parametrize("contract", site_contracts.ALL, ids=lambda check: check.__name__)
def test_the_site_keeps_the_contract(site, contract):
    contract(site)


def test_the_sources_were_read():
    # Guards the contracts against an empty reading of the sources, which would make them pass.
    assert len(PAGES) >= 2 and PAGES[0] == "index"
    assert site_sources.important_dates(REPO)
    assert site_sources.people(REPO)
    assert any(site_sources.date_roles(REPO).values())


def test_the_edition_facts_live_in_one_block_of_conf_py():
    conf = (REPO / "conf.py").read_text(encoding="utf-8")
    repository = site_sources.edition(REPO)["repository"]
    # The repository URL is written once, in the edition block only.
    assert conf.count(repository) == 1
    for page in PAGES:
        assert "github.com" not in (REPO / f"{page}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_pages_name_the_edition_only_through_its_facts(page):
    """Name, conference and city come from conf.py's edition block ({{ name }}, ...),
    in the text and in the front matter; the dates block is the edition's own data."""
    source = (REPO / f"{page}.md").read_text(encoding="utf-8")
    prose = re.sub(r"```\{important-dates\}.*?```", "", source, flags=re.S)
    facts = site_sources.edition(REPO)
    for fact in (facts["name"], facts["conference"], facts["city"]):
        assert fact not in prose, f"{page}.md writes {fact!r} by hand: write it as {{{{ ... }}}}"


def load_conf(monkeypatch, **environ) -> dict:
    """Execute conf.py as Sphinx does, under the given environment variables."""
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    namespace = {"__file__": str(REPO / "conf.py")}
    exec(compile((REPO / "conf.py").read_bytes(), "conf.py", "exec"), namespace)
    return namespace


def test_read_the_docs_builds_conf_py_failing_on_warnings_with_pyproject_dependencies():
    import yaml

    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert config["sphinx"] == {"configuration": "conf.py", "fail_on_warning": True}
    assert config["python"]["install"] == [{"method": "pip", "path": "."}]
    python = tuple(int(part) for part in config["build"]["tools"]["python"].split("."))
    assert python >= (3, 11)


def test_canonical_url_comes_from_read_the_docs(monkeypatch):
    url = "https://ml4astro-icml2022.readthedocs.io/en/latest/"
    assert load_conf(monkeypatch, READTHEDOCS_CANONICAL_URL=url)["html_baseurl"] == url
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL")
    assert load_conf(monkeypatch)["html_baseurl"] == ""


#: Lines a build must never print: noise that hides the messages that matter.
NOISE = ("The configuration has changed", "matplotlib")


def test_a_rebuild_with_nothing_changed_is_quiet(site, tmp_path):
    """Two builds in a row into the same folder: neither says anything about matplotlib, and the
    second does not claim the configuration changed."""
    out = tmp_path / "out"
    shutil.copytree(site.outdir.parent / "doctrees", out / "doctrees")
    shutil.copytree(site.outdir, out / "html")
    again = build_site(out)
    assert again.returncode == 0, again.stderr
    for build in (site, again):
        said = [
            line
            for line in (build.stdout + build.stderr).splitlines()
            if any(noise in line for noise in NOISE)
        ]
        assert said == []
    assert "0 added, 0 changed, 0 removed" in again.stdout
