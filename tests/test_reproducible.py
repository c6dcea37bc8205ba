"""Two clean builds of the site give the same bytes (SOURCE_DATE_EPOCH fixes the build date),
and so does a parallel build (``-j 2``: Sphinx forks readers and writers, whose env data the
extensions' domains merge back)."""

import pytest
from canonical_fixtures import build_canonical_site


def files_of(outdir) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("options", [(), ("-j", "2")], ids=["serial", "parallel"])
def test_two_clean_builds_are_byte_identical(canonical_site, tmp_path, options):
    again = build_canonical_site(tmp_path, *options)
    first, second = files_of(canonical_site.outdir), files_of(again.outdir)
    # Guards against comparing two empty or partial outputs.
    font = "_static/vendor/fontawesome/webfonts/fa-solid-900.woff2"
    assert {"index.html", "sitemap.xml", font} <= set(first)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
