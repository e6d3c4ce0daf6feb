-- wrk script: POST a different pre-made survey form body on each request (see SurveyBenchBodies.java).
-- Thread k of n sends bodies k, k+n, k+2n... so no nonce is ever sent twice.
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  bodies = {}
  for line in io.lines(os.getenv("BENCH_BODIES")) do
    bodies[#bodies + 1] = line
  end
  stride = tonumber(os.getenv("BENCH_THREADS"))
  sent = 0
end

function request()
  local i = (sent * stride + offset) % #bodies + 1
  sent = sent + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrf-token=" .. os.getenv("BENCH_CSRF")
  }, bodies[i])
end
