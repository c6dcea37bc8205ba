extensions = ["myst_parser", "schedule"]
exclude_patterns = ["_build"]
schedule_timezone = "America/New_York"
