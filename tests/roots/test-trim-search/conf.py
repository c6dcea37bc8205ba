# A site searched in a dirhtml build, where the search page is search/index.html.
extensions = ["myst_parser", "trim"]
trim_icon_fonts = []  # the default theme has no icon font
html_use_index = False
