"""The knowledge base's median, used for the breadth adjustment, is numpy's to the bit."""

import numpy as np
import pytest

from osteodx.kb.knowledge_base import median


@pytest.mark.parametrize("n", [1, 2, 3, 4, 7, 10, 101, 12934])
def test_median_is_numpys(n: int) -> None:
    rng = np.random.default_rng(n)
    values = np.maximum(rng.gamma(0.8, 9.0, n), 1.0)  # like phenotype mass: many at 1.0
    assert median(values) == np.median(values)


def test_median_leaves_its_input_alone() -> None:
    values = np.array([5.0, 1.0, 4.0, 2.0])
    median(values)
    assert values.tolist() == [5.0, 1.0, 4.0, 2.0]


def test_median_of_nothing_is_nan() -> None:
    assert np.isnan(median(np.zeros(0)))
