"""Benchmarks: corpora, metrics, the Phenomizer-style baseline, the runner."""

from osteodx.bench.baseline import resnik_bma
from osteodx.bench.corpus import CorpusCase, gold_diagnoses, iter_corpus
from osteodx.bench.metrics import pessimistic_rank, summarise
from osteodx.bench.runner import BenchmarkResult, CaseResult, run_benchmark

__all__ = ["resnik_bma", "CorpusCase", "gold_diagnoses", "iter_corpus", "pessimistic_rank",
           "summarise", "BenchmarkResult", "CaseResult", "run_benchmark"]
