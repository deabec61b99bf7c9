"""Seeded synthetic Ki-67 fields with known ground truth, for counting practice (hot-spot finding and counting).

Pure Python (``random.Random(seed)``): the same seed gives the same field on every machine.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from netlib import checks
from netlib.errors import InvalidValueError

__all__ = ["Ki67Field", "synthetic_field"]

@dataclass(frozen=True)
class Ki67Field:
    """A synthetic Ki-67-stained field with known ground truth, for counting practice.

    Nuclei lie in a unit square split into a ``grid`` x ``grid`` lattice of squares named
    ``A1`` (top left) to e.g. ``E5``; ``positive`` marks brown (Ki-67-positive) nuclei. A denser,
    more proliferative hot spot sits in a circle that the trainee has to find.
    """

    x: tuple[float, ...]
    y: tuple[float, ...]
    positive: tuple[bool, ...]
    hotspot_centre: tuple[float, float]
    hotspot_radius: float
    grid: int
    seed: int

    @property
    def n_cells(self) -> int:
        return len(self.x)

    def square_of(self, i: int) -> str:
        """Name of the grid square holding nucleus ``i`` (row letter from the top, column number)."""
        col = min(int(self.x[i] * self.grid), self.grid - 1)
        row = min(int((1 - self.y[i]) * self.grid), self.grid - 1)
        return f"{'ABCDEFGHIJ'[row]}{col + 1}"

    @property
    def square_names(self) -> tuple[str, ...]:
        return tuple(f"{'ABCDEFGHIJ'[r]}{c + 1}" for r in range(self.grid) for c in range(self.grid))

    def counts(self, squares=None) -> tuple[int, int]:
        """(positive, total) nuclei in the named squares (all squares when None)."""
        if squares is None:
            wanted = set(self.square_names)
        else:
            wanted = set(checks.words("squares", squares, self.square_names,
                                      what="a list of square names like ['B2', 'B3']"))
        idx = [i for i in range(self.n_cells) if self.square_of(i) in wanted]
        return sum(self.positive[i] for i in idx), len(idx)

    def index_in(self, squares=None) -> float:
        pos, tot = self.counts(squares)
        return 100 * pos / tot if tot else 0.0

    @property
    def hotspot_squares(self) -> tuple[str, ...]:
        """The squares whose centre lies inside the hot spot."""
        cx, cy = self.hotspot_centre
        out = []
        for r in range(self.grid):
            for c in range(self.grid):
                sx, sy = (c + 0.5) / self.grid, 1 - (r + 0.5) / self.grid
                if (sx - cx) ** 2 + (sy - cy) ** 2 <= self.hotspot_radius ** 2:
                    out.append(f"{'ABCDEFGHIJ'[r]}{c + 1}")
        return tuple(out)


def synthetic_field(seed: int = 2022, background_cells: int = 500, background_index: float = 3.0,
                    hotspot_cells: int = 700, hotspot_index: float = 12.0, grid: int = 5) -> Ki67Field:
    """Generate a seeded synthetic field: a background plus a denser hot spot with a higher index.

    Pure Python ``random.Random(seed)``, so the same seed gives the same field everywhere.
    """
    import random

    seed = checks.integer("seed", seed, 0, 2**31 - 1)
    nb = checks.integer("background_cells", background_cells, 0, 20_000)
    nh = checks.integer("hotspot_cells", hotspot_cells, 0, 20_000)
    pb = checks.number("background_index", background_index, 0, 100, unit="%") / 100
    ph = checks.number("hotspot_index", hotspot_index, 0, 100, unit="%") / 100
    grid = checks.integer("grid", grid, 2, 10)
    if nb + nh == 0:
        raise InvalidValueError("background_cells", "background_cells + hotspot_cells must be at least 1 (one nucleus)")
    rng = random.Random(seed)
    radius = 0.25
    cx, cy = rng.uniform(radius, 1 - radius), rng.uniform(radius, 1 - radius)
    xs, ys, pos = [], [], []
    for _ in range(nb):
        xs.append(rng.random()); ys.append(rng.random()); pos.append(rng.random() < pb)
    for _ in range(nh):
        r, a = radius * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
        xs.append(cx + r * math.cos(a)); ys.append(cy + r * math.sin(a)); pos.append(rng.random() < ph)
    return Ki67Field(tuple(xs), tuple(ys), tuple(pos), (cx, cy), radius, grid, seed)
