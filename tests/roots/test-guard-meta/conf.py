extensions = ["myst_parser", "guard"]
exclude_patterns = ["_build"]
