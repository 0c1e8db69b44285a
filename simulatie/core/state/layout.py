"""The neighbourhood layout: homes along streets, and meeting places.

Seed 002 says ties are strongest within a street or block, so "near" must mean something: each
street is a block of two rows of homes facing each other, and blocks are laid out in a roughly
square grid. Who lives next to whom (and opposite) is computed once, as a sparse list of
neighbour pairs with a weight that falls with distance (Festinger, Schachter & Back 1950).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

import numpy as np

from ..parameters import Placement

__all__ = ["CellKind", "Layout", "build_layout"]

BLOCK_HEIGHT = 4  # home row, street, home row, back gardens


class CellKind(IntEnum):
    """What a grid cell is."""

    OPEN = 0
    HOME = 1
    STREET = 2
    MEETING_PLACE = 3


@dataclass(frozen=True)
class Layout:
    """Positions of homes and meeting places, and who is near whom.

    Attributes:
        width: Grid width in cells.
        height: Grid height in cells.
        home_xy: ``(n, 2)`` cell coordinates of each home; home ``i`` houses resident slot ``i``.
        street: Street (block) number of each home.
        place_xy: ``(m, 2)`` cell coordinates of each meeting place.
        place_distance: ``(n, m)`` distance in cells from each home to each meeting place.
        kinds: ``(width, height)`` array of :class:`CellKind`.
        neighbour_ptr: CSR row pointers into ``neighbour_idx`` for each home.
        neighbour_idx: Neighbouring homes, grouped per home.
        neighbour_cumweight: Running sum of the neighbour weights (for weighted sampling).
    """

    width: int
    height: int
    home_xy: np.ndarray
    street: np.ndarray
    place_xy: np.ndarray
    place_distance: np.ndarray
    kinds: np.ndarray
    neighbour_ptr: np.ndarray
    neighbour_idx: np.ndarray
    neighbour_cumweight: np.ndarray

    @property
    def homes(self) -> int:
        """Number of homes."""
        return len(self.home_xy)


def _block_grid(blocks: int, street_length: int) -> tuple[int, int]:
    """Arrange blocks in columns and rows so the neighbourhood is roughly square."""
    cols = max(1, round(math.sqrt(blocks * BLOCK_HEIGHT / (street_length + 1))))
    rows = math.ceil(blocks / cols)
    return cols, rows


def _place_blocks(blocks: int, count: int, placement: Placement, cols: int) -> list[int]:
    """Choose the blocks whose street end becomes a meeting place."""
    if count == 0:
        return []
    rows = math.ceil(blocks / cols)
    centre = np.array([(cols - 1) / 2, (rows - 1) / 2])
    position = np.array([(b % cols, b // cols) for b in range(blocks)], dtype=float)
    if placement is Placement.CENTRAL:
        order = np.argsort(np.linalg.norm(position - centre, axis=1), kind="stable")
        chosen = order[:count]
    elif placement is Placement.EDGE:
        order = np.argsort(-np.linalg.norm(position - centre, axis=1), kind="stable")
        chosen = order[:count]
    else:
        chosen = np.linspace(0, blocks - 1, count).round().astype(int)
    return [int(b) for b in chosen]


@lru_cache(maxsize=32)
def build_layout(
    residents: int, street_length: int, meeting_places: int, placement: Placement, *,
    reach: int, crossing: float, distance_power: float,
) -> Layout:
    """Lay out homes along streets and place the meeting places.

    Args:
        residents: Number of homes.
        street_length: Homes on each side of a street.
        meeting_places: Number of meeting places.
        placement: Where the meeting places go.
        reach: Homes along the street within which doorstep encounters happen.
        crossing: Homes that crossing the street counts as.
        distance_power: Doorstep encounters fall off as 1 / distance to this power.

    Returns:
        The layout, with neighbour lists for chance encounters.
    """
    per_block = 2 * street_length
    blocks = math.ceil(residents / per_block)
    cols, rows = _block_grid(blocks, street_length)
    width, height = cols * (street_length + 1), rows * BLOCK_HEIGHT

    slot = np.arange(residents)
    block, within = np.divmod(slot, per_block)
    side, pos = np.divmod(within, street_length)
    bx, by = block % cols, block // cols
    home_xy = np.column_stack([bx * (street_length + 1) + pos, by * BLOCK_HEIGHT + 2 * side])

    kinds = np.zeros((width, height), dtype=np.int8)
    for b in range(blocks):
        x0, y0 = (b % cols) * (street_length + 1), (b // cols) * BLOCK_HEIGHT
        kinds[x0 : x0 + street_length, y0 + 1] = CellKind.STREET
    kinds[home_xy[:, 0], home_xy[:, 1]] = CellKind.HOME

    chosen = _place_blocks(blocks, min(meeting_places, blocks), placement, cols)
    place_xy = np.array(
        [((b % cols) * (street_length + 1) + street_length, (b // cols) * BLOCK_HEIGHT + 1)
         for b in chosen],
        dtype=int,
    ).reshape(-1, 2)
    if len(place_xy):
        kinds[place_xy[:, 0], place_xy[:, 1]] = CellKind.MEETING_PLACE
    place_distance = np.linalg.norm(
        home_xy[:, None, :].astype(float) - place_xy[None, :, :], axis=2
    )

    ptr, idx, weight = _neighbours(block, side, pos, street_length, residents,
                                   (reach, crossing, distance_power))
    return Layout(
        width=width, height=height, home_xy=home_xy, street=block, place_xy=place_xy,
        place_distance=place_distance, kinds=kinds, neighbour_ptr=ptr, neighbour_idx=idx,
        neighbour_cumweight=np.cumsum(weight),
    )


def _neighbours(
    block: np.ndarray, side: np.ndarray, pos: np.ndarray, street_length: int, residents: int,
    distance: tuple[int, float, float],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Neighbour pairs within a street, weighted by distance along and across it.

    ``distance`` is (reach along the street, homes a crossing counts as, the power of the fall).
    """
    reach, crossing, power = distance
    sources, targets, weights = [], [], []
    slot = np.arange(residents)
    for across in (0, 1):
        for step in range(-reach, reach + 1):
            if across == 0 and step == 0:
                continue
            other_pos = pos + step
            other_side = side if across == 0 else 1 - side
            other = block * 2 * street_length + other_side * street_length + other_pos
            ok = (other_pos >= 0) & (other_pos < street_length) & (other < residents)
            apart = abs(step) + crossing * across
            sources.append(slot[ok])
            targets.append(other[ok])
            weights.append(np.full(ok.sum(), 1.0 / apart**power))
    src, dst, w = (np.concatenate(a) for a in (sources, targets, weights))
    order = np.argsort(src, kind="stable")
    src, dst, w = src[order], dst[order], w[order]
    ptr = np.searchsorted(src, np.arange(residents + 1))
    return ptr, dst, w
