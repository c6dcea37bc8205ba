extensions = ["myst_parser", "phases"]
project = "Phases"
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "substitution"]
myst_substitutions = {"city": "Baltimore, Maryland, USA"}
