-- Big input from Lua (issue 11): a source file over opts.max_size, or one that cannot be
-- read, is an error whatever the text holds; a runaway cue pattern is stopped.
local vb = require("verbatim")
local h = require("helpers")
local T = {}
local eq = h.eq

local function big_file()
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(string.rep("He said, " .. h.LQ .. "The tide came in." .. h.RQ .. "\n", 200))
  f:close()
  return path
end

function T.source_over_max_size_is_an_error_with_nothing_to_look_up()
  local path = big_file()
  h.raises("larger than max_size", vb.check, "Nothing is quoted here.", { path }, { max_size = 1024 })
  eq(#vb.check("Nothing is quoted here.", { path }, { max_size = 0 }), 0, "0 is no limit")
  eq(#vb.check("Nothing is quoted here.", { path }), 0, "the default limit reads it")
  h.raises("max_size", vb.check, "x", { path }, { max_size = -3 })
  h.raises("max_size", vb.check, "x", { path }, { max_size = "1K" })
  os.remove(path)
end

function T.source_that_does_not_open_is_an_error_with_nothing_to_look_up()
  h.raises("No such file", vb.check, "Nothing is quoted here.", { os.tmpname() .. "-gone" })
end

function T.index_leaves_no_file_over_max_size_unsaid()
  local path = big_file()
  h.raises("larger than max_size", vb.index.build, path .. ".idx", { path }, { max_size = 1024 })
  local none, msg = vb.safe.index.build(path .. ".idx", { path }, { max_size = 1024 })
  eq(none, nil, "no index")
  assert(msg:find("larger than max_size"), msg)
  local idx = assert(vb.index.build(path .. ".idx", { path }))
  eq(idx:check("She said, " .. h.LQ .. "The tide came in." .. h.RQ)[1].check.verdict, "verbatim")
  idx:close()
  os.remove(path)
  os.remove(path .. ".idx")
end

function T.runaway_cue_pattern_is_stopped_by_its_budget()
  local s = string.rep("a ", 20000) .. ";"
  h.raises("cue pattern 1: match limit exceeded", vb.analyze, s, { cues = { "(?:a|\\s)*+b;" } })
  eq(#vb.analyze(s:sub(-600), { cues = { "(?:a|\\s)*+b;" } }).quotes, 0, "a short text stays within it")
end

return T
