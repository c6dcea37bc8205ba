"""The YAML body of a ``schedule`` block as items with their line numbers."""

import yaml

NULL_TAG = "tag:yaml.org,2002:null"
HINT = "write one '- time: \"HH:MM-HH:MM\"' item per slot, with a 'title:' line under it"


def read_items(text: str):
    """([(line, {key: (text, line)})], [(line, message)]); lines count from 0."""
    if not text.strip():
        return [], [(0, f"the schedule has no slots; {HINT}")]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = " ".join(part for part in (error.context, error.problem) if part)
        return [], [(mark.line if mark else 0, f"the schedule is not valid YAML ({what}); {HINT}")]
    except yaml.YAMLError as error:
        return [], [(0, f"the schedule is not valid YAML ({error}); {HINT}")]
    if not isinstance(root, yaml.SequenceNode):
        return [], [(root.start_mark.line, f"the schedule must be a list of slots; {HINT}")]
    items, problems = [], []
    for position, item in enumerate(root.value, start=1):
        if not isinstance(item, yaml.MappingNode):
            problems.append(
                (item.start_mark.line, f"slot {position} is not 'key: value' lines; {HINT}")
            )
            continue
        values = {}
        for key_node, value_node in item.value:
            line = key_node.start_mark.line
            if not isinstance(value_node, yaml.ScalarNode):
                problems.append(
                    (line, f"slot {position}: {key_node.value!r} must be a single value")
                )
            elif value_node.tag != NULL_TAG and value_node.value.strip():
                values[str(key_node.value)] = (value_node.value.strip(), line)
        items.append((item.start_mark.line, values))
    return items, problems
