extensions = ["myst_parser", "important_dates"]
project = "Test Workshop"
exclude_patterns = ["_build"]
# The rST block has no :timezone: option: its entries take this one.
dates_timezone = "UTC"
