"""What every extension of ours tells Sphinx about itself."""


def metadata(version: str, env_version: int = 1) -> dict:
    """``setup()``'s answer: parallel-safe, since env data lives in Domains (``common.pages``)
    or is recomputed from the pages; ``env_version`` is bumped when stored items change shape."""
    return {
        "version": version,
        "env_version": env_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
