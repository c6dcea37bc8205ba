extensions = ["myst_parser", "trim", "seo"]
trim_icon_fonts = []  # the default theme has no icon font
seo_page_descriptions = {"search": "Search this test site."}
html_use_index = False
