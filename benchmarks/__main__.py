"""Run the benchmark suite: ``python -m benchmarks [--quick]``."""

import sys

from .suite import main

sys.exit(main())
