"""A real Ki-67 slide: two scans of one field, a hand-made counting key, and a digital count with a DAB threshold.

The images (``netlib/data/ki67_images/``, see the README there) are two crops of the same field of one Ki-67
immunohistochemistry slide (DAB brown, haematoxylin blue counterstain), scanned by two scanners: OpenSlide test
data OS-2 (openslide.org; free to use and distribute), crops by P. Bankhead. The tissue type is not stated by the
source: this is "Ki-67 IHC, tissue unspecified", not a neuroendocrine tumour. Credit: :data:`CREDIT`.

* :func:`load_image` reads a crop (Pillow, numpy); :func:`annotation` reads the counting key made for this course
  (a region of the NDPI crop, each nucleus marked positive, negative or equivocal; see :class:`Annotation`).
* :func:`score_count` compares a trainee's count of that region with the key and names the likely slips;
  :func:`count_key` is the same key as a typed-number task.
* :func:`digital_count` counts the whole crop the way image-analysis software does: colour deconvolution into
  haematoxylin and DAB (Ruifrok & Johnston 2001, ``skimage.color.rgb2hed``), nuclei found on the haematoxylin +
  DAB image, and a nucleus called positive when its mean DAB density exceeds a threshold.
  :func:`threshold_sweep` repeats that over thresholds for both scanners.

Only :func:`digital_count` and :func:`threshold_sweep` need scikit-image, and they import it when called:
``import netlib`` (and this module) loads neither scikit-image nor numpy.
"""
from __future__ import annotations

import csv
import functools
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from netlib import checks
from netlib.errors import InvalidValueError
from netlib.results import Explained

__all__ = ["CREDIT", "SCANNERS", "CLASSES", "TOLERANCE_POINTS", "Scan", "Nucleus", "Annotation", "CountScore",
           "DigitalCount", "load_image", "annotation", "score_count", "count_key", "digital_count",
           "threshold_sweep", "DEFAULT_THRESHOLDS", "count_explanation", "RECOUNT", "QUPATH_SOURCE",
           "PUBLISHED_QUPATH_RANGE", "MEANING_OPTIONS", "check_meaning"]

#: Where the two JPEGs, their README (licence, credit) and the annotation live.
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "ki67_images"
#: The credit line the images' README asks for.
CREDIT = "Ki-67 images: OpenSlide test data (OS-2), openslide.org; crops by P. Bankhead."
#: The classes of the counting key.
CLASSES = ("positive", "negative", "equivocal")
#: A count agrees with the key when its index is within this many percentage points of the key's index.
TOLERANCE_POINTS = 3.0
#: Labelling indices (%) that QuPath's positive-cell detection gave on these two crops over two nucleus-detection
#: and two DAB thresholds (QuPath 0.3.2): 1066-1323 cells on the NDPI crop, 763-1353 on the VSI crop. Read from the
#: results tables (``Ki67 cell detection/output/OS-2-*-results.tsv``) of :data:`QUPATH_SOURCE`; no journal article
#: reporting these numbers was confirmed, so none is cited.
PUBLISHED_QUPATH_RANGE = {"ndpi": (11.9, 20.5), "vsi": (3.7, 24.0)}
#: Where :data:`PUBLISHED_QUPATH_RANGE` comes from, in words.
QUPATH_SOURCE = ("P. Bankhead's QuPath analysis of these crops, GitHub repository "
                 "petebankhead/2022-qupath-cell-detection (folder 'Ki67 cell detection')")
#: DAB thresholds (colour-deconvolution density units) swept by default.
DEFAULT_THRESHOLDS = (0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10, 0.12, 0.15)


@dataclass(frozen=True)
class Scan:
    """One scanned crop: file name, pixel size (µm), scanner and its file format."""

    key: str
    file: str
    pixel_um: float
    pixels: int
    scanner: str

    @property
    def title(self) -> str:
        """The scan in words for a figure, e.g. "Hamamatsu scan (NDPI)" (maker, then the file format)."""
        maker, fmt = self.scanner.split(" (")
        return f"{maker} scan ({fmt}"

    @property
    def field_mm(self) -> float:
        """Width (= height) of the crop in mm."""
        return self.pixels * self.pixel_um / 1000


#: The two crops (same field, two scanners), as the images' README gives them.
SCANNERS: Mapping[str, Scan] = {
    "ndpi": Scan("ndpi", "os2_ki67_ndpi.jpg", 0.2271, 2202, "Hamamatsu (NDPI)"),
    "vsi": Scan("vsi", "os2_ki67_vsi.jpg", 0.3461, 1445, "Olympus (VSI)"),
}


def _scan(scanner) -> Scan:
    return SCANNERS[checks.choice("scanner", scanner, tuple(SCANNERS))]


@functools.lru_cache(maxsize=2)
def _rgb(key: str):
    import numpy as np
    from PIL import Image

    with Image.open(DATA_DIR / SCANNERS[key].file) as im:
        arr = np.asarray(im.convert("RGB"))
    arr.setflags(write=False)
    return arr


def load_image(scanner: str = "ndpi"):
    """The crop scanned by ``scanner`` (``"ndpi"`` or ``"vsi"``) as a read-only numpy array (rows, columns, RGB),
    uint8. Source: :data:`CREDIT`."""
    return _rgb(_scan(scanner).key)


# --- the counting key -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Nucleus:
    """One annotated nucleus: centroid in µm from the crop's top-left corner, and its class."""

    x_um: float
    y_um: float
    label: str


@dataclass(frozen=True)
class Annotation:
    """The counting key: a square region of one crop and every nucleus in it, marked by hand.

    ``x_um``, ``y_um``: the region's top-left corner (µm from the crop's top-left); ``size_um``: its side.
    ``header``: who made it, how, how it was checked, and its limits (from the data file).
    """

    scanner: str
    x_um: float
    y_um: float
    size_um: float
    nuclei: tuple[Nucleus, ...]
    header: tuple[str, ...]

    def count(self, label: str) -> int:
        """How many nuclei of class ``label`` (positive, negative, equivocal)."""
        label = checks.choice("label", label, CLASSES)
        return sum(n.label == label for n in self.nuclei)

    @property
    def positive(self) -> int:
        return self.count("positive")

    @property
    def equivocal(self) -> int:
        return self.count("equivocal")

    @property
    def total(self) -> int:
        return len(self.nuclei)

    @property
    def index_percent(self) -> float:
        """The key's index: clear positives over all nuclei (equivocal ones count in the total only), in %."""
        return 100 * self.positive / self.total

    @property
    def index_with_equivocal_percent(self) -> float:
        """The index if every equivocal nucleus were called positive, in %."""
        return 100 * (self.positive + self.equivocal) / self.total

    @property
    def area_mm2(self) -> float:
        return (self.size_um / 1000) ** 2

    def pixel_box(self) -> tuple[int, int, int, int]:
        """The region in pixels of its crop: (left, top, right, bottom)."""
        px = SCANNERS[self.scanner].pixel_um
        left, top = round(self.x_um / px), round(self.y_um / px)
        side = round(self.size_um / px)
        return left, top, left + side, top + side


ANNOTATION_FILE = "annotation_ndpi.csv"


def _parse_annotation(text: str) -> Annotation:
    header = tuple(line[1:].strip() for line in text.splitlines() if line.startswith("#"))
    region = next((h for h in header if h.startswith("region:")), None)
    if region is None:
        raise InvalidValueError("annotation", "the annotation file has no '# region:' line")
    fields = dict(part.split("=") for part in region[len("region:"):].split())
    scanner = checks.choice("scanner", fields["scanner"], tuple(SCANNERS))
    x0, y0, size = (float(fields[k]) for k in ("x_um", "y_um", "size_um"))
    rows = csv.DictReader(io.StringIO("\n".join(line for line in text.splitlines() if not line.startswith("#"))))
    nuclei = []
    for row in rows:
        x, y = float(row["x_um"]), float(row["y_um"])
        label = checks.choice("label", row["class"], CLASSES)
        if not (x0 <= x <= x0 + size and y0 <= y <= y0 + size):
            raise InvalidValueError("annotation", f"nucleus at ({x}, {y}) µm lies outside the region")
        nuclei.append(Nucleus(x, y, label))
    return Annotation(scanner, x0, y0, size, tuple(nuclei), header)


@functools.lru_cache(maxsize=1)
def annotation() -> Annotation:
    """The counting key made for this course on the NDPI crop (see the file's header for how it was made and
    checked). Pure Python: no image library is needed to read it."""
    return _parse_annotation((DATA_DIR / ANNOTATION_FILE).read_text(encoding="utf-8"))


# --- scoring a trainee's count -------------------------------------------------------------------------------------
#: What the slips named by :func:`score_count` mean.
SLIPS: dict[str, str] = {
    "equivocal_as_positive": "Your positive count matches the clear positives plus the equivocal (faint) nuclei: "
                             "this exercise counts only clearly brown nuclei as positive.",
    "missed_nuclei": "Your total is well below the key's: pale blue negative nuclei are the easiest to miss, and a "
                     "denominator that is too small raises the index.",
    "extra_nuclei": "Your total is well above the key's: count each nucleus once, inside the region only, and leave "
                    "out nuclei cut by its edge only if most of the nucleus lies outside.",
    "positives_missed": "You counted fewer positives than the key: look again for smaller or paler brown nuclei.",
}
#: A total further than this share from the key's is named as a slip.
TOTAL_SLACK = 0.15


@dataclass(frozen=True)
class CountScore(Explained):
    """A trainee's count of the annotated region against the key: both indices, the difference, whether it is
    within :data:`TOLERANCE_POINTS`, and the slips it suggests (codes in ``flags``, see :data:`SLIPS`)."""

    positive: int
    total: int
    index_percent: float
    key_positive: int
    key_equivocal: int
    key_total: int
    key_index_percent: float
    difference_points: float
    agrees: bool
    flags: tuple[str, ...]
    steps: tuple[str, ...]
    sources: tuple[str, ...] = ()

    card_title: ClassVar[str] = "Your count against the key"
    flag_text: ClassVar[Mapping[str, str]] = SLIPS

    def headline(self) -> str:
        return f"{self.index_percent:.1f} % (key {self.key_index_percent:.1f} %)"

    def subtitle(self) -> str:
        return (f"agrees with the key (within ±{TOLERANCE_POINTS:g} percentage points)" if self.agrees
                else f"differs from the key by more than {TOLERANCE_POINTS:g} percentage points")


def score_count(positive: int, total: int) -> CountScore:
    """Compare a count of the annotated region (``positive`` of ``total`` nuclei) with the key.

    The count agrees when its index is within :data:`TOLERANCE_POINTS` percentage points of the key's (a few
    nuclei either way on a region this size). Slips are named from the numbers: positives that match clear plus
    equivocal nuclei, a total more than 15 % off the key's, or too few positives.
    """
    total = checks.integer("total", total, 1, 10_000, unit="nuclei counted in the region")
    positive = checks.integer("positive", positive, 0, total, unit="positive nuclei, at most total")
    key = annotation()
    idx = 100 * positive / total
    diff = idx - key.index_percent
    agrees = abs(diff) <= TOLERANCE_POINTS + 1e-9
    slips = []
    eq_slack = max(2, round(0.1 * key.equivocal))
    if key.equivocal and abs(positive - (key.positive + key.equivocal)) <= eq_slack \
            and abs(positive - key.positive) > eq_slack:
        slips.append("equivocal_as_positive")
    if total < (1 - TOTAL_SLACK) * key.total:
        slips.append("missed_nuclei")
    elif total > (1 + TOTAL_SLACK) * key.total:
        slips.append("extra_nuclei")
    if positive < key.positive - eq_slack:
        slips.append("positives_missed")
    steps = (f"Your count: {positive} positive of {total} nuclei = {idx:.1f} %.",
             f"The key: {key.positive} clearly positive, {key.equivocal} equivocal (faint) and "
             f"{key.total - key.positive - key.equivocal} negative nuclei, {key.total} in all: "
             f"{key.positive} / {key.total} = {key.index_percent:.1f} %.",
             f"Difference {diff:+.1f} percentage points: " + ("within" if agrees else "outside")
             + f" the ±{TOLERANCE_POINTS:g} points accepted.")
    return CountScore(positive, total, idx, key.positive, key.equivocal, key.total, key.index_percent, diff, agrees,
                      tuple(slips), steps)


def _traps() -> list[tuple[float, float, str]]:
    """The known wrong answers to Task 5: (value in %, tolerance in points, message).

    Each value is what one slip gives on the key's own numbers. Honest counts differ from the key by a few nuclei
    and land anywhere from about 12 to 30 %, so the two traps inside that range have narrow bands and messages that
    name the slip as a possibility ("if you did that") and otherwise give the generic advice, :data:`RECOUNT`.
    Leaving the equivocal nuclei out of the total (``p / (n - e)``) is no trap: it lies within
    :data:`TOLERANCE_POINTS` of the key.
    """
    key = annotation()
    p, e, n = key.positive, key.equivocal, key.total
    neg = n - p - e
    otherwise = f"If not, the key is {key.index_percent:.1f} %: {RECOUNT[0].lower()}{RECOUNT[1:]}"
    traps = []
    if e:
        traps.append((key.index_with_equivocal_percent, 1.5,
                      f"{key.index_with_equivocal_percent:.1f} % is what counting the {e} equivocal (faint) nuclei "
                      f"as positive gives ({p + e} / {n}). If you did that: this exercise leaves faint nuclei out "
                      f"of the positives. {otherwise}"))
    traps.append((100 * p / neg, 0.3,
                  f"{100 * p / neg:.1f} % is what dividing the positives by the negative nuclei only gives "
                  f"({p} / {neg}). If you did that: the total is every nucleus in the region, positive, negative "
                  f"and equivocal. {otherwise}"))
    traps.append((p / n, 0.05, "that is a fraction; the index is a percentage (multiply by 100)."))
    return traps


#: What to do when a count is outside the accepted band and no slip explains it.
RECOUNT = ("Recount square by square: every nucleus whose centre lies in the region goes in the total, and only "
           "the clearly brown ones in the positives.")


def count_key():
    """The key to "what is the Ki-67 index of the annotated region?" as a
    :class:`~netlib.teaching.exercises.NumericKey` (tolerance :data:`TOLERANCE_POINTS` percentage points), with
    the slips of :func:`_traps` as traps (equivocal nuclei counted as positive, positives over negatives only, a
    fraction for a %). Trap bands overlap neither each other nor the accepted band (tested)."""
    from netlib.teaching.exercises import NumericKey, Trap

    key = annotation()
    p, e, n = key.positive, key.equivocal, key.total
    correct = (f"The key: {p} clearly positive of {n} nuclei ({e} equivocal counted in the total only) = "
               f"{key.index_percent:.1f} %. Counts within ±{TOLERANCE_POINTS:g} points agree.")
    otherwise = f"the key is {key.index_percent:.1f} % ({p} clearly positive of {n} nuclei). {RECOUNT}"
    return NumericKey(key.index_percent, TOLERANCE_POINTS, "%", correct,
                      tuple(Trap(v, tol, msg) for v, tol, msg in _traps()), otherwise)


def count_explanation() -> str:
    """What Task 5's key means, in words that fit this tissue (unspecified, not a NET: no grade, no tumour cells):
    the key's count, its 95 % Wilson interval, where that lies relative to 3 % and 20 %, and why a region this
    small and not chosen as a hot spot is practice only."""
    from netlib.counting import ki67

    key = annotation()
    p, e, n = key.positive, key.equivocal, key.total
    lo, hi = ki67.wilson_interval(p, n)
    spanned = [c for c in (3, 20) if lo < c < hi]
    where = (f"it spans {' and '.join(f'{c:g} %' for c in spanned)}, so {n} nuclei cannot place this region's "
             f"index on one side of {spanned[-1]:g} %" if spanned
             else "it lies wholly between 3 % and 20 %" if 3 <= lo and hi <= 20
             else "it lies wholly on one side of 3 % and 20 %")
    return (f"The key: {p} clearly brown nuclei of {n} ({n - p - e} negative, and {e} equivocal counted in the "
            f"total only) = {key.index_percent:.1f} %. Counting the equivocal nuclei as positive would give "
            f"{p + e} / {n} = {key.index_with_equivocal_percent:.1f} %. The 95 % Wilson interval of {p} of {n} is "
            f"{lo:.1f}-{hi:.1f} %: {where}. This is a practice region of an unspecified tissue: "
            "too small and not a hot spot, it grades nothing.")


# --- the digital count --------------------------------------------------------------------------------------------
#: Detection settings, in µm so that both scanners are treated alike.
SMOOTH_UM = 0.7          # Gaussian smoothing before the nuclear mask
NUCLEAR_DENSITY = 0.045  # haematoxylin + DAB density above which a pixel is nuclear (rgb2hed units)
MIN_AREA_UM2 = 12.0      # smaller specks are not nuclei
MIN_SEPARATION_UM = 3.0  # two nuclear centres at least this far apart
MEASURE_RADIUS_UM = 2.5  # DAB is averaged over a disc of this radius around each centre


@dataclass(frozen=True)
class DigitalCount(Explained):
    """A digital Ki-67 count of one crop at one DAB threshold."""

    scanner: str
    threshold: float
    positive: int
    total: int
    index_percent: float
    steps: tuple[str, ...]
    sources: tuple[str, ...] = ("ruifrok2001",)

    card_title: ClassVar[str] = "Digital Ki-67 count"

    def headline(self) -> str:
        return f"{self.index_percent:.1f} %"

    def subtitle(self) -> str:
        return f"{SCANNERS[self.scanner].scanner}, DAB threshold {self.threshold:g}"


@functools.lru_cache(maxsize=2)
def _nuclei(key: str):
    """Nuclear centres (row, column pixels) and each nucleus's mean DAB density, for one crop (cached)."""
    import numpy as np
    from scipy import ndimage as ndi
    from skimage.color import rgb2hed
    from skimage.feature import peak_local_max
    from skimage.filters import gaussian
    from skimage.measure import label
    from skimage.morphology import disk, opening, remove_small_objects

    px = SCANNERS[key].pixel_um
    hed = rgb2hed(_rgb(key))
    haem, dab = hed[..., 0], np.clip(hed[..., 2], 0, None)
    density = gaussian(haem + dab, sigma=SMOOTH_UM / px)
    mask = opening(density > NUCLEAR_DENSITY, disk(max(1, round(1.0 / px))))
    mask = ndi.binary_fill_holes(mask)
    mask = remove_small_objects(mask, max_size=round(MIN_AREA_UM2 / px ** 2))
    dist = gaussian(ndi.distance_transform_edt(mask), sigma=1.0 / px)
    centres = peak_local_max(dist, min_distance=max(1, round(MIN_SEPARATION_UM / px)), labels=label(mask),
                             exclude_border=False)
    centres = centres[np.lexsort((centres[:, 1], centres[:, 0]))]  # a fixed order
    r = MEASURE_RADIUS_UM / px
    kernel = disk(round(r)).astype(float)
    mean_dab = ndi.convolve(dab, kernel / kernel.sum(), mode="nearest")[centres[:, 0], centres[:, 1]]
    centres.setflags(write=False)
    mean_dab.setflags(write=False)
    return centres, mean_dab


def _threshold(name: str, value) -> float:
    return checks.number(name, value, 0, 2, low_open=True, unit="DAB density, colour-deconvolution units")


def digital_count(scanner: str = "ndpi", threshold: float = 0.05) -> DigitalCount:
    """Count the whole crop of ``scanner`` digitally: nuclei detected, and positive where the mean DAB density
    (over a disc of 2.5 µm radius at the centre) exceeds ``threshold`` (> 0, colour-deconvolution density units of
    ``skimage.color.rgb2hed``).

    Method: colour deconvolution into haematoxylin and DAB (Ruifrok & Johnston 2001); the sum of the two, smoothed,
    above a fixed density is nuclear; touching nuclei are split at the peaks of the distance transform (centres at
    least 3 µm apart). Every length is in µm, so both scanners get the same recipe. Deterministic: the same image
    gives the same count. A teaching recipe, not a validated algorithm: it finds fewer cells than QuPath did on
    these crops (see :data:`PUBLISHED_QUPATH_RANGE`), misses some pale nuclei and can split or merge others.
    Images: :data:`CREDIT`.
    """
    scan = _scan(scanner)
    threshold = _threshold("threshold", threshold)
    centres, dab = _nuclei(scan.key)
    total = int(len(centres))
    positive = int((dab > threshold).sum())
    idx = 100 * positive / total
    steps = (f"Colour deconvolution of the {scan.scanner} crop ({scan.field_mm:.2f} x {scan.field_mm:.2f} mm, "
             f"{scan.pixel_um} µm per pixel) into haematoxylin and DAB.",
             f"{total} nuclei detected on haematoxylin + DAB.",
             f"{positive} have a mean DAB density above {threshold:g}: {positive} / {total} = {idx:.1f} %.")
    return DigitalCount(scan.key, threshold, positive, total, idx, steps)


def threshold_sweep(scanners=("ndpi", "vsi"), thresholds=DEFAULT_THRESHOLDS) -> dict[str, list[DigitalCount]]:
    """:func:`digital_count` for each scanner at each threshold: ``{scanner: [DigitalCount, ...]}`` in the order
    given. The nuclei are detected once per crop, so only the DAB threshold moves the index; it can only fall as
    the threshold rises."""
    names = [checks.choice("scanners", s, tuple(SCANNERS))
             for s in checks.sequence("scanners", scanners, what="scanner names ('ndpi', 'vsi')", min_len=1, max_len=2)]
    if len(set(names)) != len(names):
        raise InvalidValueError("scanners", f"each scanner once, got {names}")
    values = [_threshold("thresholds", t) for t in checks.sequence("thresholds", thresholds,
                                                                   what="a list of DAB thresholds", min_len=1,
                                                                   max_len=100)]
    return {s: [digital_count(s, t) for t in values] for s in names}


# --- the self-check on what the sweep means ------------------------------------------------------------------------
#: The options of the self-check on the threshold sweep (the first is the key).
MEANING_OPTIONS = (
    "Near a cut-off, a digital index needs checking against a count by eye",
    "Trust the scanner that gives the higher index: it misses fewer positives",
    "Digital counts are useless, so Ki-67 can no longer grade a tumour",
    "This field is a NET G2, since most thresholds give an index of 3-20 %",
)


def check_meaning(answer: str):
    """Judge an answer to "what does the threshold sweep mean?" (one of :data:`MEANING_OPTIONS`); the messages
    quote the sweep's own numbers. Returns a :class:`~netlib.teaching.exercises.Feedback`."""
    from netlib.teaching.exercises import Feedback

    answer = checks.choice("answer", answer, MEANING_OPTIONS)
    sweep = threshold_sweep()
    lo = {s: min(c.index_percent for c in rows) for s, rows in sweep.items()}
    hi = {s: max(c.index_percent for c in rows) for s, rows in sweep.items()}
    spread = (f"on this one field the index ran from {lo['ndpi']:.1f} to {hi['ndpi']:.1f} % (Hamamatsu) and from "
              f"{lo['vsi']:.1f} to {hi['vsi']:.1f} % (Olympus) as the DAB threshold moved")
    qupath = (f"QuPath, with its own settings, found {PUBLISHED_QUPATH_RANGE['ndpi'][0]}-"
              f"{PUBLISHED_QUPATH_RANGE['ndpi'][1]} % and {PUBLISHED_QUPATH_RANGE['vsi'][0]}-"
              f"{PUBLISHED_QUPATH_RANGE['vsi'][1]} % on the same two crops ({QUPATH_SOURCE})")
    key = MEANING_OPTIONS[0]
    explanation = (f"The tissue and the stain did not change, yet {spread}; {qupath}. A digital index is a "
                   "measurement with settings: near 3 % or 20 % the settings and the scanner can decide the grade, so "
                   "check the positive/negative calls by eye in the counted area, and report how the count was made.")
    messages = {
        key: explanation,
        MEANING_OPTIONS[1]: "Neither scan is a reference: the brighter or darker rendering of the same brown changes "
                            "which nuclei pass the threshold. The check is a count by eye, not the higher number.",
        MEANING_OPTIONS[2]: "Too far: the index is still the grading measure; what the sweep shows is that its "
                            "settings must be checked near a cut-off, not that it is useless.",
        MEANING_OPTIONS[3]: "This tissue is unspecified, not a NET, so it has no NET grade; and a grade cannot be "
                            f"read off a majority of settings: {spread}.",
    }
    return Feedback(answer, key, answer == key, messages[answer], explanation)
