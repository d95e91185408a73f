"""A small, bounded run of requests against a running server: per path, how many answered
200, the median and 95th percentile time, requests per second. Used by bench/cache_down.sh.

usage: python bench/cache_down.py BASE_URL LABEL [--rounds 40] [--clients 4] PATH...
"""

import argparse
import statistics
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def fetch(url):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0  # refused, reset or timed out
    return status, time.perf_counter() - started


def run(base, path, rounds, clients):
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(fetch, [base + path] * rounds))
    elapsed = time.perf_counter() - started
    times = sorted(t for _, t in results)
    ok = sum(1 for status, _ in results if status == 200)
    statuses = sorted({status for status, _ in results})
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return (
        f"{path:42} {ok:4}/{rounds} ok  statuses {statuses}  "
        f"median {statistics.median(times) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  "
        f"{rounds / elapsed:7.1f} req/s"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("label")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    print(f"== {args.label}")
    for path in args.paths:
        print(run(args.base, path, args.rounds, args.clients), flush=True)


if __name__ == "__main__":
    main()
