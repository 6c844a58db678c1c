"""The standards pages: the framework library (frameworks.py)."""
