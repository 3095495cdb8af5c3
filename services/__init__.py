"""wirestream: news-wire copy in, structured and enriched article events out."""

from importlib.machinery import EXTENSION_SUFFIXES

__version__ = "0.1.0"


def build() -> str:
    """ "compiled" when the extract modules were built with mypyc (see setup.py), else "pure"."""
    from services.extract import entities  # noqa: PLC0415 (the package must not import its stages)

    return (
        "compiled"
        if entities.__file__ is not None and entities.__file__.endswith(tuple(EXTENSION_SUFFIXES))
        else "pure"
    )
