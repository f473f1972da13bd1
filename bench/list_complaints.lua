-- wrk script: GET a 20-item complaints page filtered by area. Expects TOKEN and AREA.
local token = os.getenv("TOKEN")
local area = os.getenv("AREA")

function request()
  return wrk.format("GET", "/api/v1/complaints?limit=20&area_id=" .. area, { ["Authorization"] = "Bearer " .. token })
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
