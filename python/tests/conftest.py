"""Shared fixtures: the repository, the seed articles and the CLI."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest

import lede

REPO = pathlib.Path(__file__).resolve().parents[2]
SEEDS = REPO / "corpus" / "seeds"


def lede_binary() -> str | None:
    """The `lede` CLI to compare against: $LEDE_BIN, else the newest build in
    target/, else one on the PATH."""
    if os.environ.get("LEDE_BIN"):
        return os.environ["LEDE_BIN"]
    builds = [REPO / "target" / profile / "lede" for profile in ("release", "debug")]
    builds = [b for b in builds if b.exists()]
    if builds:
        return str(max(builds, key=lambda b: b.stat().st_mtime))
    return shutil.which("lede")


@pytest.fixture(scope="session")
def cli() -> str:
    binary = lede_binary()
    if binary is None:
        pytest.skip("no lede binary: build it (cargo build -p lede-cli) or set LEDE_BIN")
    return binary


@pytest.fixture(scope="session")
def nlp() -> lede.Pipeline:
    return lede.Pipeline()


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """Seed article id → text, as `lede run corpus/seeds` names them."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def run_cli(cli: str, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], input=input, capture_output=True, text=True, cwd=REPO, check=False)
