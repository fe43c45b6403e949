"""Issue 18: the repository stands alone: no file names a path of the machine it was written on."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: Built from parts so that this file does not name it either.
MACHINE_ROOTS = ("/" + "work" + "/", "../" + "shared" + "/")
SKIPPED_DIRS = {".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache", ".mypy_cache",
                ".import_linter_cache", "node_modules", "build", "dist"}


def _files() -> list[Path]:
    """The repository's files: what git tracks or would track (caches and venvs are ignored), else a walk."""
    import subprocess

    if (REPO / ".git").exists():
        listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO,
                                capture_output=True, check=True).stdout.decode().split("\0")
        return [REPO / name for name in listed if name and (REPO / name).is_file()
                and Path(name).suffix not in {".pdf", ".pyc", ".ttf", ".sqlite", ".db"}]
    out = []
    for path in REPO.rglob("*"):
        rel = path.relative_to(REPO)
        if path.is_file() and not SKIPPED_DIRS.intersection(rel.parts) and not rel.parts[0].endswith(".egg-info") \
                and path.suffix not in {".pdf", ".pyc", ".ttf", ".sqlite", ".db"}:
            out.append(path)
    return out


def test_no_file_names_a_machine_path_or_the_folder_beside_the_repository():
    files = _files()
    assert any(p.name == "README.md" for p in files) and len(files) > 100
    found = [f"{p.relative_to(REPO)}: {root}" for p in files for root in MACHINE_ROOTS
             if root in p.read_text("utf-8", errors="replace")]
    assert found == []


def test_readme_and_docs_links_stay_inside_the_repository():
    import re
    import subprocess

    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)", page.read_text("utf-8")):
            if re.match(r"[a-z]+://", target):
                continue
            path = (page.parent / target).resolve()
            assert path.is_relative_to(REPO) and path.exists(), f"{page.name}: {target}"
            if (REPO / ".git").exists():
                ignored = subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=REPO, check=False).returncode
                assert ignored == 1, f"{page.name}: {target} is git-ignored"
