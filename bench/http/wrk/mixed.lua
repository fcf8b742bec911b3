-- Warm-up: the three measured requests in turn, so that every path is compiled before it is timed.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local body = '{"event_time":"2031-03-04T10:00:00Z","address":{"street":"1 Main St","city":"Springfield",'
          .. '"state":null,"country":"US"},"topic":"Bench","duration_minutes":30,"requested_by":"ops@example.org"}'
local post_headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
local n = 0
request = function()
  n = n + 1
  if n % 3 == 0 then
    return wrk.format("POST", "/booking/", post_headers, body)
  elseif n % 3 == 1 then
    return wrk.format("GET", "/booking/" .. math.random(1, max_id) .. "/")
  end
  return wrk.format("GET", "/booking/?limit=100")
end
