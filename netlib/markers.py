"""Interpret an immunohistochemical marker panel: neuroendocrine differentiation and lineage (:func:`interpret`), and
for a metastatic NET of unknown primary, an explained ranking of likely primary sites (:func:`rank_primaries`).

General NE markers: synaptophysin, chromogranin A and INSM1 (sensitivities below, from a series
of 14,908 tumours). Keratin separates epithelial NENs (NET, NEC) from non-epithelial ones
(paraganglioma and phaeochromocytoma, keratin-negative). Neurofilament is inconsistent in
paragangliomas, so "cytokeratin vs neurofilament" is an oversimplification: keratin decides.

Site of origin: the site-of-origin markers (CDX2, SATB2, ISL1, PAX8, PDX1, TTF-1, OTP, CDH17, CK7) and each
study's figures are data in :mod:`netlib.data.site_markers`. :func:`rank_primaries` counts, for each candidate site,
the positive markers that point to it (for) and the negative ones that count against it, and ranks the sites: more
markers for first; where that ties, fewer against. A negative counts against a site only where every sensitivity the
catalogue gives for that marker at that site is at least 50 % (the course's teaching convention,
:data:`netlib.data.site_markers.NEGATIVE_RULE`): a rarely positive marker such as PAX8 (9 %) counts nothing when
negative. It shows each study's sensitivity and specificity beside
the marker and never combines figures of different studies into a probability. No single marker is site-specific:
the ranking is a teaching aid, not a diagnosis.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from netlib import checks
from netlib.errors import InvalidTypeError, InvalidValueError
from netlib.results import Explained

__all__ = ["MARKER_SENSITIVITY", "FLAGS", "PanelResult", "interpret", "SITE_FLAGS", "SiteScore", "SiteRanking",
           "rank_primaries", "site_words"]

#: Sensitivity (%) of each general NE marker in all NENs and in NECs (source ``insm1_markers``).
MARKER_SENSITIVITY: dict[str, dict[str, float]] = {
    "synaptophysin": {"NEN": 93.3, "NEC": 86.5},
    "insm1": {"NEN": 89.2, "NEC": 88.0},
    "chromogranin_a": {"NEN": 87.5, "NEC": 66.4},
}
_RESULTS = ("positive", "negative")
_GENERAL = ("synaptophysin", "chromogranin_a", "insm1")
_DISPLAY = {"synaptophysin": "synaptophysin", "chromogranin_a": "chromogranin A", "insm1": "INSM1"}

#: What the flags of a :class:`PanelResult` mean (shown as sentences on the card).
FLAGS: dict[str, str] = {
    "insm1_only": "INSM1 is the only positive general marker; it is weakly positive in some non-neuroendocrine "
                  "tumours, so confirm with synaptophysin or chromogranin A.",
    "small_cell_caveat": "All general markers are negative, but small cell carcinoma is diagnosed on morphology and "
                         "can be marker-negative.",
    "neurofilament_unreliable": "Neurofilament does not decide the lineage: paragangliomas stain for it "
                                "inconsistently; keratin decides.",
}


@dataclass(frozen=True)
class PanelResult(Explained):
    """``ne_differentiation``: yes/no/uncertain; ``lineage``: epithelial/non-epithelial/uncertain."""

    ne_differentiation: str
    lineage: str
    flags: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...]

    card_title: ClassVar[str] = "Marker panel"
    flag_text: ClassVar[Mapping[str, str]] = FLAGS

    def headline(self) -> str:
        return f"NE differentiation: {self.ne_differentiation}"

    def subtitle(self) -> str:
        return f"Lineage: {self.lineage}"

    def text_value(self) -> str:
        return f"NE differentiation {self.ne_differentiation}; lineage {self.lineage}"


def _check(name: str, value) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise InvalidTypeError(name, f"expected 'positive', 'negative' or None, got {type(value).__name__} {value!r}")
    if value not in _RESULTS:
        raise InvalidValueError(name, f"{value!r} is not allowed; expected 'positive', 'negative' or None")


def interpret(synaptophysin: str | None = None, chromogranin_a: str | None = None, insm1: str | None = None,
              keratin: str | None = None, neurofilament: str | None = None) -> PanelResult:
    """Read a panel (each marker 'positive', 'negative' or None = not done). Assumes NE morphology was seen."""
    panel = {"synaptophysin": synaptophysin, "chromogranin_a": chromogranin_a, "insm1": insm1,
             "keratin": keratin, "neurofilament": neurofilament}
    for k, v in panel.items():
        _check(k, v)
    flags, steps = [], []
    pos = [m for m in _GENERAL if panel[m] == "positive"]
    neg = [m for m in _GENERAL if panel[m] == "negative"]
    if pos:
        ne = "yes"
        steps.append(f"General NE marker(s) positive: {', '.join(_DISPLAY[m] for m in pos)} -> neuroendocrine differentiation "
                     "(together with the morphology).")
        if pos == ["insm1"]:
            flags.append("insm1_only")
            steps.append("INSM1 alone: it is weakly positive in about 3.5 % of non-NE tumours; confirm with "
                         "synaptophysin or chromogranin A.")
        if "chromogranin_a" in neg:
            steps.append("A negative chromogranin A does not argue against a NEC: it is the least sensitive "
                         f"marker there ({MARKER_SENSITIVITY['chromogranin_a']['NEC']:g} %).")
    elif len(neg) == 3:
        ne = "no"
        steps.append("All three general NE markers negative: no immunohistochemical evidence of NE "
                     "differentiation. Caveat: small cell carcinoma is diagnosed on morphology and may be "
                     "marker-negative.")
        flags.append("small_cell_caveat")
    else:
        ne = "uncertain"
        missing = [m for m in _GENERAL if panel[m] is None]
        steps.append("No general NE marker positive, but not all were done: add "
                     + ", ".join(_DISPLAY[m] for m in missing) + ".")
    if keratin == "positive":
        lineage = "epithelial"
        steps.append("Keratin positive: an epithelial NEN (NET or NEC).")
    elif keratin == "negative":
        lineage = "non-epithelial" if ne == "yes" else "uncertain"
        steps.append("Keratin negative" + (": favours a non-epithelial NEN (paraganglioma or phaeochromocytoma; "
                                            "58 of 60 paragangliomas were keratin-negative in one series)."
                                            if ne == "yes" else "."))
    else:
        lineage = "uncertain"
        steps.append("Keratin not done: epithelial vs non-epithelial cannot be told.")
    if neurofilament is not None:
        flags.append("neurofilament_unreliable")
        steps.append(f"Neurofilament {neurofilament}: not used to decide lineage; paragangliomas stain "
                     "inconsistently (5 of 10 mediastinal cases).")
    return PanelResult(ne, lineage, tuple(flags), tuple(steps),
                       ("insm1_markers", "paraganglioma_keratin", "who2022_overview"))


# --- site of origin: an explained ranking of likely primaries ------------------------------------------------------
#: What the flags of a :class:`SiteRanking` mean (shown as sentences on the card).
SITE_FLAGS: dict[str, str] = {
    "teaching_aid": "No single marker is site-specific, and the studies measured different tumours with different "
                    "methods: this ranking counts markers for and against each site and shows each study's figure. "
                    "It is a teaching aid, not a probability and not a diagnosis; imaging and the clinical picture "
                    "count too.",
    "no_positive": "No site-of-origin marker is positive: no site is favoured. Negative markers only lower sites; "
                   "they do not find one.",
    "tied": "Two or more sites are tied at the top: this panel cannot separate them.",
    "conflict": "Positive markers point to sites that no single marker links: the panel does not fit one site. Check "
                "the morphology and the staining, and weigh the imaging.",
    "isl1_without_satb2": "ISL1 is positive but SATB2 was not done: rectal NETs are often ISL1-positive and mimic a "
                          "pancreatic primary; SATB2 separates them.",
}


def site_words(site: str) -> str:
    """A candidate site in words ("small intestine")."""
    from netlib.data import site_markers as S

    return S.SITE_WORDS[checks.choice("site", site, S.SITES)]


@dataclass(frozen=True)
class SiteScore:
    """One candidate site in a ranking: ``rank`` (1 = first; tied sites share a rank), the markers (keys of
    :data:`netlib.data.site_markers.SITE_MARKERS`) whose positive result points to it (``for_markers``), whose
    negative result counts against it (``against_markers``) and whose negative result points to it but counts
    nothing, because the cited sensitivity for the site is low or not given (``uncounted``), each in catalogue
    order."""

    site: str
    rank: int
    for_markers: tuple[str, ...]
    against_markers: tuple[str, ...]
    uncounted: tuple[str, ...] = ()

    def words(self) -> str:
        from netlib.data import site_markers as S

        def names(keys):
            return ", ".join(S.SITE_MARKERS[k].name.split(" (")[0] for k in keys) or "none"

        return (f"{S.SITE_WORDS[self.site]}: {len(self.for_markers)} for ({names(self.for_markers)}), "
                f"{len(self.against_markers)} against ({names(self.against_markers)})"
                + (f"; {names(self.uncounted)} negative not counted (low or no cited sensitivity for this site)"
                   if self.uncounted else ""))


@dataclass(frozen=True)
class SiteRanking(Explained):
    """The result of :func:`rank_primaries`.

    ``panel``: (marker key, result) pairs in catalogue order; ``ranking``: every candidate site as a
    :class:`SiteScore`, best first (ties in the catalogue's site order); ``top``: the sites ranked first, or ``()``
    when no marker is positive; ``evidence``: one sentence per marker done (result, what it points to, each study's
    figure with its source), in catalogue order; ``not_done``: site markers not in the panel; ``neighbour``: why the
    site ranked second is not first.
    """

    panel: tuple[tuple[str, str], ...]
    ranking: tuple[SiteScore, ...]
    top: tuple[str, ...]
    evidence: tuple[str, ...]
    not_done: tuple[str, ...]
    flags: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    neighbour: str = ""

    card_title: ClassVar[str] = "Site of origin (teaching ranking)"
    flag_text: ClassVar[Mapping[str, str]] = SITE_FLAGS

    def score(self, site: str) -> SiteScore:
        """The :class:`SiteScore` of ``site``."""
        return next(s for s in self.ranking if s.site == checks.choice("site", site, [s.site for s in self.ranking]))

    def headline(self) -> str:
        from netlib.data import site_markers as S

        if not self.top:
            return "No site favoured"
        words = [S.SITE_WORDS[s] for s in self.top]
        return "Ranked first: " + (words[0] if len(words) == 1 else " and ".join(words) + " (tied)")

    def subtitle(self) -> str:
        if not self.top:
            return "no site-of-origin marker is positive"
        from netlib.data import site_markers as S

        first = self.ranking[0]

        def names(keys):
            return ", ".join(S.SITE_MARKERS[k].name.split(" (")[0] for k in keys) or "none"

        return f"markers for: {names(first.for_markers)}; against: {names(first.against_markers)}"

    def footer(self) -> str:
        return ("A teaching aid: markers counted for and against each site, each study's figure shown, no "
                "probability computed. Not a diagnosis.")

    def extra_text(self) -> list[str]:
        return ["Ranking (markers for, then fewer counted against):"] + [f"  {s.rank}. {s.words()}" for s in self.ranking]

    def extra_html(self) -> str:
        from html import escape

        rows = "".join(f"<tr><td>{s.rank}</td><td>{escape(s.words())}</td></tr>" for s in self.ranking)
        return ('<table style="border-collapse:collapse;margin:2px 0 8px;max-width:820px"><caption style="text-align:'
                'left">Ranking: more markers for first; where tied, fewer counted against</caption><tr><th scope="col">Rank'
                '</th><th scope="col">Site: markers for and against</th></tr>' + rows + "</table>")


def _panel(panel, stains) -> dict[str, str]:
    """Marker key -> result from a mapping and/or keyword arguments (any spelling :func:`marker_key` reads)."""
    from netlib.data import site_markers as S

    if panel is not None and not isinstance(panel, Mapping):
        raise InvalidTypeError("panel", f"expected a mapping of marker -> 'positive'/'negative', got "
                                        f"{type(panel).__name__} {panel!r}")
    out: dict[str, str] = {}
    for name, value in [*(panel or {}).items(), *stains.items()]:
        key = S.marker_key(name)
        _check(S.SITE_MARKERS[key].name.split(" (")[0], value)
        if value is None:
            continue
        if key in out and out[key] != value:
            raise InvalidValueError("panel", f"{S.SITE_MARKERS[key].name} is given twice with different results "
                                             f"({out[key]!r} and {value!r})")
        out[key] = value
    return out


def _negative_rule_words() -> str:
    from netlib.data import site_markers as S

    r = S.NEGATIVE_RULE
    return (f"A negative counts against a site only where every sensitivity the course cites for that marker at that "
            f"site is at least {r.min_sensitivity:g} % ({r.convention}: {r.reason}).")


def _negative_words(key: str, site: str) -> str:
    """One sentence: whether a negative ``key`` counts against ``site``, and why (the cited sensitivities)."""
    from netlib.data import site_markers as S

    figures, counts = S.negative_evidence(key, site)
    where = S.TARGET_WORDS[site]
    cited = " and ".join(f"{v:g} %" for v in figures)
    cut = S.NEGATIVE_RULE.min_sensitivity
    if counts:
        return f"counts against {where} (sensitivity {cited} in the studies cited)"
    if not figures:
        return f"does not count against {where} (the course's sources give no sensitivity for that site)"
    return (f"does not count against {where} (sensitivity {cited} in the studies cited, below {cut:g} %, so a "
            "negative says almost nothing)")


def _count(keys) -> str:
    return f"{len(keys)} marker" + ("" if len(keys) == 1 else "s")


def rank_primaries(panel: Mapping[str, str | None] | None = None, /, **stains: str | None) -> SiteRanking:
    """An explained ranking of likely primary sites for a metastatic well-differentiated NET from a site-of-origin
    marker panel.

    ``panel`` (a mapping) and/or keyword arguments: marker -> ``'positive'``, ``'negative'`` or None (not done).
    Markers: CDX2, SATB2, ISL1 (Islet-1), PAX8, PDX1, TTF-1, OTP, CDH17, CK7, in any usual spelling
    (``rank_primaries({"TTF-1": "negative"}, otp="positive")``).

    Each positive marker counts *for* the sites it points to (data in :mod:`netlib.data.site_markers`, facts 3.1-3.7
    of the course's fact sheet). A negative one counts *against* a site only where every sensitivity the catalogue
    gives for that marker at that site is at least the cut-off of
    :data:`netlib.data.site_markers.NEGATIVE_RULE` (50 %, the course's teaching convention); otherwise it is shown
    but counts nothing (PAX8 negative, 9 % sensitive; ISL1 negative for the rectum, no figure). Sites are ranked by
    the number of markers for them, then by fewer against; tied sites share a rank. The order of the panel does not matter.
    Each study's figure is shown with its source; figures of different studies are never combined. A teaching aid,
    not a diagnosis: no single marker is site-specific.
    """
    from netlib.data import references
    from netlib.data import site_markers as S

    given = _panel(panel, stains)
    done = tuple(k for k in S.SITE_MARKERS if k in given)  # catalogue order: the panel's order does not matter
    flags, evidence, sources = ["teaching_aid"], [], []
    for key in done:
        m, result = S.SITE_MARKERS[key], given[key]
        short = m.name.split(" (")[0]
        figures = "; ".join(f"{f.words()}, {references.citations_text(f.sources)}" for f in m.figures)
        sites = " and ".join(S.SITE_WORDS[s] for s in m.sites)
        if result == "positive":
            head = f"{short} positive: {m.meaning}; counts for {sites}."
        else:
            clauses = [_negative_words(key, site) for site in m.sites]
            counted = sum(S.negative_evidence(key, site)[1] for site in m.sites)
            head = (f"{short} negative: " + "; ".join(clauses)
                    + (". A negative lowers a site; it does not exclude it." if counted else "."))
        evidence.append(f"{head} Figures, each from its own study: {figures}.")
        evidence += [f"{short}: {text}" for text, _keys in m.caveats]
        sources += [k for f in m.figures for k in f.sources] + [k for _t, keys in m.caveats for k in keys]
    def points(k, site, result):
        return site in S.SITE_MARKERS[k].sites and given[k] == result

    scores = {site: ([k for k in done if points(k, site, "positive")],
                     [k for k in done if points(k, site, "negative") and S.negative_evidence(k, site)[1]],
                     [k for k in done if points(k, site, "negative") and not S.negative_evidence(k, site)[1]])
              for site in S.SITES}

    def key_of(site):
        return (-len(scores[site][0]), len(scores[site][1]))

    ranking = tuple(sorted((SiteScore(site, 1 + sum(key_of(o) < key_of(site) for o in S.SITES),
                                      tuple(scores[site][0]), tuple(scores[site][1]), tuple(scores[site][2]))
                            for site in S.SITES),
                           key=lambda s: (s.rank, S.SITES.index(s.site))))
    top = tuple(s.site for s in ranking if s.rank == 1 and s.for_markers)
    positives = [k for k in done if given[k] == "positive"]
    steps = [f"Site-of-origin markers done: {len(done)} of {len(S.SITE_MARKERS)}"
             + (" (" + ", ".join(f"{S.SITE_MARKERS[k].name.split(' (')[0]} {given[k]}" for k in done) + ")."
                if done else "."), *evidence,
             "Ranking rule: more markers for a site first; where that ties, fewer markers against it. "
             + _negative_rule_words() + " Figures of different studies are shown side by side, never combined."]
    neighbour = ""
    if not positives:
        flags.append("no_positive")
    else:
        if len(top) > 1:
            flags.append("tied")
            split = [S.SITE_MARKERS[k].name.split(" (")[0] for k in S.SITE_MARKERS if k not in done
                     and 0 < len(set(S.SITE_MARKERS[k].sites) & set(top)) < len(top)]
            neighbour = ("The tied sites have the same markers for and against them"
                         + (f"; markers not done that point to only some of them: {', '.join(split)}." if split
                            else "; no marker in the catalogue separates them."))
        else:
            second = next(s for s in ranking if s.site != top[0])
            first = ranking[0]
            if not second.for_markers:
                neighbour = (f"Why not another site: no positive marker points to any other site; "
                             f"{S.SITE_WORDS[first.site]} has {_count(first.for_markers)} for it.")
            else:
                neighbour = (f"Why not {S.SITE_WORDS[second.site]}: {_count(second.for_markers)} for it and "
                             f"{len(second.against_markers)} against, where {S.SITE_WORDS[first.site]} has "
                             f"{len(first.for_markers)} for and {len(first.against_markers)} against.")
        linked = [set(S.SITE_MARKERS[k].sites) for k in positives]
        if not set.intersection(*linked):
            flags.append("conflict")
    if given.get("isl1") == "positive" and "satb2" not in given:
        flags.append("isl1_without_satb2")
    if neighbour:
        steps.append(neighbour)
    not_done = tuple(k for k in S.SITE_MARKERS if k not in given)
    return SiteRanking(tuple((k, given[k]) for k in done), ranking, top, tuple(evidence), not_done, tuple(flags),
                       tuple(steps), tuple(dict.fromkeys(sources)), neighbour)
