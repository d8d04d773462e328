"""A report's claims held against their sources: each claim gets its ``evidence``.

Quotes and figures get a mechanical verdict (``claimcheck.verify.quotes``,
``claimcheck.verify.figures``); assertions get the best passages, ``unchecked``, for a person or
a model to judge. A quote found verbatim but credited in the source to someone else is altered,
and the difference says whose words they are there.
"""

from __future__ import annotations

from claimcheck.find.cues import QUOTED
from claimcheck.models import Claim, Evidence, EvidencePart, Figure, Passage, Report, SourceText
from claimcheck.verify.attribution import someone_else
from claimcheck.verify.figures import find_figure
from claimcheck.verify.passages import PassageIndex
from claimcheck.verify.quotes import Folded, find_quote
from claimcheck.verify.sources import Source


class Verifier:
    """Sources indexed once, for as many reports as are held against them (a batch)."""

    def __init__(self, sources: list[Source], warnings: list[str] | None = None) -> None:
        self.sources = sources
        self.warnings = list(warnings or [])
        self._index = PassageIndex(sources)
        self._folded = {s.name: Folded.of(s.text) for s in sources}

    def apply(self, report: Report) -> Report:
        """The report with every claim's evidence, the sources' texts and their warnings."""
        claims = [_judged(c, self._index, self._folded) for c in report.claims]
        return report.model_copy(
            update={
                "claims": claims,
                "sources": [SourceText(source=s.name, text=s.text) for s in self.sources],
                "warnings": [*report.warnings, *self.warnings],
            }
        )

    def close(self) -> None:
        self._index.close()


def with_evidence(report: Report, sources: list[Source], warnings: list[str]) -> Report:
    """The report with every claim's evidence, the sources' texts and the sources' warnings."""
    verifier = Verifier(sources, warnings)
    try:
        return verifier.apply(report)
    finally:
        verifier.close()


def _judged(claim: Claim, index: PassageIndex, folded: dict[str, Folded]) -> Claim:
    if claim.kind == "quote":
        evidence = _quote(claim, index, folded)
    elif claim.kind == "figure" and claim.figures:
        evidence = _figures(claim, index)
    else:
        best = index.best(claim.text, limit=3)
        evidence = Evidence(
            verdict="unchecked", passages=[_passage(p.source, p.start, p.end) for p in best]
        )
    return claim.model_copy(update={"evidence": evidence})


def _figures(claim: Claim, index: PassageIndex) -> Evidence:
    """Each figure the claim gives, held against the sources: ``same`` when every one is
    there, ``different`` when a source gives another value for any, else ``not_found``."""
    parts = [_figure(f, claim.excerpt, index) for f in claim.figures]
    verdicts = {p.verdict for p in parts}
    verdict = (
        "different" if "different" in verdicts else "same" if verdicts == {"same"} else "not_found"
    )
    differences = [d for p in parts for d in p.differences]
    if verdict == "not_found" and "same" in verdicts:
        missing = ", ".join(p.text for p in parts if p.verdict == "not_found")
        differences.append(f"no source gives {missing}")
    return Evidence(
        verdict=verdict,  # type: ignore[arg-type]
        passages=[w for p in parts for w in p.passages],
        differences=differences,
        parts=parts,
    )


def _figure(figure: Figure, excerpt: str, index: PassageIndex) -> EvidencePart:
    found = find_figure(figure, excerpt, index)
    return EvidencePart(
        text=figure.raw,
        verdict=found.verdict,  # type: ignore[arg-type]
        passages=[_passage(*w) for w in found.where],
        differences=found.differences,
    )


def _quote(claim: Claim, index: PassageIndex, folded: dict[str, Folded]) -> Evidence:
    quoted = [m.group(0)[1:-1] for m in QUOTED.finditer(claim.excerpt)] or [claim.excerpt]
    parts = [_quoted(words, claim.speaker, index, folded) for words in quoted]
    verdicts = {p.verdict for p in parts}
    verdict = (
        "verbatim"
        if verdicts == {"verbatim"}
        else "not_found"
        if verdicts == {"not_found"}
        else "altered"
    )
    differences = [d for p in parts for d in p.differences]
    if verdict == "not_found" and len(parts) > 1:
        differences.append("some of the quoted words are in no source")
    return Evidence(
        verdict=verdict,  # type: ignore[arg-type]
        passages=[w for p in parts for w in p.passages],
        differences=list(dict.fromkeys(differences)),
        parts=parts,
    )


def _quoted(
    words: str, speaker: str | None, index: PassageIndex, folded: dict[str, Folded]
) -> EvidencePart:
    """One quotation held against the sources: verbatim words the source credits to someone
    else are altered, and the difference says whose they are there."""
    found = find_quote(words, index, folded)
    verdict, differences = found.verdict, list(found.differences)
    if verdict == "verbatim" and speaker:
        source, start, end = found.where[0]
        other = someone_else(speaker, source.text, start, end)
        if other is not None:
            verdict = "altered"
            differences.append(f"in the source these are {other}’s words, not {speaker}’s")
    return EvidencePart(
        text=" ".join(words.split()),
        verdict=verdict,  # type: ignore[arg-type]
        passages=[_passage(*w) for w in found.where],
        differences=differences,
    )


def _passage(source: Source, start: int, end: int) -> Passage:
    return Passage(source=source.name, start=start, end=end, text=source.text[start:end])
