extensions = ["myst_parser", "important_dates"]
project = "Test Workshop"
exclude_patterns = ["_build"]
