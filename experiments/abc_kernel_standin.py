"""A stand-in for the calibration, to choose the width of ABC-SMC's proposal kernel cheaply.

The calibration (``simulatie calibrate``) fits twelve context assumptions to seventeen bands, each
particle on three noisy seeds, with a distance of how far and how often the seeds miss the bands.
One particle of the model costs about 11 s of processor time; this stand-in has the same shape
(twelve parameters uniform on [0, 1], seventeen statistics that are noisy linear combinations of
them, three seeds, the same distance) and costs microseconds, so kernels can be compared in a
minute. It is not the model: it shows whether a kernel keeps the importance weights usable in
this shape of problem, not what the model's calibration will do.

Run (each line prints the tolerances, the effective sample size per generation and the
simulations used)::

    python experiments/abc_kernel_standin.py 100 1 2 3
    python experiments/abc_kernel_standin.py 300 1 2

On 7 December 2026 (two cores): with pyabc's own kernel width (scaling 1) the effective sample
size fell to 1-18 of 100 and 24-77 of 300 over four generations; with twice the width it stayed at
34-50 of 100 (10.8 in the fifth) and 108-170 of 300, with a tolerance that fell a little slower.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile

import numpy as np
import pyabc

PARAMETERS = 12
STATISTICS = 17
SEEDS = 3
NOISE = 0.08  # each seed's noise on a statistic, against a band 0.5 wide
GENERATIONS = 5

_MIXING = np.random.default_rng(0).normal(size=(STATISTICS, PARAMETERS)) / np.sqrt(PARAMETERS)
_LOW, _HIGH = -0.25, 0.25


def model(parameters: dict[str, float]) -> dict[str, float]:
    """Three seeds of seventeen statistics, and their distance over the seeds."""
    theta = np.array([parameters[f"x{i}"] for i in range(PARAMETERS)]) - 0.5
    rng = np.random.default_rng(abs(hash(tuple(np.round(theta, 12)))) % 2**32)
    outside = []
    for _ in range(SEEDS):
        values = _MIXING @ (2 * theta) + rng.normal(0, NOISE, STATISTICS)
        outside.append(np.maximum(0, np.maximum(_LOW - values, values - _HIGH)) / (_HIGH - _LOW))
    outside = np.array(outside)
    return {"distance": float(outside.mean(axis=0).sum() + (outside > 0).mean(axis=0).sum())}


def calibrate(particles: int, scaling: float) -> str:
    """One ABC-SMC run of the stand-in; a line with its tolerances and effective sizes."""
    prior = pyabc.Distribution(**{f"x{i}": pyabc.RV("uniform", 0, 1) for i in range(PARAMETERS)})
    np.random.seed(1)
    abc = pyabc.ABCSMC(model, prior, lambda simulated, _: simulated["distance"],
                       population_size=particles,
                       transitions=pyabc.MultivariateNormalTransition(scaling=scaling),
                       sampler=pyabc.sampler.SingleCoreSampler())
    abc.new("sqlite:///" + os.path.join(tempfile.mkdtemp(), "standin.db"), {"distance": 0.0})
    history = abc.run(max_nr_populations=GENERATIONS, minimum_epsilon=0.0)
    sizes = []
    for t in range(history.max_t + 1):
        _, weights = history.get_distribution(t=t)
        weights = np.asarray(weights) / np.sum(weights)
        sizes.append(f"{1 / np.sum(weights**2):.1f}")
    tolerances = history.get_all_populations()["epsilon"].tolist()[1:]
    return (f"particles {particles}, scaling {scaling:g}: tolerances "
            f"{', '.join(f'{e:.2f}' for e in tolerances)}; effective sizes {', '.join(sizes)}; "
            f"{history.total_nr_simulations} simulations")


def main(arguments: list[str]) -> None:
    """``particles scaling [scaling ...]``: one run per scaling."""
    logging.getLogger("ABC").setLevel(logging.ERROR)
    particles = int(arguments[0]) if arguments else 100
    for scaling in (arguments[1:] or ["1", "2"]):
        print(calibrate(particles, float(scaling)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
