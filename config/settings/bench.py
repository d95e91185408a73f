"""The benchmarks (bench/): production settings plus the bench app and its `bench_fill`."""

from .production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
