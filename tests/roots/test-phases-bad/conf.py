extensions = ["myst_parser", "phases"]
project = "Phases with mistakes"
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
