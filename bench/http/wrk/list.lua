-- GET /booking/?limit=100: the first page, 100 bookings.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.path = "/booking/?limit=100"
