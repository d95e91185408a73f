from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark tooling only: the `bench_fill` command. No models."""

    name = "bench"
    verbose_name = "Benchmarks"
