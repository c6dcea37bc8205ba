"""A helper process of the build, spoken to in JSON lines.

The helper (``lean.worker``) runs as ``python -m``. It is told what to read ahead
in its first message and what to do in its second; it answers the second with one
line and leaves. Reading ahead happens while Sphinx builds, on the core that
Sphinx leaves idle.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The folder holding the ``lean`` package: a helper imports it from there.
_EXTENSIONS = str(Path(__file__).resolve().parent.parent)


class Helper:
    """The calling side: a running ``python -m <module>`` that ``serve``s."""

    def __init__(self, module: str) -> None:
        self.module = module
        # The helper imports this package from the folder that holds it, first.
        path = os.pathsep.join(filter(None, (_EXTENSIONS, os.environ.get("PYTHONPATH"))))
        self.process = subprocess.Popen(
            [sys.executable, "-m", module],
            env={**os.environ, "PYTHONPATH": path},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._answer: dict | None = None
        #: Messages sent so far: 1 means it read ahead and waits for its work.
        self.sent = 0

    def send(self, message: dict) -> None:
        try:
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
            self.sent += 1
        except BrokenPipeError:
            pass  # the helper has stopped: finish() tells how

    def finish(self) -> dict | None:
        """Wait for the helper to end: its answer, if it gave one (a helper that was
        not sent its work ends when its input ends)."""
        if self.process.returncode is None:
            answer, _ = self.process.communicate("", timeout=120)
            if answer:
                self._answer = json.loads(answer)
            elif self.process.returncode:
                status = self.process.returncode
                self._answer = {"error": f"{self.module} stopped (exit status {status})"}
        return self._answer


def serve(read_ahead: Callable[[dict], Any], work: Callable[[Any, dict], dict]) -> None:
    """The helper's side: ``read_ahead(first message)``, then answer
    ``work(what it read, second message)`` on stdout."""
    # Reading ahead must never slow the build it helps: where the two processes
    # share a core, the build goes first.
    if hasattr(os, "nice"):  # not on Windows
        os.nice(5)
    first = sys.stdin.readline()
    if not first:
        return
    state = read_ahead(json.loads(first))
    # What was read ahead stays until the end: keep the garbage collector from going
    # through it again at every collection (a third of the time left at the end).
    gc.freeze()
    second = sys.stdin.readline()
    if not second:  # the build failed: nothing to do
        return
    try:
        answer = work(state, json.loads(second))
    except Exception as error:  # reported to the build, which fails with it
        answer = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(answer), flush=True)
