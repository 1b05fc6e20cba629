"""All dataset specs, gathered from the modules of this package (one module per group of LKj tables)."""

from __future__ import annotations

import importlib
import pkgutil

from loaders.schema import Dataset


def _collect() -> dict[str, Dataset]:
    found: dict[str, Dataset] = {}
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{mod.name}")
        for ds in getattr(module, "DATASETS", ()):
            if ds.name in found:
                raise RuntimeError(f"dataset {ds.name!r} is defined twice ({mod.name})")
            found[ds.name] = ds
    return found


DATASETS: dict[str, Dataset] = _collect()
"""Every dataset by name."""
