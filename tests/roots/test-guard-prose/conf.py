extensions = ["myst_parser", "guard"]
myst_enable_extensions = ["dollarmath"]
exclude_patterns = ["_build"]
