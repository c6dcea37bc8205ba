"""Lean pages: each page loads only what it uses, and says what it is to search engines."""

__version__ = "1.0.0"


def setup(app) -> dict:
    # Imported here rather than at the top: the build's worker process imports this
    # package too (``python -m lean.worker``) and must not wait for Sphinx to import.
    from .assets import setup_assets
    from .event import setup_event
    from .first_paint import setup_first_paint
    from .seo import setup_seo

    setup_assets(app)
    setup_first_paint(app)
    setup_seo(app)
    setup_event(app)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
