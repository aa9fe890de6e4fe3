"""osteodx: an explainable likelihood-ratio differential diagnosis over HPO-annotated
rare diseases, with curated knowledge for sclerosing bone disorders.

osteodx supports a clinician's judgement; it does not replace it.
"""

from osteodx.api import NAMESPACES, diagnose, load_case
from osteodx.case import Case, Finding
from osteodx.engine import Differential, ModelParameters, RankedDisease
from osteodx.errors import InputError, KnowledgeBaseError, OsteodxError
from osteodx.kb import KnowledgeBase, load_knowledge_base

__version__ = "0.1.0"

__all__ = ["NAMESPACES", "diagnose", "load_case", "Case", "Finding", "Differential",
           "ModelParameters", "RankedDisease", "InputError", "KnowledgeBaseError",
           "OsteodxError", "KnowledgeBase", "load_knowledge_base", "__version__"]
