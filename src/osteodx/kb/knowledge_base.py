"""The compiled knowledge base: ontology + disease x term matrices.

Matrices are kept as raw CSC arrays (column pointer, row index, value) so that
the engine reads all diseases annotated with one term as a numpy slice without
importing scipy at run time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np

from osteodx.diseases.prevalence import load_prevalence
from osteodx.kb.sex_patch import SexPatch, compute_sex_patch
from osteodx.ontology.graph import Ontology

__all__ = ["KnowledgeBase", "CscMatrix", "INHERITANCE_FLAGS"]

#: mode-of-inheritance term -> bit
INHERITANCE_FLAGS: dict[str, int] = {
    "HP:0000006": 1,  # Autosomal dominant inheritance
    "HP:0000007": 2,  # Autosomal recessive inheritance
    "HP:0001417": 4,  # X-linked inheritance
    "HP:0001419": 8,  # X-linked recessive inheritance
    "HP:0001423": 16,  # X-linked dominant inheritance
    "HP:0001450": 32,  # Y-linked inheritance
    "HP:0001427": 64,  # Mitochondrial inheritance
}


def median(values: np.ndarray) -> float:
    """``np.median`` of a 1-D array without NaN, to the bit (the mean of the two middle
    values of an even count), without the first call's import of ``numpy.ma`` (20 ms of
    a one-case run).

    >>> median(np.array([4.0, 1.0, 3.0, 2.0]))
    2.5
    >>> median(np.array([3.0, 1.0, 2.0]))
    2.0
    """
    n = len(values)
    if not n:  # as np.median, without its warning
        return float("nan")
    k = n // 2
    if n % 2:
        return float(np.partition(values, k)[k])
    part = np.partition(values, [k - 1, k])
    return float((part[k - 1] + part[k]) / 2.0)


@dataclass(slots=True)
class CscMatrix:
    """A disease x term sparse matrix by column."""

    ptr: np.ndarray  # int64, n_terms + 1
    rows: np.ndarray  # disease indices, held as np.intp (int32 on disk)
    vals: np.ndarray  # float32 values (all ones for boolean matrices)

    def __post_init__(self) -> None:
        # the engine indexes vectors with these rows thousands of times per batch: as intp,
        # numpy need not convert them on every fancy index (about a quarter of the cost)
        self.rows = np.asarray(self.rows, dtype=np.intp)

    def column(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        a, b = self.ptr[j], self.ptr[j + 1]
        return self.rows[a:b], self.vals[a:b]

    @classmethod
    def from_triples(cls, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray,
                     n_cols: int) -> CscMatrix:
        """Build from (row, col, value) triples, keeping the maximum of duplicates."""
        order = np.lexsort((-vals, rows, cols))
        rows, cols, vals = rows[order], cols[order], vals[order]
        if len(rows):
            keep = np.ones(len(rows), dtype=bool)
            keep[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
            rows, cols, vals = rows[keep], cols[keep], vals[keep]
        ptr = np.zeros(n_cols + 1, dtype=np.int64)
        np.add.at(ptr, cols + 1, 1)
        return cls(np.cumsum(ptr), rows.astype(np.int32), vals.astype(np.float32))


@dataclass(slots=True)
class KnowledgeBase:
    """Everything the engine reads, compiled.

    * ``direct``: frequency of each direct phenotype annotation (d, t)
    * ``implied``: annotations propagated to every ancestor, maximum frequency
    * ``negated``: curated absences (HPOA ``NOT``, pack ``excluded``)
    * ``curated``: implied frequencies stated by knowledge packs (expert-sourced
      characteristic features, trusted more when a patient lacks them)
    * ``background``: mean over diseases of the implied frequency of each term
    * ``ic``: information content ``-ln(share of diseases annotated at or below t)``
    """

    ontology: Ontology
    disease_ids: list[str]
    disease_labels: list[str]
    disease_origins: list[str]
    equivalents: dict[str, list[str]]
    direct: CscMatrix
    implied: CscMatrix
    negated: CscMatrix
    curated: CscMatrix  # implied frequencies stated by curated knowledge packs
    background: np.ndarray
    ic: np.ndarray
    inheritance: np.ndarray  # uint8 flags per disease
    onset_min: np.ndarray  # earliest annotated onset in years (nan: unknown)
    #: (disease, age-of-death class) frequency of dying in that class (kb/mortality.py)
    death_freq: np.ndarray
    ann_ptr: np.ndarray  # per-disease CSR of direct annotations, for explanations
    ann_term: np.ndarray
    ann_freq: np.ndarray  # nan when the source gave no frequency
    ann_text: np.ndarray  # index into texts
    texts: list[str]
    provenance: dict[str, str]
    default_frequency: float
    #: (disease, term) pairs with a sex-limited annotation, and the frequency (nan: none)
    #: and text index (-1) that hold for a male and a female patient (kb/sex_limited.py)
    sl_disease: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    sl_term: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    sl_male: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    sl_male_text: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    sl_female: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    sl_female_text: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    disease_index: dict[str, int] = field(default_factory=dict)
    #: disease id -> gene symbols (from genes_to_phenotype.txt; empty if unknown)
    disease_genes: dict[str, list[str]] = field(default_factory=dict)
    #: (file name in the release folder, or "", message): what the data held that could
    #: not be used. Kept without the folder, which :attr:`warnings` adds from the provenance
    #: (the same cached index may be read from another folder)
    data_warnings: list[tuple[str, str]] = field(default_factory=list)
    #: summed direct annotation frequency per disease (at least 1)
    phenotype_mass: np.ndarray = field(default_factory=lambda: np.zeros(0))
    #: log10(phenotype_mass / median): the breadth adjustment's per-disease factor
    log_relative_mass: np.ndarray = field(default_factory=lambda: np.zeros(0))
    #: the median of ``phenotype_mass`` (a sex view measures breadth against it too)
    median_mass: float = 1.0
    #: tables the engine derives once from the knowledge base (column maxima, term depths,
    #: prevalence odds) and its bounded store of per-finding vectors
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    #: per term: does it or an ancestor carry a curated absence (lets the engine skip work)
    negation_in_ancestors: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    #: per disease: "1 in N" from knowledge/prevalence.yaml (nan: not listed), and the figure
    #: with its source; a figure given for one id holds for its equivalents too
    prevalence_one_in: np.ndarray = field(default_factory=lambda: np.zeros(0))
    prevalence_text: dict[int, str] = field(default_factory=dict)
    prevalence_source: dict[int, str] = field(default_factory=dict)
    #: "1 in N" of a typical rare disease, against which listed figures are weighed
    reference_one_in: float = 1e6
    #: sex -> what that sex changes (kb/sex_patch.py): read from the cache, or computed on
    #: first use
    sex_patches: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.disease_index = {d: i for i, d in enumerate(self.disease_ids)}
        sym: dict[str, set[str]] = {}
        for did, eqs in self.equivalents.items():  # equivalence is symmetric
            for e in eqs:
                if e in self.disease_index and did in self.disease_index:
                    sym.setdefault(did, set()).add(e)
                    sym.setdefault(e, set()).add(did)
        self.equivalents = {d: sorted(v) for d, v in sorted(sym.items())}
        sizes = np.diff(self.ann_ptr)
        mass = np.zeros(len(self.disease_ids))
        nz = sizes > 0
        if nz.any():
            mass[nz] = np.add.reduceat(self.ann_freq.astype(np.float64), self.ann_ptr[:-1][nz])
        self.phenotype_mass = np.maximum(mass, 1.0)
        self.median_mass = median(self.phenotype_mass)
        self.log_relative_mass = np.log10(self.phenotype_mass / self.median_mass)
        onto = self.ontology
        has_neg = (np.diff(self.negated.ptr) > 0).astype(np.int8)
        self.negation_in_ancestors = np.maximum.reduceat(has_neg[onto.anc_idx],
                                                         onto.anc_ptr[:-1]).astype(bool)
        self._attach_prevalence()

    def _attach_prevalence(self) -> None:
        table = load_prevalence()
        self.reference_one_in = table.reference_one_in
        self.prevalence_one_in = np.full(self.n_diseases, np.nan)
        self.prevalence_text = {}
        self.prevalence_source = {}
        # an id's own figure first, then a share of its group's, then its equivalent's
        best: dict[int, tuple[int, float, str, str]] = {}
        for fig in table.diseases:
            for did, one_in, text in fig.per_entry():
                own = 0 if did in fig.ids else 1
                for d, rank in ((did, own), *((e, 2) for e in self.equivalents.get(did, []))):
                    i = self.disease_index.get(d)
                    if i is not None and (i not in best or rank < best[i][0]):
                        best[i] = (rank, one_in, text, fig.cite)
        for i, (_, one_in, text, cite) in best.items():
            self.prevalence_one_in[i] = one_in
            self.prevalence_text[i] = text
            self.prevalence_source[i] = cite
        self.provenance = {**self.provenance, "prevalence": (
            f"knowledge/prevalence.yaml {table.version}: {len(table.diseases)} sourced figures "
            f"reaching {len(best)} diseases of this release; unlisted diseases taken as 1 in "
            f"{table.reference_one_in:,.0f} ({table.reference_source})")}

    @property
    def n_diseases(self) -> int:
        return len(self.disease_ids)

    @property
    def warnings(self) -> list[str]:
        """The data warnings, one line each, naming the file in the folder read this time."""
        folder = self.provenance.get("hpo_dir", "")
        return [f"{os.path.join(folder, name) if folder else name}: {msg}" if name else msg
                for name, msg in self.data_warnings]

    @property
    def hpo_version(self) -> str:
        return self.provenance.get("hpo_version", "")

    def sex_patch(self, sex: str) -> SexPatch:
        """What a patient of *sex* (``MALE``/``FEMALE``) changes (:mod:`osteodx.kb.sex_patch`)."""
        got = self.sex_patches.get(sex)
        if got is None:
            got = self.sex_patches[sex] = compute_sex_patch(self, sex)
        return got

    def namespace_mask(self, namespace: str) -> np.ndarray:
        """Boolean mask of diseases in *namespace* (``all`` keeps every one)."""
        if namespace == "all":
            return np.ones(self.n_diseases, dtype=bool)
        key = ("namespace mask", namespace)
        got = self.derived.get(key)
        if got is None:  # read the ids once: a case is ranked in about a millisecond
            prefix = namespace.upper() + ":"
            got = self.derived[key] = np.fromiter(
                (d.startswith(prefix) for d in self.disease_ids), dtype=bool,
                count=self.n_diseases)
        return got.copy()  # callers narrow it in place

    def annotations_of(self, d: int) -> list[tuple[str, float, str]]:
        """Direct phenotype annotations of disease *d*: (hpo_id, frequency, text)."""
        a, b = self.ann_ptr[d], self.ann_ptr[d + 1]
        ids = self.ontology.ids
        return [(ids[int(t)], float(f), self.texts[int(x)])
                for t, f, x in zip(self.ann_term[a:b], self.ann_freq[a:b], self.ann_text[a:b],
                                   strict=True)]
