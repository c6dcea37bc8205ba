import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["myst_parser", "guard", "anchors"]
myst_enable_extensions = ["colon_fence", "attrs_inline", "attrs_block", "substitution"]
myst_heading_anchors = 2
myst_substitutions = {"bad": "<b>x</b>"}
exclude_patterns = ["_build"]
