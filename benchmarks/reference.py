"""The speed floor: a minimal Mesa 3.5 model to compare the caring-community model against.

Walkers on a torus :class:`~mesa.discrete_space.OrthogonalMooreGrid` move to a random neighbouring
cell every step and count the agents in the cells around them. This is about the least work a
Mesa agent can do per step with the library's own idioms (``CellAgent``, ``cell.neighborhood``,
``AgentSet.shuffle_do``), so its microseconds per agent-step are the floor that a Python-level
agent-based model on this machine can be held against (``docs/performance.md``).
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import mesa
from mesa.discrete_space import CellAgent, OrthogonalMooreGrid

__all__ = [
    "DENSITY",
    "ReferenceResult",
    "Walker",
    "WalkerModel",
    "measure_reference",
    "split_blocks",
    "time_steps",
]

DENSITY = 0.75  # agents per cell; 30,000 walkers on 200 × 200 as in the brief's speed notes


class Walker(CellAgent):
    """A walker that steps to a random neighbouring cell and counts who is around.

    Args:
        model: The model.
        cell: The starting cell.
    """

    def __init__(self, model: WalkerModel, cell) -> None:
        super().__init__(model)
        self.cell = cell
        self.neighbours_seen = 0

    def step(self) -> None:
        """Move to a random neighbouring cell, then count the agents in the cells around it."""
        self.cell = self.cell.neighborhood.select_random_cell()
        self.neighbours_seen = sum(1 for _ in self.cell.neighborhood.agents)


class WalkerModel(mesa.Model):
    """Walkers on a square torus grid sized to :data:`DENSITY`.

    Args:
        agents: Number of walkers.
        rng: Seed for the model's random generators.
    """

    def __init__(self, agents: int = 2_000, rng: int | None = 0) -> None:
        super().__init__(rng=rng)
        side = max(3, math.ceil(math.sqrt(agents / DENSITY)))
        self.grid = OrthogonalMooreGrid((side, side), torus=True, random=self.random)
        cells = self.grid.all_cells.cells
        for _ in range(agents):
            Walker(self, self.random.choice(cells))

    def step(self) -> None:
        """Every walker steps once, in random order."""
        self.agents.shuffle_do("step")


def split_blocks(steps: int, repeats: int) -> list[int]:
    """Split ``steps`` into up to ``repeats`` nearly equal non-empty blocks."""
    repeats = max(1, min(repeats, steps))
    return [steps // repeats + (k < steps % repeats) for k in range(repeats)]


def time_steps(step: Callable[[], object], steps: int, repeats: int) -> tuple[float, float]:
    """Wall and CPU seconds per call of ``step``, each the median over ``repeats`` blocks.

    The median block resists other processes briefly taking a core on a shared machine.
    """
    wall, cpu = [], []
    for block in split_blocks(steps, repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(block):
            step()
        wall.append((time.perf_counter() - started) / block)
        cpu.append((time.process_time() - cpu_started) / block)
    return statistics.median(wall), statistics.median(cpu)


@dataclass(frozen=True)
class ReferenceResult:
    """Timing of the reference model.

    Attributes:
        agents: Number of walkers.
        grid_side: Side of the square grid in cells.
        steps: Timed steps (after the warm-up).
        seconds: Wall time of the timed steps (median block, scaled to ``steps``).
        us_per_agent_step: Microseconds per agent per step.
        build_seconds: Wall time to construct the model.
        cpu_us_per_agent_step: The same in CPU time of this process, which other processes on
            a busy machine disturb much less than wall time.
    """

    agents: int
    grid_side: int
    steps: int
    seconds: float
    us_per_agent_step: float
    build_seconds: float
    cpu_us_per_agent_step: float


def measure_reference(
    agents: int = 2_000, steps: int = 50, warmup: int = 5, seed: int = 0, repeats: int = 5
) -> ReferenceResult:
    """Time the reference model in microseconds per agent-step.

    Args:
        agents: Number of walkers.
        steps: Steps to time after the warm-up.
        warmup: Untimed steps first (fills Mesa's neighbourhood caches).
        seed: Seed of the model.
        repeats: Blocks the timed steps are split into; the median block is reported.

    Returns:
        The timing.
    """
    started = time.perf_counter()
    model = WalkerModel(agents, rng=seed)
    build = time.perf_counter() - started
    for _ in range(warmup):
        model.step()
    per_step, cpu_per_step = time_steps(model.step, steps, repeats)
    seconds, cpu_seconds = per_step * steps, cpu_per_step * steps
    return ReferenceResult(
        agents=agents,
        grid_side=model.grid.width,
        steps=steps,
        seconds=seconds,
        us_per_agent_step=seconds / (steps * agents) * 1e6,
        build_seconds=build,
        cpu_us_per_agent_step=cpu_seconds / (steps * agents) * 1e6,
    )
