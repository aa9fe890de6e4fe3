"""Imaging findings by skeletal site: which regions are involved, spared or not examined.

Regions and their HPO terms live in ``knowledge/skeleton.yaml``. A region is
*involved* when an observed finding is (a descendant of) one of its terms,
*spared* when an excluded finding covers one of its terms, otherwise *not
examined*. The same data turn a statement such as "skull X-ray normal" into
excluded findings (:func:`normal_region_findings`), for the text reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from osteodx.case.model import Case, Finding
from osteodx.knowledge import load_yaml
from osteodx.ontology.graph import Ontology

__all__ = ["Region", "RegionStatus", "SkeletalSurvey", "skeleton_regions", "survey",
           "normal_region_findings", "sclerotic_region_finding"]


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    label: str
    axial: bool
    involved: tuple[str, ...]
    normal_excludes: tuple[str, ...]


@dataclass(slots=True)
class RegionStatus:
    region: Region
    status: str  # "involved" | "spared" | "not_examined"
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"region": self.region.id, "label": self.region.label, "status": self.status,
                "evidence": self.evidence}


@dataclass(slots=True)
class SkeletalSurvey:
    regions: list[RegionStatus]
    pattern: str

    @property
    def any_involved(self) -> bool:
        return any(r.status == "involved" for r in self.regions)

    def to_dict(self) -> dict[str, Any]:
        return {"pattern": self.pattern, "regions": [r.to_dict() for r in self.regions]}


@cache
def _data() -> dict[str, Any]:
    path = resources.files("osteodx.knowledge") / "skeleton.yaml"
    return load_yaml(path.read_text(encoding="utf-8"))


@cache
def skeleton_regions() -> tuple[Region, ...]:
    """The regions of ``skeleton.yaml``, in head-to-toe order."""
    return tuple(Region(r["id"], r["label"], bool(r["axial"]), tuple(r["involved"]),
                        tuple(r["normal_excludes"])) for r in _data()["regions"])


def _region_index(onto: Ontology) -> list[tuple[frozenset[int], frozenset[int]]]:
    """Per region, in :func:`skeleton_regions` order: the indices of its involvement terms,
    and every ancestor of its involvement and normal-excludes terms. An observed finding
    at or below an involvement term involves the region (one of them is among its
    ancestors); an excluded finding at or above any of the region's terms spares it (it is
    among their ancestors): its absence implies theirs. Computed once per ontology, so a
    case costs a set lookup per finding and region instead of a walk per term."""
    got = _REGION_INDEX.get(id(onto))
    if got is not None and got[0] is onto:
        return got[1]
    index = onto.index
    out = []
    for region in skeleton_regions():
        involved = frozenset(index[t] for t in region.involved if t in index)
        above: set[int] = set()
        for t in region.involved + region.normal_excludes:
            if t in index:
                above.update(onto.ancestors(index[t]).tolist())
        out.append((involved, frozenset(above)))
    _REGION_INDEX.clear()  # one ontology at a time is the rule; never grow without bound
    _REGION_INDEX[id(onto)] = (onto, out)
    return out


_REGION_INDEX: dict[int, tuple[Ontology, list[tuple[frozenset[int], frozenset[int]]]]] = {}


def survey(case: Case, onto: Ontology) -> SkeletalSurvey:
    """Map the case's findings onto skeletal regions and sum them up in words."""
    generalized = set(_data().get("generalized", []))
    index = onto.index
    # (finding, its ancestors for an observed finding, its index for an excluded one)
    observed = [(f, set(onto.ancestors(index[f.hpo_id]).tolist()) if f.hpo_id in index
                 else set()) for f in case.findings if f.status == "observed"]
    excluded = [(f, index.get(f.hpo_id)) for f in case.findings if f.status == "excluded"]
    out: list[RegionStatus] = []
    for region, (involved, above) in zip(skeleton_regions(), _region_index(onto), strict=True):
        st = RegionStatus(region, "not_examined")
        for f, ancestors in observed:
            if f.hpo_id in generalized or not involved.isdisjoint(ancestors):
                st.status = "involved"
                st.evidence.append(f"{f.label} ({f.source})")
        if st.status != "involved":
            for f, i in excluded:
                if i is not None and i in above:
                    st.status = "spared"
                    st.evidence.append(f"no {f.label} ({f.source})")
        out.append(st)
    return SkeletalSurvey(out, _pattern(out))


def _names(items: list[RegionStatus]) -> str:
    """Region names in words, whole groups ("skull", "long bones") named once."""
    ids = [r.region.id for r in items]
    short = {r["id"]: r.get("short", r["label"].lower()) for r in _data()["regions"]}
    labels: list[str] = []
    used: set[str] = set()
    for rid in ids:
        if rid in used:
            continue
        for group in _data().get("groups", {}).values():
            members = group["regions"]
            if rid in members and len(members) > 1 and all(m in ids for m in members):
                labels.append(group["label"])
                used.update(members)
                break
        else:
            labels.append(short[rid])
            used.add(rid)
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _pattern(regions: list[RegionStatus]) -> str:
    involved = [r for r in regions if r.status == "involved"]
    spared = [r for r in regions if r.status == "spared"]
    unknown = [r for r in regions if r.status == "not_examined"]
    if not involved:
        return "no regional sclerosis recorded" + (f"; {_names(spared)} normal" if spared else "")
    if len(involved) == len(regions):
        return "generalized sclerosis"
    if all(r.region.axial for r in involved) and any(not r.region.axial for r in spared):
        text = f"sclerosis confined to the axial skeleton ({_names(involved)})"
    else:
        text = f"sclerosis of {_names(involved)}"
    if spared:
        text += f"; {_names(spared)} spared"
    if unknown:
        text += f"; {_names(unknown)} not examined"
    return text


def normal_region_findings(group_or_region: str, onto: Ontology, source: str) -> list[Finding]:
    """Excluded findings for a normal examination of a region or group ("skull", "ribs")."""
    data = _data()
    regions = {r.id: r for r in skeleton_regions()}
    group = data.get("groups", {}).get(group_or_region)
    if group is not None:
        ids = list(group["normal_excludes"])
        for rid in group["regions"]:
            ids += regions[rid].normal_excludes
    elif group_or_region in regions:
        ids = list(regions[group_or_region].normal_excludes)
    else:
        raise KeyError(f"unknown skeletal region {group_or_region!r}")
    seen: list[str] = []
    for hid in ids:
        if hid not in seen and hid in onto:
            seen.append(hid)
    return [Finding(h, onto.label(h), "excluded", source) for h in seen]


def sclerotic_region_finding(group_or_region: str, onto: Ontology, source: str) -> Finding | None:
    """The observed finding for "this region is sclerotic" (None when the region has none)."""
    data = _data()
    entry = next((r for r in data["regions"] if r["id"] == group_or_region), None) or \
        data.get("groups", {}).get(group_or_region)
    if entry is None:
        raise KeyError(f"unknown skeletal region {group_or_region!r}")
    hid = entry.get("sclerosis")
    if not hid or hid not in onto:
        return None
    return Finding(hid, onto.label(hid), "observed", source)
