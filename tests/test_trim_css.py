"""The stylesheet scanner and pruner of _ext/trim, on small cases, on the theme's real CSS,
and on stylesheets a contributor may break."""

import re
import shutil
from pathlib import Path

import pydata_sphinx_theme
import pytest
import sphinx_design
import tinycss2
from conftest import warnings_of
from trim import css, vocabulary

THEME_CSS = sorted(Path(pydata_sphinx_theme.__file__).parent.rglob("*.css"))
DESIGN_CSS = sorted(Path(sphinx_design.__file__).parent.rglob("*.css"))


def text_of(tokens) -> str:
    # tinycss2 writes an empty comment between tokens that would merge ("n/**/+4").
    return tinycss2.serialize(tokens).replace("/**/", "").strip()


def tinycss2_outline(rules) -> list:
    """Rule preludes (and nested rules of grouping at-rules) as tinycss2 reads them."""
    outline = []
    for rule in rules:
        if rule.type in ("whitespace", "comment"):
            continue
        if rule.type == "at-rule":
            prelude = f"@{rule.at_keyword} {text_of(rule.prelude)}".strip()
            if rule.content is None:
                outline.append(("statement", prelude))
            elif f"@{rule.lower_at_keyword}" in css.GROUPING_AT_RULES:
                children = tinycss2.parse_rule_list(rule.content, True, True)
                outline.append(("group", prelude, tinycss2_outline(children)))
            else:
                outline.append(("block", prelude))
        else:
            outline.append(("block", text_of(rule.prelude)))
    return outline


def our_outline(rules) -> list:
    outline = []
    for rule in rules:
        if isinstance(rule, css.Statement):
            outline.append(("statement", rule.text.rstrip(";").strip()))
        elif isinstance(rule, css.Group):
            outline.append(("group", rule.prelude, our_outline(rule.children)))
        else:
            outline.append(("block", rule.prelude))
    return outline


def test_the_real_stylesheets_are_found():
    names = {path.name for path in THEME_CSS + DESIGN_CSS}
    assert {"pydata-sphinx-theme.css", "sphinx-design.min.css"} <= names


@pytest.mark.parametrize("path", THEME_CSS + DESIGN_CSS, ids=lambda p: p.name)
def test_the_scanner_reads_the_same_rules_as_tinycss2(path):
    text = path.read_text(encoding="utf-8")
    reference = tinycss2_outline(tinycss2.parse_stylesheet(text, True, True))
    assert our_outline(css.parse(css.strip_comments(text)[0])) == reference


def keep_if(classes=(), tags=("html", "body", "div", "a"), ids=(), prefixes=()):
    return vocabulary.Vocabulary(set(classes), set(ids), set(tags), set(prefixes)).can_match


def test_a_rule_for_a_class_no_page_uses_is_dropped_and_the_others_stay():
    sheet = ".used{color:red}.unused{color:blue}.used .unused{margin:0}div.used{padding:0}"
    assert (
        css.prune_stylesheet(sheet, keep_if({"used"})) == "\n.used{color:red}div.used{padding:0}\n"
    )


def test_dark_mode_attribute_and_pseudo_class_selectors_are_kept():
    sheet = (
        'html[data-theme="dark"] .used{color:#fff}'
        ":root{--x:1}"
        ".used:hover,.used:focus-visible{color:red}"
        "a:not(.never-used){color:green}"
        ".gone[data-x]{color:blue}"
    )
    kept = css.prune_stylesheet(sheet, keep_if({"used"}))
    assert kept == (
        '\nhtml[data-theme="dark"] .used{color:#fff}:root{--x:1}'
        ".used:hover,.used:focus-visible{color:red}a:not(.never-used){color:green}\n"
    )


def test_a_selector_list_keeps_only_its_matching_selectors():
    sheet = ".a,.b,table .a{color:red}"
    assert css.prune_stylesheet(sheet, keep_if({"a"})) == "\n.a{color:red}\n"


def test_media_queries_are_pruned_inside_and_dropped_when_empty():
    sheet = "@media (min-width:960px){.a{color:red}.b{color:blue}}@media print{.b{color:red}}"
    assert (
        css.prune_stylesheet(sheet, keep_if({"a"})) == "\n@media (min-width:960px){.a{color:red}}\n"
    )


def test_font_faces_keyframes_and_imports_stay_whole():
    sheet = (
        '@import "../basic.css";@font-face{font-family:X;src:url(x.woff2)}'
        "@keyframes spin{0%{rotate:0}to{rotate:1turn}}.gone{color:red}"
    )
    assert css.prune_stylesheet(sheet, keep_if()) == (
        '\n@import "../basic.css";@font-face{font-family:X;src:url(x.woff2)}'
        "@keyframes spin{0%{rotate:0}to{rotate:1turn}}\n"
    )


def test_class_names_built_by_scripts_from_a_prefix_are_kept():
    sheet = ".bs-tooltip-auto{color:red}.bs-popover-top{color:blue}.other-auto{color:green}"
    kept = css.prune_stylesheet(sheet, keep_if(prefixes={"bs-tooltip-"}))
    assert kept == "\n.bs-tooltip-auto{color:red}\n"


def test_license_comments_stay_and_other_comments_go():
    sheet = "/*! License: MIT */.a{color:red}/* a note */.b{color:blue /* inline */}"
    assert css.prune_stylesheet(sheet, keep_if({"a", "b"})) == (
        "/*! License: MIT */\n.a{color:red}.b{color:blue }\n"
    )


def test_a_stylesheet_left_without_rules_is_empty():
    assert css.prune_stylesheet('@charset "UTF-8";.gone{color:red}', keep_if()) == ""


def test_braces_in_strings_and_escaped_class_names_are_read_right():
    sheet = '.a:after{content:"}{"}.sd-col-1\\/2{width:50%}'
    assert css.prune_stylesheet(sheet, keep_if({"a", "sd-col-1/2"})) == (
        '\n.a:after{content:"}{"}.sd-col-1\\/2{width:50%}\n'
    )


@pytest.mark.parametrize(
    ("sheet", "line", "message"),
    [
        (".a{color:red", 1, "a '{' is never closed"),
        ("/* two\nlines */\n.a{color:red}\n}", 4, "a '}' closes nothing"),
        ("@media print{\n.a{color:red}\n", 1, "a '{' is never closed"),
        (".a{color:red}\n.b", 2, "text after the last rule is not a rule"),
    ],
)
def test_unbalanced_braces_fail_loudly_with_their_line(sheet, line, message):
    with pytest.raises(css.CSSSyntaxError, match=re.escape(message)):
        css.parse(css.strip_comments(sheet)[0])
    assert css.syntax_error_line(sheet) == (line, message)


def test_a_balanced_stylesheet_has_no_syntax_error():
    assert css.syntax_error_line("/* } */ .a{content:'}'}") is None


@pytest.mark.parametrize(
    ("selector", "classes", "ids", "tags"),
    [
        ("html[data-theme=dark] .bd-header", {"bd-header"}, set(), {"html"}),
        ("#main-content>p.lead::first-line", {"lead"}, {"main-content"}, {"p"}),
        (".navbar-nav li:not(.active) a", {"navbar-nav"}, set(), {"li", "a"}),
        (":is(.fas,.fa-brands):before", set(), set(), set()),
        ("*,:after,:before", set(), set(), set()),
    ],
)
def test_what_a_selector_requires(selector, classes, ids, tags):
    assert css.requirements(selector) == css.Requirements(
        frozenset(classes), frozenset(ids), frozenset(tags)
    )


def test_imports_are_inlined_unless_one_holds_urls(tmp_path):
    theme = tmp_path / "styles" / "theme.css"
    basic, icons = tmp_path / "basic.css", tmp_path / "i.css"
    sheets = {
        basic.resolve(): ".b{color:blue}",
        icons.resolve(): ".c{background:url(c.png)}",  # would point elsewhere from styles/
    }
    only_basic = '@import "../basic.css";.a{color:red}'
    assert css.inline_imports(only_basic, theme.resolve(), sheets) == ".b{color:blue}.a{color:red}"
    both = '@import "../basic.css";@import url("../i.css");.a{color:red}'
    assert css.inline_imports(both, theme.resolve(), sheets) == both


@pytest.mark.sphinx("html", testroot="trim-css", freshenv=True)
def test_broken_stylesheets_and_outside_fonts_are_located_warnings(app):
    outside_font = app.srcdir / "outside.woff2"
    font_bytes = outside_font.read_bytes()
    app.build()
    assert warnings_of(app) == [
        "<src>/_static/broken.css:2: WARNING: a '{' is never closed, so this stylesheet is "
        "shipped unpruned [trim.css]",
        "<src>/_static/outside.css:4: WARNING: the icon font 'url(../../../outside.woff2)' of "
        "this @font-face points outside the output folder; that font is left alone (write a "
        "URL to a font file under _static/) [trim.font]",
    ]
    static = app.outdir / "_static"
    source = app.srcdir / "_static" / "broken.css"
    assert (static / "broken.css").read_text() == source.read_text()
    # The other stylesheets are pruned as usual; the font outside is untouched.
    assert (static / "fine.css").read_text().strip() == ".used{ color: green; }"
    assert outside_font.read_bytes() == font_bytes
    assert "doctools.js" not in (app.outdir / "index.html").read_text()
    assert "doctools.js" in (app.outdir / "search.html").read_text()


OFF = {"trim_enabled": False}
SAFELIST = {"trim_safelist": ["unused"]}


@pytest.mark.sphinx("html", testroot="trim-css", freshenv=True, confoverrides=OFF)
def test_the_off_switch_ships_every_stylesheet_and_script_whole(app):
    app.build()
    assert warnings_of(app) == []
    for name in ("fine.css", "broken.css", "outside.css"):
        assert (app.outdir / "_static" / name).read_text() == (
            app.srcdir / "_static" / name
        ).read_text()
    # Sphinx's doctools.js stays on every page, not only on the search page.
    assert "doctools.js" in (app.outdir / "index.html").read_text()


@pytest.mark.sphinx("html", testroot="trim-css", freshenv=True, confoverrides=SAFELIST)
def test_the_safelist_keeps_rules_of_classes_no_page_shows(app):
    app.build()
    kept = (app.outdir / "_static" / "fine.css").read_text()
    assert ".used{ color: green; }" in kept and ".unused{ color: red; }" in kept


@pytest.mark.sphinx("text", testroot="trim-css", freshenv=True)
def test_a_build_of_another_format_trims_nothing(app):
    app.build()
    assert warnings_of(app) == []
    assert (app.outdir / "index.txt").is_file()


def test_a_rebuild_after_an_edit_keeps_the_rules_the_edit_uses(make_app, rootdir, tmp_path):
    # Sphinx copies the stylesheets whole at every build; the trimming then reads every
    # page, the rewritten ones and the others.
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-trim-css", srcdir)
    overrides = {"html_css_files": ["fine.css"], "trim_icon_fonts": []}
    make_app("html", srcdir=srcdir, confoverrides=overrides).build()
    fine = srcdir / "_build" / "html" / "_static" / "fine.css"
    assert ".unused" not in fine.read_text()
    with (srcdir / "index.md").open("a") as page:
        page.write("\n```{container} unused\nNow in use.\n```\n")
    make_app("html", srcdir=srcdir, confoverrides=overrides).build()
    assert ".unused{ color: red; }" in fine.read_text()
