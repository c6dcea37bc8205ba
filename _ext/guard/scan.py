"""One reading of a written page: its inline scripts and styles, its ids, its handlers.

Read with the standard library's HTML tokenizer rather than regular expressions, so that
a ``<script>`` inside a comment is not taken for a script (and its hash never allowed).
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

#: ``type`` values of a ``<script>`` that the browser runs (HTML spec: a JavaScript MIME
#: type essence, ``module``, or none). Others (``application/ld+json``) are data blocks,
#: which Content-Security-Policy does not govern.
JAVASCRIPT_TYPES = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
    "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
})  # fmt: skip

#: Attributes whose value is a URL a click or a load follows.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster"})


@dataclass
class Element:
    """An element with an id: its tag, the line of the page it starts on, its first text."""

    tag: str
    line: int
    text: str = ""


@dataclass
class Scan:
    #: Bodies of inline scripts the browser runs, exactly as written.
    scripts: list[str] = field(default_factory=list)
    #: Bodies of ``<style>`` elements.
    styles: list[str] = field(default_factory=list)
    #: Every id of the page, with the elements that carry it, in order.
    ids: dict[str, list[Element]] = field(default_factory=dict)
    #: ``(tag, attribute, line)`` of every ``on...=`` event-handler attribute.
    handlers: list[tuple[str, str, int]] = field(default_factory=list)
    #: ``(tag, attribute, line)`` of every URL attribute with a ``javascript:``-like scheme.
    script_urls: list[tuple[str, str, int]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self, scan: Scan, is_script_url):
        super().__init__(convert_charrefs=False)
        self.scan = scan
        self.is_script_url = is_script_url
        self._inline: list[str] | None = None  # the body being read, if it is kept
        self._open_ids: list[Element] = []  # elements whose first text is still wanted

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.scan.handlers.append((tag, name, line))
            elif name in URL_ATTRIBUTES and value and self.is_script_url(value):
                self.scan.script_urls.append((tag, name, line))
        if values.get("id") is not None:
            element = Element(tag, line)
            self.scan.ids.setdefault(values["id"], []).append(element)
            self._open_ids.append(element)
        if tag == "script" and "src" not in values:
            kind = (values.get("type") or "").strip().lower()
            self._inline = [] if kind in JAVASCRIPT_TYPES else None
            self._target = self.scan.scripts
        elif tag == "style":
            self._inline, self._target = [], self.scan.styles

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._inline is not None:
            self._inline.append(data)
        elif data.strip() and self._open_ids:
            for element in self._open_ids:
                element.text = " ".join(data.split())[:60]
            self._open_ids = []

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            if self._inline is not None:
                self._target.append("".join(self._inline))
            self._inline = None


def scan_page(html: str, is_script_url) -> Scan:
    """What :class:`Scan` lists about ``html``; ``is_script_url(value)`` judges URLs."""
    scan = Scan()
    reader = _Reader(scan, is_script_url)
    reader.feed(html)
    reader.close()
    return scan
