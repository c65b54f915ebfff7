"""The statute texts kooplan quotes, as data (no code): one Markdown file per law and Fassung.

`README.md` in this folder lists every file with its source, its Fassung and validity, and the
day it was retrieved. `kooplan.recht.normen.gesetzestext` reads a file by name.
"""
