"""Every figure of the Fujian Family Planning Association's 2021 work summary, as checked data.

Modules, in the order the data flow: `paths`, `textnorm` and `quantities` (reading numbers in
Chinese text), `schema` and `data` (the curated files, checked on load), `derived`, `labels`,
`style`, `charts` and `figures` (what the notebooks draw), `catalog`, `build`, `export` and
`report` (regeneration and outputs for readers), and `cli` (`python -m fujian_fpa`).
"""

import importlib
import os

# Submodules load on first use (`fujian_fpa.data.load_indicators()`), so `import fujian_fpa` stays quick.
_SUBMODULES = frozenset(f[:-3] for f in os.listdir(__path__[0]) if f.endswith(".py") and not f.startswith("_"))


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    if name == "show_article":
        return importlib.import_module(".annotate", __name__).show_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_SUBMODULES, "show_article"])
