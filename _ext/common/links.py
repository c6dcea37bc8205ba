"""Is this a link the site may publish? One answer for dates, schedule, papers and people.

Only absolute ``https:`` links with a host are published, and ``mailto:`` where the field
allows it. Everything else is refused: ``javascript:``, ``data:``, ``vbscript:``, ``http:``
(mixed content), protocol-relative ``//host``, relative paths, ``https:///path`` (no host)
and anything with white space, control characters or a backslash (which browsers read as
a slash). The scheme is case-insensitive (``HTTPS://`` is read as ``https://``).
"""

import re
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

#: A host name or an IPv4/IPv6 literal, with an optional port: what a browser will resolve.
HOST = re.compile(r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?")
MAILBOX = re.compile(r"[^@\s<>\"(),;:\\]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\.[A-Za-z]{2,}")
FORBIDDEN = re.compile(r"[\s\\\x00-\x1f\x7f-\x9f]")


def _valid_port(parts) -> bool:
    try:
        parts.port  # noqa: B018 (raises ValueError past 65535)
    except ValueError:
        return False
    return True


def link_field(
    field: str, value: str | None, report: Callable[[str, str], None], *, mailto: bool = False
) -> str | None:
    """The URL to publish for an optional link field (None when absent or refused).

    A refusal goes to ``report("link", message)``, the message naming the field: every
    extension reports a bad link with the same words and the same subtype.
    """
    if value is None:
        return None
    url, fix = check_link(value, mailto=mailto)
    if fix:
        report("link", f"{field} {fix}")
    return url


def check_link(value: str, *, mailto: bool = False) -> tuple[str | None, str | None]:
    """``(url, None)`` with the URL to publish, or ``(None, what to write instead)``."""
    text = value.strip()
    expected = "an https:// link" + (" or a mailto: address" if mailto else "")
    fix = f"write {expected}, such as 'https://example.org/page'"
    if not text or FORBIDDEN.search(text):
        return None, f"{value!r} is not a link (it has spaces or control characters); {fix}"
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "mailto" and mailto:
        if MAILBOX.fullmatch(parts.path) and not parts.query and not parts.fragment:
            return f"mailto:{parts.path}", None
        return None, f"{value!r} is not an e-mail address; write 'mailto:name@example.org'"
    if scheme != "https":
        what = f"{scheme}: links are not published" if scheme else "it has no https:// in front"
        return None, f"{value!r} is not an https:// link ({what}); {fix}"
    if "@" in parts.netloc or not HOST.fullmatch(parts.netloc) or not _valid_port(parts):
        return None, f"{value!r} has no valid host after 'https://'; {fix}"
    return urlunsplit(parts._replace(scheme="https")), None
