"""``osteodx terms``: look up HPO terms by label, synonym or id."""

from __future__ import annotations

import re
from typing import Annotated

import typer

from osteodx.cli.application import HpoDir, SupplementOption, app, err, fail, supplement_value
from osteodx.errors import OsteodxError


@app.command()
def terms(
    query: Annotated[str, typer.Argument(metavar="QUERY",
                                         help="words of a label or synonym, or an HPO id")],
    limit: Annotated[int, typer.Option(min=1, help="terms to show at most")] = 20,
    hpo_dir: HpoDir = None,
    supplement: SupplementOption = None,
) -> None:
    """HPO terms whose label or synonym matches QUERY (accents and case ignored)."""
    from osteodx.kb.load import load_ontology

    if not re.search(r"\w", query):
        raise fail(ValueError(f"QUERY {query!r} holds no word to look for: give words of "
                               "a label or synonym, or an HPO id"), 2)
    try:
        ontology = load_ontology(hpo_dir, supplement=supplement_value(supplement))
    except OsteodxError as exc:
        raise fail(exc) from None
    err.print(f"HPO {ontology.version}", style="dim", markup=False)
    res = ontology.resolve(query.strip())
    if res.message and res.hpo_id:  # an obsolete or alternative id: say what it became
        err.print(f"note: {res.message}", style="yellow", markup=False)
    try:  # the synonyms are read here, from the cache (rebuilt there should they be damaged)
        hits = list(ontology.search(query, limit=limit))
    except OsteodxError as exc:
        raise fail(exc) from None
    if not hits:
        res = ontology.resolve(query)
        err.print(f"no HPO term matches {query!r}" + (f" ({res.message})" if res.message and
                                                      res.status != "malformed" else ""))
        raise typer.Exit(1)
    for hpo_id, label, matched in hits:
        extra = f"  (synonym: {matched})" if matched not in (label, hpo_id) else ""
        typer.echo(f"{hpo_id}\t{label}{extra}")
