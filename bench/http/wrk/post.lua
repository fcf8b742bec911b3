-- POST /booking/: a new pending request (pending requests never conflict with each other).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.path = "/booking/"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"event_time":"2031-03-04T10:00:00Z","address":{"street":"1 Main St","city":"Springfield",'
        .. '"state":null,"country":"US"},"topic":"Bench","duration_minutes":30,"requested_by":"ops@example.org"}'
