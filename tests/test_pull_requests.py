"""What a pull request shows: the build's warnings as annotations on the lines they are about
(the problem matcher), a link to its Read the Docs preview, and the checks CONTRIBUTING names."""

import json
import re
import subprocess
import sys
import tomllib

import yaml
from conftest import REPO

GITHUB = REPO / ".github"
MATCHER = GITHUB / "sphinx-problem-matcher.json"


def matchers() -> list[tuple[str, re.Pattern, dict]]:
    """(severity, compiled regexp, pattern) of each matcher of the JSON file, as GitHub reads it."""
    found = []
    for matcher in json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"]:
        (pattern,) = matcher["pattern"]
        found.append((matcher["severity"], re.compile(pattern["regexp"]), pattern))
    return found


def annotations(output: str) -> list[dict]:
    """What GitHub makes of a build's output: one annotation per matching line."""
    found = []
    for line in output.splitlines():
        for severity, regexp, pattern in matchers():
            if match := regexp.search(line):
                found.append(
                    {
                        "severity": severity,
                        **{key: match[pattern[key]] for key in ("file", "line", "message", "code")},
                    }
                )
    return found


CONF = 'extensions = ["myst_parser", "important_dates"]\nproject = "Pull request"\n'
DATES = """# Dates

```{important-dates}
- id: deadline
  date: 2022-02-30
  label: Deadline
```
"""


def test_a_bad_date_becomes_an_annotation_on_its_line(tmp_path):
    # A real bad build, run as CI runs it: from the site folder, so paths are relative to it.
    (tmp_path / "conf.py").write_text(
        CONF + f"import sys\nsys.path.insert(0, {str(REPO / '_ext')!r})\n"
    )
    (tmp_path / "dates.md").write_text(DATES, encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n\n{date}`dedline`\n\n```{toctree}\ndates\n```\n")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-b", "html", ".", "_build"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode != 0
    warnings = [line for line in done.stderr.splitlines() if ": WARNING: " in line]
    assert len(warnings) >= 2, done.stderr
    found = annotations(done.stderr)
    assert len(found) == len(warnings), (found, warnings)
    bad_date = DATES.splitlines().index("  date: 2022-02-30") + 1
    # Sphinx names the file by its full path; GitHub places it in the checkout.
    by_file = {((tmp_path / a["file"]).relative_to(tmp_path).as_posix(), a["line"]) for a in found}
    assert ("dates.md", str(bad_date)) in by_file
    assert ("index.md", "3") in by_file
    for annotation in found:
        assert annotation["severity"] == "warning"
        assert annotation["code"] and re.fullmatch(r"[\w-]+(\.[\w-]+)?", annotation["code"])
        assert not annotation["message"].endswith("]"), annotation
        assert annotation["message"] in "\n".join(warnings)


def test_errors_are_error_annotations_and_other_lines_are_not_annotated():
    output = "\n".join(
        [
            "program.md:21: ERROR: Unknown directive type: 'shedule'. [myst.directive_unknown]",
            "\x1b[91msoc.md:12: WARNING: person 'Ada' has no affiliation [people.affiliation]"
            "\x1b[39;49;00m",
            "build succeeded.",
            "E   <src>/dates.md:7: WARNING: echoed by a test, not a build line [dates.format]",
            "reading sources... [ 50%] dates",
        ]
    )
    assert annotations(output) == [
        {"severity": "error", "file": "program.md", "line": "21",
         "message": "Unknown directive type: 'shedule'.", "code": "myst.directive_unknown"},
        {"severity": "warning", "file": "soc.md", "line": "12",
         "message": "person 'Ada' has no affiliation", "code": "people.affiliation"},
    ]  # fmt: skip


def workflow(name: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))


def test_ci_registers_the_matcher_before_the_build_and_runs_make_test():
    steps = workflow("ci.yml")["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    register = next(i for i, run in enumerate(runs) if "::add-matcher::" in run)
    assert f"::add-matcher::{MATCHER.relative_to(REPO).as_posix()}" in runs[register]
    build = next(i for i, run in enumerate(runs) if "make html" in run)
    test = next(i for i, run in enumerate(runs) if ".ci/run" in run)
    assert register < build < test
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_each_pull_request_gets_its_read_the_docs_preview_link():
    preview = workflow("preview.yml")
    # PyYAML reads the key `on` as True.
    assert preview[True] == {"pull_request_target": {"types": ["opened"]}}
    assert preview["permissions"] == {"pull-requests": "write"}
    (job,) = preview["jobs"].values()
    (step,) = job["steps"]
    assert step["uses"] == "readthedocs/actions/preview@v1"
    assert step["with"]["project-slug"]


def test_the_dev_set_up_installs_pre_commit_which_contributing_asks_for():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dev = project["optional-dependencies"]["dev"]
    assert any(re.match(r"pre-commit\s*>=", requirement) for requirement in dev)
    assert "pre-commit install" in (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert (REPO / ".pre-commit-config.yaml").is_file()
