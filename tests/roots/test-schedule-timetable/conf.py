extensions = ["myst_parser", "schedule"]
exclude_patterns = ["_build"]
project = "Workshop on Artificial Scientific Discovery"
