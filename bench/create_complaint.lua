-- wrk script: POST /api/v1/complaints with a fresh Idempotency-Key per request.
-- Expects TOKEN and COMPOUND in the environment.
local counter = 0
local token = os.getenv("TOKEN")
local compound = os.getenv("COMPOUND")
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  counter = counter + 1
  local body = '{"compound_id":"' .. compound .. '","category":"noise","title":"夜间噪音",' ..
    '"description":"楼上夜间噪音影响休息","complainant_name":"压测","complainant_phone":"13700000000"}'
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = "bench-" .. tostring(tid) .. "-" .. tostring(counter) .. "-" .. tostring(os.time()),
  }
  return wrk.format("POST", "/api/v1/complaints", headers, body)
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
