"""The layers of docs/architecture.md hold: `lint-imports` keeps every [tool.importlinter] contract.

Why: the kernel importing nothing, the domain importing only the kernel, and no store, output or
UI importing the CLI are what keep each part testable alone; a broken contract fails the suite.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    command = [str(exe)] if exe.exists() else [shutil.which("lint-imports") or "lint-imports"]
    return subprocess.run([*command, "--no-cache", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_every_layer_contract_is_kept() -> None:
    run = _lint_imports()
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_a_broken_contract_fails(tmp_path: Path) -> None:
    """The check can fail: the CLI does import the store, so forbidding it must be reported."""
    config = tmp_path / "contracts.toml"
    config.write_text(
        "[tool.importlinter]\n"
        'root_packages = ["parcours"]\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "deliberately false"\n'
        'type = "forbidden"\n'
        'source_modules = ["parcours.cli"]\n'
        'forbidden_modules = ["parcours.store"]\n'
    )
    run = _lint_imports("--config", str(config))
    assert run.returncode != 0
    assert "BROKEN" in run.stdout
