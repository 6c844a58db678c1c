"""The standards API: the framework library, public (frameworks.py)."""
