"""Helpers for testing sitrep and programs built on it (not used by the pipeline itself)."""
