"""The hpo3 supplement: diseases, annotations and terms of the newer HPO release embedded
in the ``hpo3`` package, merged into an older loaded release.

The rule, stated once here: the supplement is merged only when hpo3's release is newer
than every dated file of the loaded release (``hp.obo``'s ``data-version`` and
``phenotype.hpoa``'s ``#version``). A user's release as new as hpo3's, or newer, stands
alone; whenever the supplement is merged, or not, the provenance says so.

Modes (``supplement=`` of :func:`osteodx.kb.load.load_knowledge_base`, or
``$OSTEODX_SUPPLEMENT``):

* ``merge`` (default): diseases and terms the release lacks, and the annotations hpo3
  adds to diseases it has;
* ``missing``: only diseases and terms the release lacks;
* ``none``: the release alone.
"""

from __future__ import annotations

import os
import re
import sys

from osteodx.diseases.model import DiseaseSpec
from osteodx.diseases.sources import specs_from_hpo3
from osteodx.errors import KnowledgeBaseError
from osteodx.ontology.obo import OboRelease, OboTerm

__all__ = ["ENV_SUPPLEMENT", "MODES", "supplement_mode", "hpo3_version", "merge_supplement"]

ENV_SUPPLEMENT = "OSTEODX_SUPPLEMENT"
MODES = ("none", "missing", "merge")


def hpo3_version() -> str | None:
    """The installed hpo3 package's version, or ``None``.

    Asked on every load (it is part of the cache key): read from the name of hpo3's
    ``.dist-info`` folder on ``sys.path``, which takes a directory listing, rather than
    through :mod:`importlib.metadata` (~14 ms with its import); that is the fallback.
    """
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file, or a folder that went away
            continue
        for name in names:
            m = _HPO3_DIST.fullmatch(name)
            if m:
                return m.group(1)
    import importlib.metadata

    try:
        return importlib.metadata.version("hpo3")
    except importlib.metadata.PackageNotFoundError:
        return None


#: an installed hpo3's metadata folder: "hpo3-1.5.1.dist-info"
_HPO3_DIST = re.compile(r"hpo3-([0-9][^-]*)\.dist-info")


def supplement_mode(supplement: bool | str | None = None, merge_annotations: bool = True) -> str:
    """``"none"``, ``"missing"`` or ``"merge"`` from an API argument or the environment.

    *supplement* ``None`` reads ``$OSTEODX_SUPPLEMENT`` (default ``merge``); ``True`` and
    ``False`` are the older spellings of ``merge`` and ``none``, and
    ``merge_annotations=False`` turns ``merge`` into ``missing``, as it always did.
    Raises :class:`KnowledgeBaseError` naming the setting and the value it does not know.
    """
    source = "supplement"
    if supplement is None:
        supplement = os.environ.get(ENV_SUPPLEMENT, "").strip() or "merge"
        source = f"${ENV_SUPPLEMENT}"
    if supplement is True:
        mode = "merge"
    elif supplement is False:
        mode = "none"
    else:
        mode = str(supplement).strip().lower()
        if mode not in MODES:
            raise KnowledgeBaseError(f"{source} = {supplement!r}: not one of "
                                     f"{', '.join(MODES)}")
    return "missing" if mode == "merge" and not merge_annotations else mode


def _is_release_date(version: str) -> bool:
    """HPO releases are named by ISO date; only those can be compared with hpo3's."""
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", version))


def merge_supplement(obo: OboRelease, specs: dict[str, DiseaseSpec], mode: str,
                     hpoa_version: str = "") -> str:
    """Merge hpo3's newer release into *obo* and *specs* under *mode*, in place.

    Returns the provenance note: what was merged, or why nothing was.
    """
    if mode == "none":
        return "not used (supplement mode 'none')"
    package = hpo3_version()
    if package is None:
        return "not used: the hpo3 package is not installed"
    if not _is_release_date(obo.version):
        return (f"not merged: the loaded ontology's version {obo.version!r} is not a release "
                "date, so it cannot be compared with hpo3's")
    loaded = max(v for v in (obo.version, hpoa_version) if _is_release_date(v))
    known = {t.id for t in obo.terms} | {a for t in obo.terms for a in t.alt_ids}
    version3, specs3, terms3 = specs_from_hpo3(known)
    if not version3 > loaded:  # ISO dates compare as strings
        return (f"not merged: hpo3 {package} embeds HPO {version3}, not newer than the loaded "
                f"HPO {loaded}")
    for tid, (name, parents) in sorted(terms3.items()):
        obo.terms.append(OboTerm(id=tid, name=name, parents=parents))
    added = extra = 0
    for did, spec in specs3.items():
        if did not in specs:
            specs[did] = spec
            added += 1
        elif mode == "merge":
            have = {a.hpo_id for a in specs[did].annotations}
            new = [a for a in spec.annotations if a.hpo_id not in have]
            specs[did].annotations.extend(new)
            extra += len(new)
    note = (f"hpo3 {package} (HPO {version3}): {added} diseases, {extra} annotations of known "
            f"diseases and {len(terms3)} terms absent from HPO {obo.version}")
    if mode == "missing":
        note += " (mode 'missing': annotations of known diseases not merged)"
    return note
