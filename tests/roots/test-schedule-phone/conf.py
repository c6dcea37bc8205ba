extensions = ["myst_parser", "schedule"]
exclude_patterns = ["_build"]
project = "Phone"
schedule_timezone = "America/New_York"
