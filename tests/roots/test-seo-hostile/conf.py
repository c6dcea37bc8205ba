# Person cards and edition facts written the way an attacker would write them: none of
# them may end or comment out the home page's Event JSON-LD script (tests/test_seo.py).
extensions = ["myst_parser", "sphinx_design", "people", "important_dates", "seo"]
extensions += ["sphinxext.opengraph"]
myst_enable_extensions = ["colon_fence"]
project = "Hostile"
html_title = "Hostile test site"
html_use_index = False
html_css_files = ["custom.css"]
html_static_path = ["_static"]
dates_timezone = "UTC"
seo_edition = {
    "name": "Workshop </script><script>alert('name')</script>",
    "conference": "ICML <!-- 2022",
    "city": "Baltimore & <b>Co</b>, Maryland, USA",
}
seo_page_descriptions = {"search": "Search this test site."}
ogp_site_url = "https://example.org/"
ogp_social_cards = {"enable": False}
ogp_enable_meta_description = False
