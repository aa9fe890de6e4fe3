"""An onset stated for one mention of a finding dates a closer description of it."""

from __future__ import annotations

from osteodx.text.extract import extract_text
from osteodx.text.onset_sharing import share_onsets


def _feat(hpo_id: str, onset: str | None = None, excluded: bool = False) -> dict:
    f: dict = {"type": {"id": hpo_id, "label": hpo_id}, "description": "span"}
    if onset:
        f["onset"] = {"age": {"iso8601duration": onset}}
    if excluded:
        f["excluded"] = True
    return f


def _onsets(features: dict) -> dict[str, str | None]:
    return {k[0]: f.get("onset", {}).get("age", {}).get("iso8601duration")
            for k, f in features.items()}


def test_a_finding_two_steps_below_takes_the_onset(toy_kb):
    # Increased bone density (HP:0000012) > Sclerosis of the skull > ... of the skull base
    features = {("HP:0000012", False): _feat("HP:0000012", "P8Y"),
                ("HP:0000018", False): _feat("HP:0000018")}
    share_onsets(features, toy_kb.ontology)
    assert _onsets(features)["HP:0000018"] == "P8Y"
    assert "onset as for HP:0000012" in features[("HP:0000018", False)]["description"]


def test_the_more_specific_mention_dates_the_general_one_too(toy_kb):
    features = {("HP:0000012", False): _feat("HP:0000012"),
                ("HP:0000013", False): _feat("HP:0000013", "P3Y")}
    share_onsets(features, toy_kb.ontology)
    assert _onsets(features)["HP:0000012"] == "P3Y"


def test_the_earliest_related_onset_wins(toy_kb):
    features = {("HP:0000013", False): _feat("HP:0000013", "P9Y"),
                ("HP:0000012", False): _feat("HP:0000012", "P2Y"),
                ("HP:0000014", False): _feat("HP:0000014")}
    share_onsets(features, toy_kb.ontology)
    assert _onsets(features)["HP:0000014"] == "P2Y"


def test_no_sharing_through_a_broad_term_between_siblings_or_into_exclusions(toy_kb):
    features = {("HP:0000011", False): _feat("HP:0000011", "P0D"),   # Abnormal bone density
                ("HP:0000013", False): _feat("HP:0000013", "P5Y"),   # Sclerosis of the spine
                ("HP:0000015", False): _feat("HP:0000015"),          # Decreased bone density
                ("HP:0000014", False): _feat("HP:0000014"),          # Sclerosis of the skull
                ("HP:0000012", True): _feat("HP:0000012", excluded=True)}
    share_onsets(features, toy_kb.ontology)
    got = _onsets(features)
    assert got["HP:0000015"] is None  # only through "Abnormal bone density", too broad
    assert got["HP:0000014"] is None  # a sibling of the spine's sclerosis
    assert got["HP:0000012"] is None  # excluded findings have no onset


def test_report_dates_the_audiogram_finding_from_the_history(real_kb):
    text = ("A 12-year-old boy. Hearing has been poor since about age 8. "
            "Audiology: bilateral mixed hearing loss, 55 dB right.")
    found = {f.label: f.onset_years for f in extract_text(text, real_kb, case_id="c").case.findings}
    assert found["Mixed hearing impairment"] == (8.0, 8.0)
