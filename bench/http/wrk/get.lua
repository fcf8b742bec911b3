-- GET /booking/{id}/ for an id drawn uniformly from the seeded ones.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
request = function()
  return wrk.format("GET", "/booking/" .. math.random(1, max_id) .. "/")
end
