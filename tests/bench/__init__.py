"""Benchmarks at city scale (not part of the default test run).

    python -m tests.bench.run [--seed N] [--quick]

See ``tests/bench/run.py`` and ``docs/performance.md``.
"""
