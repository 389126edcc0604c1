"""Editing the data files from the command line without touching anything else in them."""
