"""The public surface: every name in __all__ resolves, and the docs cover every command and source."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import storyradar
from storyradar.docs_cli import iter_commands

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", storyradar.__all__)
def test_exported_members_resolve(name):
    assert getattr(storyradar, name) is not None


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        storyradar.no_such_thing  # noqa: B018


@pytest.mark.parametrize("command", [name for name, _ in iter_commands()][1:])
def test_every_command_is_documented_and_has_help(command):
    docs = (ROOT / "README.md").read_text("utf-8") + (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert f"`{command}`" in docs or command in docs
    cmd = dict(iter_commands())[command]
    assert (cmd.help or cmd.short_help or "").strip(), f"{command} has no help text"


def test_top_level_commands_are_named_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    top = {name.split()[1] for name, _ in iter_commands()[1:]}
    missing = sorted(c for c in top if f"storyradar {c}" not in readme)
    assert not missing, f"README does not mention: {missing}"


def test_cli_reference_is_current():
    result = subprocess.run([sys.executable, "-m", "cogapp", "--check", str(ROOT / "docs" / "cli.md")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, "docs/cli.md is stale: run .venv/bin/cog -r docs/cli.md\n" + result.stderr


def test_every_source_kind_has_a_section_in_the_docs():
    from storyradar.ingest.registry import SOURCES, load_sources

    load_sources()
    text = (ROOT / "docs" / "sources.md").read_text("utf-8")
    headings = set(re.findall(r"^#+\s*`?([\w-]+)`?", text, flags=re.M))
    missing = sorted(name for name in SOURCES if name not in headings and f"`{name}`" not in text)
    assert not missing, f"docs/sources.md lacks: {missing}"


def test_cli_help_runs_without_the_heavy_extras():
    result = subprocess.run([sys.executable, "-m", "storyradar", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "storyradar" in result.stdout
    probe = ("import sys, storyradar.cli; "
             "print(sorted(m for m in ('fastapi', 'pyspark', 'playwright', 'pytest', 'hypothesis', 'uvicorn')"
             " if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]", f"the CLI imports optional packages at start-up: {loaded}"
