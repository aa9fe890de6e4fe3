"""A Case built by hand in Python, checked as a phenopacket's findings are.

The phenopacket reader resolves every id, refuses modes of inheritance and the roots,
and knows only two statuses; a Case made in code skips that reader, and an unknown id
would otherwise surface as a KeyError deep in the engine, a status "present" be scored
as observed while the warnings say there is no observed finding, and "female" be taken
for an unknown sex. :func:`checked_case` applies the same rules and returns a copy, so
that ranking never changes the caller's object.
"""

from __future__ import annotations

from dataclasses import replace

from osteodx.case.model import Case
from osteodx.case.phenopacket import not_a_phenotype
from osteodx.errors import InputError
from osteodx.ontology.graph import Ontology

__all__ = ["checked_case", "SEXES"]

SEXES = ("UNKNOWN_SEX", "FEMALE", "MALE", "OTHER_SEX")


def checked_case(case: Case, ontology: Ontology) -> Case:
    """A copy of *case* with every finding's id resolved (alternative and obsolete ids
    mapped, with a warning); an unusable id, status, sex or age is an
    :class:`InputError` naming the field."""
    out = replace(case, findings=[], warnings=list(case.warnings), family=list(case.family),
                  measurements=list(case.measurements))
    src = case.source or case.case_id
    if case.sex not in SEXES:
        raise InputError(f"not one of {', '.join(SEXES)}", source=src, field="sex",
                         value=case.sex)
    if case.age_years is not None and (isinstance(case.age_years, bool) or
                                       not isinstance(case.age_years, int | float)):
        raise InputError("expected a number of years", source=src, field="age_years",
                         value=case.age_years)
    for i, f in enumerate(case.findings):
        field = f"findings[{i}]"
        if not hasattr(f, "hpo_id") or not hasattr(f, "status"):
            raise InputError("expected a Finding", source=src, field=field, value=f)
        if f.status not in ("observed", "excluded"):
            raise InputError("status must be 'observed' or 'excluded'", source=src,
                             field=f"{field}.status", value=f.status)
        res = ontology.resolve(f.hpo_id)
        if res.hpo_id is None:
            raise InputError((res.message or "unusable id").replace("; finding not used", ""),
                             source=src, field=f"{field}.hpo_id", value=f.hpo_id)
        why = not_a_phenotype(ontology, res.hpo_id)
        if why:
            raise InputError(f"{res.hpo_id} {ontology.label(res.hpo_id)} {why}", source=src,
                             field=f"{field}.hpo_id", value=f.hpo_id)
        if res.message:
            out.warnings.append(f"{field}: {res.message}")
            f = replace(f, hpo_id=res.hpo_id, label=ontology.label(res.hpo_id),
                        original_id=f.hpo_id)
        out.findings.append(f)
    return out
