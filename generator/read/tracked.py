"""Generated files committed by mistake (or on purpose): the build cache, the built site, a
virtualenv — anything the repository's .gitignore ignores yet git tracks.

A file forced into the repository under ``.cache/`` would be read by the publishing build;
``briefing check`` refuses every such file, so that a pull request adding one fails.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .errors import ContentError


def tracked_generated_files(root: Path) -> list[ContentError]:
    """One error per tracked file that .gitignore ignores; none outside a git work tree."""
    git = shutil.which("git")
    if git is None:
        return []
    try:
        listed = subprocess.run([git, "-C", str(root), "ls-files", "-z", "--cached", "--ignored",
                                 "--exclude-standard"], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return []
    if listed.returncode != 0:  # not a git work tree
        return []
    return [ContentError(path, 0, 0, "tracked",
                         "a generated or ignored file is committed (.gitignore ignores it, yet "
                         "git tracks it): builds must never read generated files from the "
                         "repository", f"remove it from the repository: git rm --cached '{path}'")
            for path in sorted(filter(None, listed.stdout.decode("utf-8", "replace").split("\0")))]
