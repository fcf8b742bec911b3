-- Shared by the wrk scripts: the bearer token comes from the environment (BENCH_TOKEN), never argv.
-- No response() callback: it would make wrk hand every response to Lua and slow the generator;
-- wrk counts answers other than 2xx/3xx itself ("Non-2xx or 3xx responses").
token = os.getenv("BENCH_TOKEN")
max_id = tonumber(os.getenv("BENCH_MAX_ID") or "1")
wrk.headers["Authorization"] = "Bearer " .. token
