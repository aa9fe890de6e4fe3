"""The compiled knowledge base: HPO ontology plus disease annotation matrices."""

from osteodx.kb.knowledge_base import CscMatrix, KnowledgeBase
from osteodx.kb.load import build_knowledge_base, load_knowledge_base

__all__ = ["CscMatrix", "KnowledgeBase", "build_knowledge_base", "load_knowledge_base"]
