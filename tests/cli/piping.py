"""Running the command as a pipe's writer whose reader leaves early (`supervise … | head -1`)."""

from __future__ import annotations

import subprocess


def read_one_line_and_leave(command: list[str]) -> tuple[int, str]:
    """Run ``command``, read its first line, close the pipe; its exit code and its stderr."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read().decode()
        return process.wait(timeout=60), errors
