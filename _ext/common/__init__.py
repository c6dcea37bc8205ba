"""What the content extensions (dates, schedule, people, papers, phases) have in common.

Not a Sphinx extension: a small library, so that the same question gets the same answer
in every extension, from one function:

- :mod:`.problems`: a located mistake, and how it becomes a Sphinx warning;
- :mod:`.suggest`: "did you mean 'speaker'?";
- :mod:`.yaml_body`: a directive's YAML body read with the file's own line numbers,
  bounded in depth, with one hint per common YAML mistake;
- :mod:`.text`: is this field plain text (no control characters)?
- :mod:`.links`: is this a link the site may publish?
- :mod:`.zones`: is this a time zone (AoE, UTC or an IANA name)?
- :mod:`.days`: is this a date the site handles, and how does it read in English (Babel)?
- :mod:`.ids`: anchors through docutils' ``make_id``;
- :mod:`.files`: a file a directive may read (inside the project, regular, bounded);
- :mod:`.pages`: env data kept per page in a Domain (purged and merged the Sphinx way).
"""
