extensions = ["myst_parser", "papers"]
exclude_patterns = ["_build"]
