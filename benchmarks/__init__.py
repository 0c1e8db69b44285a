"""Benchmarks of the caring-community model against a minimal Mesa reference and targets.

Run ``.venv/bin/python -m benchmarks`` (or ``--quick``); see ``docs/performance.md``.
"""
