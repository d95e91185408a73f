-- wrk script: print p50/p95/p99 (ms) and req/s in a line bench/report.py reads.
-- BENCH_COOKIE in the environment is sent as the Cookie header (the recruiter's session).
local cookie = os.getenv("BENCH_COOKIE")
request = function()
  if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
  return wrk.format(nil)
end
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    "BENCH requests=%d rps=%.1f p50=%.1f p95=%.1f p99=%.1f errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
