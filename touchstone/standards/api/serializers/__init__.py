"""The standards API's shapes: the framework library, as anyone may read it."""
