extensions = ["myst_parser", "trim"]
# outside.css names an icon font of this family, in a file outside the output folder.
trim_icon_fonts = ["Outside Icons"]
html_use_index = False
html_static_path = ["_static"]
html_css_files = ["broken.css", "fine.css", "outside.css"]
