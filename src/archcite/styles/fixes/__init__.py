"""Targeted fixes to citeproc-py 0.11.1, one module each, installed before rendering."""
