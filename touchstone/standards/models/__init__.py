from touchstone.standards.models.frameworks import (
    Framework,
    Mapping,
    MappingSet,
    Node,
    NodeKind,
    Relationship,
)

__all__ = ["Framework", "Mapping", "MappingSet", "Node", "NodeKind", "Relationship"]
