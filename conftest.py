"""Test collection: doctests of the package, but not the ``python -m kooplan`` entry point."""

collect_ignore = ["src/kooplan/__main__.py"]
