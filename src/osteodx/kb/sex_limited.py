"""Annotations that hold for one sex only (the ``sex`` column of ``phenotype.hpoa``).

"Cryptorchidism 3/3, MALE" says that all three affected boys had it, not that a girl
with the disease would; "Intellectual disability 5/5, MALE" beside "1/10, FEMALE" gives
an X-linked disease a frequency for each sex. The compiled matrices hold every
annotation (the right model when the patient's sex is unknown); these arrays keep, for
each (disease, term) with a sex-limited annotation, the frequency that holds for a male
and for a female patient, so the engine can see the disease as it is for this patient.
"""

from __future__ import annotations

import numpy as np

__all__ = ["SEX_CODES", "limited_pairs"]

#: annotation sex -> code in the build's arrays
SEX_CODES = {"": 0, "MALE": 1, "FEMALE": 2}


def limited_pairs(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, texts: np.ndarray,
                  sexes: np.ndarray, n_terms: int) -> dict[str, np.ndarray]:
    """Per (disease, term) pair with a sex-limited annotation: the largest frequency of the
    annotations that hold for a male patient (all but the female-only ones) and for a
    female one, with their text index; ``nan`` / ``-1`` where none holds.

    >>> got = limited_pairs(np.array([0, 0, 1]), np.array([5, 5, 7]),
    ...                     np.array([1.0, 0.1, 0.5], dtype=np.float32), np.array([1, 2, 3]),
    ...                     np.array([1, 2, 0]), 10)
    >>> got["sl_disease"].tolist(), got["sl_male"].tolist(), got["sl_female"].tolist()
    ([0], [1.0], [0.10000000149011612])
    """
    limited = sexes > 0
    key = rows.astype(np.int64) * n_terms + cols
    pairs = np.unique(key[limited])
    out = {"sl_disease": (pairs // n_terms).astype(np.int32),
           "sl_term": (pairs % n_terms).astype(np.int32)}
    sel = np.flatnonzero(np.isin(key, pairs))
    for name, code in (("male", 1), ("female", 2)):
        holds = sel[(sexes[sel] == 0) | (sexes[sel] == code)]
        holds = holds[np.lexsort((-vals[holds], key[holds]))]  # by pair, largest first
        first = np.ones(len(holds), dtype=bool)
        first[1:] = key[holds][1:] != key[holds][:-1]
        holds = holds[first]
        at = np.searchsorted(pairs, key[holds])
        best = np.full(len(pairs), np.nan, dtype=np.float32)
        text = np.full(len(pairs), -1, dtype=np.int32)
        best[at], text[at] = vals[holds], texts[holds]
        out[f"sl_{name}"], out[f"sl_{name}_text"] = best, text
    return out
