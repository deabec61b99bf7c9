"""The real Ki-67 slide (netlib.counting.slide): the counting key as data, scoring a count against it, and the
digital count with scikit-image (deterministic, monotone in the DAB threshold, both scanners)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from netlib.counting import slide
from netlib.errors import InvalidTypeError, InvalidValueError


@pytest.fixture(scope="module")
def key():
    return slide.annotation()


# --- the annotation ---------------------------------------------------------------------------------------------
def test_annotation_is_a_countable_region(key):
    assert 100 <= key.total <= 200
    assert key.scanner == "ndpi" and key.size_um == 150
    assert {n.label for n in key.nuclei} == set(slide.CLASSES)
    assert key.positive + key.equivocal + key.count("negative") == key.total
    for n in key.nuclei:
        assert key.x_um <= n.x_um <= key.x_um + key.size_um and key.y_um <= n.y_um <= key.y_um + key.size_um
    assert len({(n.x_um, n.y_um) for n in key.nuclei}) == key.total, "a nucleus marked twice"


def test_annotation_centres_are_not_closer_than_a_nucleus(key):
    """Two marks closer than 3 µm would be one nucleus counted twice (nuclei here are about 7-12 µm across)."""
    pts = [(n.x_um, n.y_um) for n in key.nuclei]
    closest = min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for i, a in enumerate(pts) for b in pts[i + 1:])
    assert closest >= 3.0, closest


def test_annotation_header_says_who_how_and_limits(key):
    text = " ".join(key.header)
    for words in ("checked by eye", "not a pathologist", "one annotator", slide.CREDIT, "region:"):
        assert words in text, words
    left, top, right, bottom = key.pixel_box()
    assert right - left == bottom - top == round(150 / 0.2271)
    assert 0 <= left and right <= slide.SCANNERS["ndpi"].pixels


def test_annotation_file_outside_the_region_is_refused(key):
    bad = "# region: scanner=ndpi x_um=0 y_um=0 size_um=10\nx_um,y_um,class\n20,5,positive\n"
    with pytest.raises(InvalidValueError, match="outside the region"):
        slide._parse_annotation(bad)
    with pytest.raises(InvalidValueError, match="label"):
        slide._parse_annotation("# region: scanner=ndpi x_um=0 y_um=0 size_um=10\nx_um,y_um,class\n5,5,brown\n")


def test_images_and_their_credit_are_in_the_package():
    readme = (slide.DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert slide.CREDIT.split(": ", 1)[1].rstrip(".") in readme.replace("\n  ", " ")
    assert "not a neuroendocrine tumour" in readme
    for name, scan in slide.SCANNERS.items():
        img = slide.load_image(name)
        assert img.shape == (scan.pixels, scan.pixels, 3) and img.dtype.name == "uint8"
        assert scan.field_mm == pytest.approx(0.50, abs=0.005)


# --- scoring a count --------------------------------------------------------------------------------------------
def test_the_key_itself_agrees(key):
    s = slide.score_count(key.positive, key.total)
    assert s.agrees and s.difference_points == 0 and s.flags == ()


@pytest.mark.parametrize("side", [-1, 1])
def test_tolerance_boundary_both_sides(key, side):
    """Find counts just inside and just outside ±TOLERANCE_POINTS on each side of the key's index."""
    total = key.total
    inside = [p for p in range(total + 1) if abs(100 * p / total - key.index_percent) <= slide.TOLERANCE_POINTS
              and side * (p - key.positive) > 0]
    edge = max(inside, key=lambda p: side * p)
    assert slide.score_count(edge, total).agrees
    assert not slide.score_count(edge + side, total).agrees


def test_named_slips(key):
    assert "equivocal_as_positive" in slide.score_count(key.positive + key.equivocal, key.total).flags
    assert "missed_nuclei" in slide.score_count(key.positive, int(key.total * 0.7)).flags
    assert "extra_nuclei" in slide.score_count(key.positive, int(key.total * 1.3)).flags
    assert "positives_missed" in slide.score_count(key.positive - 5, key.total).flags


def test_count_key_matches_the_annotation_and_its_traps(key):
    k = slide.count_key()
    assert k.value == pytest.approx(key.index_percent) and k.tolerance == slide.TOLERANCE_POINTS
    assert k.check(key.index_percent).correct
    assert not k.check(key.index_with_equivocal_percent).correct
    assert "equivocal" in k.check(key.index_with_equivocal_percent).message
    assert "fraction" in k.check(round(key.positive / key.total, 3)).message


def _bands():
    """The accepted band and each trap's band, as (low, high, message) in %."""
    k = slide.count_key()
    return (k.value - k.tolerance, k.value + k.tolerance, k.correct), \
        [(t.value - t.tolerance, t.value + t.tolerance, t.message) for t in k.traps]


def test_trap_bands_overlap_neither_the_accepted_band_nor_each_other():
    accepted, traps = _bands()
    bands = sorted([accepted[:2]] + [t[:2] for t in traps])
    assert all(a_hi < b_lo for (_, a_hi), (b_lo, _) in zip(bands, bands[1:])), bands


def test_each_trap_computes_what_its_message_says(key):
    p, e, n = key.positive, key.equivocal, key.total
    neg = n - p - e
    traps = {round(t.value, 6): t.message for t in slide.count_key().traps}
    assert f"counting the {e} equivocal (faint) nuclei as positive gives ({p + e} / {n})" in \
        traps[round(100 * (p + e) / n, 6)]
    assert f"negative nuclei only gives ({p} / {neg})" in traps[round(100 * p / neg, 6)]
    assert "fraction" in traps[round(p / n, 6)]
    # the slip reviewers found: 22/117 (equivocal left out of the total) is no trap; it lies within the tolerance
    assert slide.count_key().check(100 * p / (n - e)).correct


@pytest.mark.parametrize("which", [0, 1, 2])
def test_both_sides_of_each_trap_band(which):
    """Just inside a trap band its message is given; just outside it, the generic message (or the key's verdict)."""
    k = slide.count_key()
    trap = k.traps[which]
    eps = 0.01 if trap.tolerance >= 0.1 else 0.001
    for inside in (trap.value - trap.tolerance + eps, trap.value + trap.tolerance - eps):
        assert k.check(inside).message == trap.message, inside
    for outside in (trap.value - trap.tolerance - eps, trap.value + trap.tolerance + eps):
        fb = k.check(outside)
        assert not fb.correct and fb.message == k.otherwise, outside


def test_an_honest_count_off_the_key_gets_the_generic_message(key):
    """27 of 139 (19.4 %): arithmetic right, equivocal nuclei judged differently; no slip is named."""
    fb = slide.count_key().check(100 * 27 / 139)
    assert not fb.correct and fb.message.startswith(f"the key is {key.index_percent:.1f} %")
    assert slide.RECOUNT in fb.message and "negative nuclei only" not in fb.message


def test_traps_inside_the_range_of_honest_counts_name_the_slip_only_as_a_possibility():
    for t in slide.count_key().traps:
        if t.value > 1:
            assert "If you did that" in t.message and "If not, the key is" in t.message, t.message


def test_count_explanation_fits_an_unspecified_tissue(key):
    from netlib.counting import ki67

    text = slide.count_explanation()
    lo, hi = ki67.wilson_interval(key.positive, key.total)
    assert f"{lo:.1f}-{hi:.1f} %" in text and f"{key.positive} clearly brown nuclei of {key.total}" in text
    assert "spans 20 %" in text and "not a hot spot" in text and "unspecified" in text
    for word in ("tumour", "change the grade", "cells counted"):
        assert word not in text, word


def test_scan_titles_name_the_maker_then_the_format():
    assert [s.title for s in slide.SCANNERS.values()] == ["Hamamatsu scan (NDPI)", "Olympus scan (VSI)"]


@pytest.mark.parametrize("call, argument", [
    (lambda: slide.score_count(5, 0), "total"), (lambda: slide.score_count(50, 40), "positive"),
    (lambda: slide.score_count("5", 40), "positive"), (lambda: slide.digital_count("svs"), "scanner"),
    (lambda: slide.digital_count("ndpi", 0), "threshold"), (lambda: slide.digital_count("ndpi", float("nan")), "threshold"),
    (lambda: slide.threshold_sweep(["ndpi", "ndpi"]), "scanners"), (lambda: slide.threshold_sweep(thresholds=[]), "thresholds"),
    (lambda: slide.load_image(None), "scanner"), (lambda: slide.check_meaning("yes"), "answer"),
])
def test_errors_name_the_argument(call, argument):
    with pytest.raises((InvalidValueError, InvalidTypeError)) as e:
        call()
    assert e.value.argument == argument and str(e.value).startswith(argument)


# --- the digital count ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sweep():
    return slide.threshold_sweep()


def test_digital_count_is_deterministic(sweep):
    slide._nuclei.cache_clear()
    again = slide.threshold_sweep()
    assert [(c.positive, c.total) for s in again.values() for c in s] == \
        [(c.positive, c.total) for s in sweep.values() for c in s]


def test_index_never_rises_with_the_threshold(sweep):
    for name, counts in sweep.items():
        idx = [c.index_percent for c in counts]
        assert all(a >= b for a, b in zip(idx, idx[1:])), (name, idx)
        assert len({c.total for c in counts}) == 1


def test_both_scanners_give_indices_that_cross_the_20_percent_cut_off(sweep):
    assert set(sweep) == {"ndpi", "vsi"}
    for counts in sweep.values():
        assert 500 <= counts[0].total <= 1500  # the published QuPath counts were 763-1353
        idx = [c.index_percent for c in counts]
        assert min(idx) < 20 < max(idx)
    at = {s: slide.digital_count(s, 0.10).index_percent for s in sweep}
    assert at["ndpi"] > 10 > 3 > at["vsi"], at


def test_digital_count_card_names_its_method():
    c = slide.digital_count("vsi", 0.05)
    assert "Olympus" in c.subtitle() and "ruifrok2001" in c.sources
    assert any("Colour deconvolution" in s for s in c.steps)


def test_check_meaning_has_one_key():
    verdicts = [slide.check_meaning(o).correct for o in slide.MEANING_OPTIONS]
    assert verdicts == [True, False, False, False]
    assert "not a NET" in slide.check_meaning(slide.MEANING_OPTIONS[3]).message


def test_check_meaning_reads_once_and_names_its_source():
    """The page prefixes "Right. " itself, so the message must not start with "Right"; the key is not the longest
    option; the QuPath numbers name where they come from."""
    fb = slide.check_meaning(slide.MEANING_OPTIONS[0])
    assert not fb.message.lower().startswith("right") and fb.message == fb.explanation
    assert len(slide.MEANING_OPTIONS[0]) < max(len(o) for o in slide.MEANING_OPTIONS[1:])
    assert slide.QUPATH_SOURCE in fb.message and "petebankhead/2022-qupath-cell-detection" in slide.QUPATH_SOURCE


def test_import_netlib_loads_no_scikit_image():
    code = ("import sys, netlib, netlib.counting, netlib.counting.slide as s; s.annotation(); "
            "print([m for m in ('skimage', 'scipy', 'numpy') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
