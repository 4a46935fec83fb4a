"""The CI workflows keep their security and build guarantees.

A workflow edit is easy to get subtly wrong and is only exercised once merged, so these
tests read the real files in `.github/workflows/` and check what matters: every action is
pinned to a full commit SHA (a moved tag cannot change what runs), pull requests never get
`pull_request_target`'s privileges, no run script expands `${{ }}` (the way untrusted
pull-request fields become shell injection), checks run the project's own make targets, and
publishing deploys Pages and keeps the offline zip.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"
PINNED = re.compile(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}")


def load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as the boolean True.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def triggers(workflow: dict) -> set[str]:
    on = workflow["on"]
    return {on} if isinstance(on, str) else set(on)


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> list[str]:
    return [step["run"] for step in steps(workflow) if "run" in step]


def uses(workflow: dict) -> list[str]:
    return [step["uses"] for step in steps(workflow) if "uses" in step]


ALL = pytest.mark.parametrize("name", ["check.yml", "publish.yml"])


@ALL
def test_every_action_is_pinned_to_a_commit_sha(name):
    actions = uses(load(name))
    assert actions
    assert [a for a in actions if not PINNED.fullmatch(a)] == []


@ALL
def test_no_pull_request_target(name):
    assert "pull_request_target" not in triggers(load(name))


@ALL
def test_run_scripts_expand_no_expressions(name):
    scripts = runs(load(name))
    assert scripts
    assert [s for s in scripts if "${{" in s] == []


def test_check_runs_on_pull_requests_with_read_only_token():
    workflow = load("check.yml")
    assert "pull_request" in triggers(workflow)
    assert workflow["permissions"] == {"contents": "read"}


def test_check_runs_check_site_and_tests():
    commands = "\n".join(runs(load("check.yml")))
    for target in ("make check", "make site", "make test"):
        assert target in commands


def test_publish_deploys_pages_and_keeps_the_offline_zip():
    workflow = load("publish.yml")
    assert "main" in workflow["on"]["push"]["branches"]
    assert "make offline" in "\n".join(runs(workflow))  # the site with its offline zip
    actions = [a.split("@")[0] for a in uses(workflow)]
    assert "actions/upload-pages-artifact" in actions
    assert "actions/deploy-pages" in actions
    artifacts = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert any(s["with"]["path"].startswith("site/telechargement/") for s in artifacts)
