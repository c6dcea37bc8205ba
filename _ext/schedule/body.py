"""The YAML body of a ``schedule`` block as items with their line numbers.

Values are the text of each YAML scalar, never YAML's own typing (``08:30`` would be
the number 510 in YAML 1.1). Lines count from 0 at the first line of the body.
"""

import yaml

NULL_TAG = "tag:yaml.org,2002:null"
HINT = "write one '- time: \"HH:MM-HH:MM\"' item per slot, with a 'title:' line under it"


def line_of(text: str, mark: yaml.Mark) -> int:
    """The line of a mark as Sphinx counts it: YAML also breaks lines at U+0085, U+2028
    and U+2029, so its own ``mark.line`` can be ahead of the file's."""
    return text.count("\n", 0, mark.index)


def read_items(text: str):
    """([(line, {key: (text, line)})], [(line, subtype, message)])."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # One line: a warning is one line of the build log.
        what = " ".join(" ".join(part.split()) for part in (error.context, error.problem) if part)
        line = line_of(text, mark) if mark else 0
        return [], [(line, "yaml", f"the schedule is not valid YAML ({what}); {HINT}")]
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position)
        return [], [(line, "yaml", f"the schedule has a character YAML forbids; remove it; {HINT}")]
    if root is None:  # nothing but blank lines and comments
        return [], [(0, "yaml", f"the schedule has no slots; {HINT}")]
    if not isinstance(root, yaml.SequenceNode):
        line = line_of(text, root.start_mark)
        return [], [(line, "yaml", f"the schedule must be a list of slots; {HINT}")]
    items, problems = [], []
    for position, item in enumerate(root.value, start=1):
        first = line_of(text, item.start_mark)
        if not isinstance(item, yaml.MappingNode):
            problems.append((first, "yaml", f"slot {position} is not 'key: value' lines; {HINT}"))
            continue
        values: dict[str, tuple[str, int]] = {}
        for key_node, value_node in item.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or not isinstance(value_node, yaml.ScalarNode):
                what = repr(key) if key is not None else "a key"
                problems.append(
                    (first, "key", f"slot {position}: {what} must be one 'key: value' line")
                )
            elif key in values:
                problems.append(
                    (first, "key", f"slot {position}: key {key!r} is given twice; keep one")
                )
            elif value_node.tag != NULL_TAG and value_node.value.strip():
                values[key] = (value_node.value.strip(), line_of(text, key_node.start_mark))
        items.append((first, values))
    return items, problems
