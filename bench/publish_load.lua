-- wrk script for bench/publish_load.sh: each request takes the next of BENCH_PATHS
-- (comma-separated) in turn; prints the same BENCH line as percentiles.lua.
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/", "([^,]+)") do paths[#paths + 1] = p end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
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
