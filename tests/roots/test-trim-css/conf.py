extensions = ["myst_parser", "lean"]
lean_icon_fonts = []  # the default theme has no icon font
lean_page_descriptions = {"search": "Search this test site."}
html_use_index = False
html_static_path = ["_static"]
html_css_files = ["broken.css", "fine.css"]
