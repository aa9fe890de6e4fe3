"""The likelihood-ratio engine: per-finding LRs, ranking and explanations."""

from osteodx.engine.differential import Contribution, Differential, RankedDisease, rank
from osteodx.engine.likelihood import CaseScores, score_case
from osteodx.engine.match import MATCH_CODES
from osteodx.engine.params import ModelParameters

__all__ = ["Contribution", "Differential", "RankedDisease", "rank", "CaseScores", "score_case",
           "MATCH_CODES", "ModelParameters"]
