-- The error convention of the Lua API (README, "Lua"): wrong arguments raise, naming the
-- function and the caller's line; an operation that fails raises "verbatim: ..." from
-- verbatim and returns nil, "verbatim: ..." from verbatim.safe.
local vb = require("verbatim")
local safe = require("verbatim.safe")
local core = require("verbatim.core")
local T = {}
local h = require("helpers")
local eq, raises = h.eq, h.raises

local DIR = "tests/fixtures/check/"
local SRC = DIR .. "sources"
local MISSING = "/nonexistent/verbatim-test/notes.txt"
local HERE = "^[^:]*test_errors%.lua:%d+: "   -- the position luaL_where gives this file's lines

-- A call's results as a table with their count in n.
local function results(...) return { n = select("#", ...), ... } end

-- Each function, called directly (not through pcall, no tail call), names itself and
-- blames the line that called it: Lua finds both from the call, so the functions of
-- verbatim must be the C functions themselves, with no Lua wrapper in between.
function T.argument_errors_name_the_function_and_the_callers_line()
  raises(HERE .. "bad argument #1 to 'quotes' %(string expected, got nil%)", function()
    local r = vb.quotes(nil) return r end)
  raises(HERE .. "bad argument #2 to 'analyze' %(opts.cues: table expected, got string%)", function()
    local r = vb.analyze("x", { cues = "said" }) return r end)
  raises(HERE .. "bad argument #2 to 'check' %(source 1: path, {path=, speaker=}, {name=, text=} or index expected, got boolean%)", function()
    local r = vb.check("x", { true }) return r end)
  raises(HERE .. "bad argument #1 to 'open' %(string expected, got no value%)", function()
    local r = vb.index.open() return r end)
  raises(HERE .. "bad argument #2 to 'build' %(path or table of paths expected, got number%)", function()
    local r = vb.index.build(os.tmpname(), 3) return r end)
end

function T.the_api_is_the_c_functions()
  for _, api in ipairs({ { vb, core }, { safe, core.safe } }) do
    local lua, c = api[1], api[2]
    eq(lua.quotes, c.quotes, "quotes")
    eq(lua.analyze, c.analyze, "analyze")
    eq(lua.check, c.check, "check")
    eq(lua.index.open, c.index_open, "index.open")
    eq(lua.index.build, c.index_build, "index.build")
  end
  eq(safe, vb.safe, "require('verbatim.safe') is vb.safe")
  eq(safe.version, vb.version, "version")
  assert(safe.check ~= vb.check, "safe functions are other functions")
end

function T.failures_raise_from_verbatim()
  raises(HERE .. "verbatim: " .. MISSING:gsub("%p", "%%%0") .. ": No such file", function()
    local r = vb.check("x", { MISSING }) return r end)
  raises(HERE .. "verbatim: .*draft%.txt: not a verbatim index", function()
    local r = vb.index.open(DIR .. "draft.txt") return r end)
  raises(HERE .. "verbatim: /nonexistent/verbatim%-test/", function()
    local r = vb.index.build("/nonexistent/verbatim-test/x.vbi", { SRC }) return r end)
end

function T.failures_return_nil_and_a_message_from_safe()
  local r = results(safe.check("x", { { text = "y" }, MISSING }))
  eq(r.n, 2, "two results")
  eq(r[1], nil, "no result")
  eq(r[2], "verbatim: " .. MISSING .. ": No such file or directory", "message, without a position")
  r = results(safe.index.open(DIR .. "draft.txt"))
  eq(r.n, 2, "index.open: two results")
  eq(r[1], nil, "index.open: no index")
  assert(r[2]:find("^verbatim: .*draft%.txt: not a verbatim index"), r[2])
  r = results(safe.index.build("/nonexistent/verbatim-test/x.vbi", SRC))
  eq(r.n, 2, "index.build: two results")
  eq(r[1], nil, "index.build: no index")
  assert(r[2]:find("^verbatim: /nonexistent/verbatim%-test/"), r[2])
end

function T.safe_still_raises_on_wrong_arguments()
  raises("bad argument #1 to '[^']*' %(string expected, got nil%)", safe.quotes, nil)
  raises("bad argument #2 to '[^']*' %(no sources%)", safe.check, "x", {})
  raises("bad argument #2 to '[^']*' %(cue pattern 1: ", safe.analyze, "x", { cues = { "(" } })
  raises("bad argument #1 to '[^']*' %(string expected, got boolean%)", safe.index.open, false)
end

function T.safe_results_are_the_same()
  local text = h.read(DIR .. "draft.txt")
  local a, b = vb.check(text, { SRC }), safe.check(text, { SRC })
  eq(#a, #b, "quotes")
  for i = 1, #a do eq(a[i].check.verdict, b[i].check.verdict, "verdict " .. i) end
end

function T.indexes_from_safe_and_closed_indexes()
  local path = os.tmpname()
  local idx = assert(safe.index.build(path, SRC))            -- one path, not an array
  eq(idx:check(h.read(DIR .. "clean.txt"))[1].check.verdict, "verbatim", "checks")
  idx:close()
  -- using a closed index is the caller's mistake, with either API
  raises("bad self %(index is closed%)", function() local r = idx:check("x") return r end)
  raises("bad argument #2 to '[^']*' %(source 1: index is closed%)", safe.check, "x", { idx })
  os.remove(path)
end

function T.numbers_are_neither_text_nor_paths()
  -- Lua would turn them into strings; the C functions take strings only
  raises("bad argument #1 to '[^']*' %(string expected, got number%)", core.quotes, 42)
  raises("bad argument #1 to '[^']*' %(string expected, got number%)", core.check, 42, { SRC })
  raises("bad argument #1 to '[^']*' %(string expected, got number%)", core.index_open, 5)
  raises("bad argument #1 to '[^']*' %(string expected, got number%)", core.index_build, 5, { SRC })
end

function T.core_functions_take_their_optional_arguments_as_absent()
  -- the C functions are called directly now: an absent opts is not a stray value
  eq(type(core.analyze("He said " .. h.LQ .. "yes" .. h.RQ .. ".").quotes), "table", "analyze(text)")
  eq(type(core.quotes("x")), "table", "quotes(text)")
  local idx = core.index_build(os.tmpname(), SRC)
  eq(type(idx:check(h.read(DIR .. "clean.txt"))), "table", "index:check(text)")
  idx:close()
end

return T
