-- wrk script: whole survey respondents, as a browser makes them. Each thread sends GET /survey/{link} with no
-- cookie (a first visit), reads the form's CSRF token, its cookie and the one-time nonce out of the answer, and
-- then POSTs the answers with them. wrk shares one Lua state between a thread's connections, so a form read on
-- one connection may be submitted on another: the count of forms and submits is what matters. Each form is
-- submitted once. done() prints "respondents <n>" (submits answered 303) for the bench script to read.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  answers = os.getenv("BENCH_ANSWERS")
  pending = {}
  forms = 0
  submits = 0
  failures = 0
end

function request()
  local n = #pending
  if n > 0 then
    local form = pending[n]
    pending[n] = nil
    return wrk.format("POST", nil, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = "csrf-token=" .. form.csrf
    }, "csrf-token=" .. form.csrf .. "&nonce=" .. form.nonce .. "&" .. answers)
  end
  return wrk.format("GET", nil, nil, nil)
end

function response(status, headers, body)
  if status == 200 then
    local nonce = string.match(body, 'name="nonce" value="([^"]+)"')
    local cookie = headers["Set-Cookie"] or headers["set-cookie"] or ""
    local csrf = string.match(cookie, "csrf%-token=([^;]+)")
    if nonce and csrf then
      forms = forms + 1
      pending[#pending + 1] = { nonce = nonce, csrf = csrf }
    else
      failures = failures + 1
    end
  elseif status == 303 then
    submits = submits + 1
  else
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local f, s, x = 0, 0, 0
  for _, thread in ipairs(threads) do
    f = f + thread:get("forms")
    s = s + thread:get("submits")
    x = x + thread:get("failures")
  end
  io.write(string.format("forms %d\nrespondents %d\nfailures %d\n", f, s, x))
end
