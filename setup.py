"""Maps the top-level code folders onto the rigsizer.* namespace (see pyproject.toml)."""

from pathlib import Path

from setuptools import setup

ROOTS = {"rigsizer.core": "core", "rigsizer.gui": "gui", "rigsizer.resources": "resources"}


def discover_packages() -> list[str]:
    """Every folder with an __init__.py below the code roots, named under rigsizer.*."""
    here = Path(__file__).parent
    found = []
    for package, folder in ROOTS.items():
        for init in sorted((here / folder).rglob("__init__.py")):
            relative = init.parent.relative_to(here / folder)
            parts = [] if str(relative) == "." else list(relative.parts)
            found.append(".".join([package, *parts]))
    return found


setup(packages=discover_packages(), package_dir=ROOTS)
