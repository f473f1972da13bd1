-- wrk script: POST /api/v1/check-ins, each request from the next prepared party member
-- (one open check-in per person) with its own Idempotency-Key.
-- Expects TOKENS_FILE (one token per line; the body in TOKENS_FILE .. ".body").
local tokens = {}
local body = ""
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  local path = os.getenv("TOKENS_FILE")
  for line in io.lines(path) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  local f = io.open(path .. ".body", "r")
  body = f:read("*a")
  f:close()
  stride = tonumber(os.getenv("WRK_THREADS") or "2")
  next_index = tid
end

function request()
  local token = tokens[((next_index - 1) % #tokens) + 1]
  next_index = next_index + stride
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = "bench-checkin-" .. tostring(tid) .. "-" .. tostring(next_index) .. "-" .. tostring(os.time()),
  }
  return wrk.format("POST", "/api/v1/check-ins", headers, body)
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
