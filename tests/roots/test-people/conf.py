extensions = ["myst_parser", "sphinx_design", "people"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_static_path = ["_static"]
