# Every field and channel of the site written the way an attacker would write it: each
# payload calls pwn('<case>') or alert(), which must never run (tests/test_hostile.py).
extensions = ["myst_parser", "sphinx_design", "people", "important_dates", "papers"]
extensions += ["schedule", "seo", "guard"]
myst_enable_extensions = ["colon_fence", "substitution", "attrs_inline", "attrs_block"]
myst_heading_anchors = 2
project = "Hostile"
html_title = "Hostile test site"
html_use_index = False
exclude_patterns = ["_build"]
dates_timezone = "UTC"
schedule_timezone = "UTC"
# Edition facts: shown on the pages through {{ name }} and in the Event JSON-LD.
edition = {
    "name": "Workshop </script><script>pwn('edition-name')</script>",
    "conference": "ICML <!--<script>",
    "city": "Baltimore <img src=x onerror=\"pwn('edition-city')\">",
    "year": "2022",
}
myst_substitutions = dict(edition)
seo_edition = edition
seo_event_date_id = "workshop"
seo_page_descriptions = {"search": "Search this test site."}
