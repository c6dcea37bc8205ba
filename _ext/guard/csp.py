"""The Content-Security-Policy of a page, written into it as a ``<meta http-equiv>``.

Read the Docs serves our files with its own headers, so the policy travels in the page.
It comes right after ``<meta charset>``: a meta policy governs only what follows it.

Scripts: the site's own files (``'self'``) and the page's inline scripts by their SHA-256
hash, exactly as written. No ``'unsafe-inline'``, so an injected ``<script>``, an
``on...=`` handler or a ``javascript:`` link does not run even if one got through.

Styles: ``'unsafe-inline'``. CSS is not script; person photos are sized by a ``style``
attribute, and the theme's scripts write styles into the page as visitors use it. With
``img-src``, ``font-src`` and ``connect-src`` limited to the site, injected CSS cannot
send anything to another host.
"""

import base64
import hashlib
import re

META_NAME = "Content-Security-Policy"
CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
#: The meta this module wrote in an earlier build (a page that was not rewritten since).
WRITTEN = re.compile(r'\n?<meta http-equiv="Content-Security-Policy" content="[^"]*" />')

#: Directives that do not depend on the page.
FIXED = (
    ("default-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def source_hash(body: str) -> str:
    """The CSP source expression of an inline script with this exact body."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: list[str]) -> str:
    """The policy of a page whose inline scripts are ``scripts``."""
    hashes = sorted({source_hash(body) for body in scripts})
    directives = [("script-src", " ".join(["'self'", *hashes])), *FIXED]
    return "; ".join(f"{name} {value}" for name, value in directives)


def with_policy(html: str, scripts: list[str]) -> str | None:
    """``html`` with its policy as the first element after ``<meta charset>``.

    None for a document without ``<head>`` (not a page). A policy written by an earlier
    build is replaced, so rewriting a page that did not change gives the same bytes.
    """
    html = WRITTEN.sub("", html, count=1)
    anchor = CHARSET.search(html) or HEAD.search(html)
    if anchor is None:
        return None
    meta = f'\n<meta http-equiv="{META_NAME}" content="{policy(scripts)}" />'
    return html[: anchor.end()] + meta + html[anchor.end() :]
