"""The ``ispcheck`` command line: a thin layer over the library."""
