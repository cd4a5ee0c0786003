-- Unit tests of the filter's pure-Lua parts (the JSON decoder pandoc 2.17 needs, the
-- diff rendering), run inside pandoc: pandoc --lua-filter tests/pandoc/internals.lua
VERBATIM_FILTER_INTERNALS = {}
dofile((os.getenv("VB_FILTER") or "lua/verbatim/filter.lua"))
local t = VERBATIM_FILTER_INTERNALS
local json = t.json
local pass, fail = 0, 0

local function eq(a, b, path)
  path = path or "value"
  if type(a) ~= type(b) then return false, path .. ": " .. type(a) .. " vs " .. type(b) end
  if type(a) ~= "table" then
    if a == b then return true end
    return false, ("%s: %s vs %s"):format(path, tostring(a), tostring(b))
  end
  for k, v in pairs(a) do
    local ok, why = eq(v, b[k], path .. "." .. tostring(k))
    if not ok then return false, why end
  end
  for k in pairs(b) do if a[k] == nil then return false, path .. "." .. tostring(k) .. " missing" end end
  return true
end

local function case(name, fn)
  local ok, err = pcall(fn)
  if ok then pass = pass + 1 else fail = fail + 1; io.stderr:write("FAIL internals: ", name, ": ", tostring(err), "\n") end
end

local function same(a, b)
  local ok, why = eq(a, b)
  if not ok then error(why, 2) end
end

case("decode scalars and nesting", function()
  same(json.decode('{"a": [1, 2.5, -3e2, true, false], "b": {"c": "d"}, "e": []}'),
    { a = { 1, 2.5, -300.0, true, false }, b = { c = "d" }, e = {} })
  assert(math.type(json.decode("[7]")[1]) == "integer", "integers stay integers")
end)

case("null drops the key", function()
  local v = json.decode('{"speaker": null, "cue": null, "n": 1}')
  same(v, { n = 1 })
end)

case("escapes and surrogate pairs", function()
  same(json.decode('"a\\"b\\\\c\\/d\\n\\t\\u00e9\\u201c\\ud83d\\ude00"'), 'a"b\\c/d\n\té“😀')
  -- a lone surrogate is replaced, not passed through as invalid UTF-8
  same(json.decode('"x\\ud800y"'), "x\239\191\189y")
end)

case("raw UTF-8 passes through", function()
  same(json.decode('{"text": "“Wir schaffen das”, sagte sie"}'), { text = "“Wir schaffen das”, sagte sie" })
end)

case("bad JSON is a clear error", function()
  for _, s in ipairs({ '{"a": }', '[1, 2', '"open', '{"a" 1}', '[1] x', '', 'nul' }) do
    local ok, err = pcall(json.decode, s)
    assert(not ok, "accepted " .. s)
    assert(tostring(err):find("bad JSON", 1, true), "message for " .. s .. ": " .. tostring(err))
  end
end)

case("encode round-trips through decode", function()
  local v = { quotes = json.array({ { text = 'say "hi"\n', start = 0, score = 0.5, ok = true } }),
              sources = json.array(), name = "Zoë" }
  local s = json.encode(v)
  assert(s:find('"sources": []', 1, true), "empty array stays an array: " .. s)
  same(json.decode(s), { quotes = { { text = 'say "hi"\n', start = 0, score = 0.5, ok = true } },
                         sources = {}, name = "Zoë" })
end)

case("decode a CLI-shaped document in linear time", function()
  local parts = {}
  for k = 1, 20000 do parts[k] = ('{"start":%d,"end":%d,"text":"q%d","speaker":null}'):format(k, k + 5, k) end
  local v = json.decode('{"quotes":[' .. table.concat(parts, ",") .. ']}')
  assert(#v.quotes == 20000 and v.quotes[20000].text == "q20000")
end)

case("excerpt cuts at a character boundary", function()
  local e = t.excerpt(("é"):rep(100), 10)
  assert(utf8.len(e) == 11 and e:sub(-3) == "…", e)
end)

io.stdout:write(("internals: %d passed, %d failed\n"):format(pass, fail))
if fail > 0 then error("internals failed", 0) end
