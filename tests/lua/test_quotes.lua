-- vb.quotes and the module's shape, under every Lua the module is built for.
local vb = require("verbatim")
local core = require("verbatim.core")
local T = {}
local h = require("helpers")
local LQ, RQ, eq, raises = h.LQ, h.RQ, h.eq, h.raises

function T.positions_are_lua_positions()
  local text = "He said " .. LQ .. "we will win," .. RQ .. " and left."
  local qs = vb.quotes(text)
  eq(#qs, 1, "count")
  eq(qs[1].start, 9, "start")
  eq(text:sub(qs[1].start, qs[1].stop), LQ .. "we will win," .. RQ, "span")
  eq(qs[1].text, "we will win,", "text")
  eq(qs[1].line, 1, "line")
  eq(qs[1].col, 9, "col")
end

function T.fields_and_kinds()
  local qs = vb.quotes('The minister said: "We will open the line in June." Critics were unmoved.')
  eq(#qs, 1, "count")
  local q = qs[1]
  for _, k in ipairs({ "start", "stop", "line", "col" }) do eq(math.type and math.type(q[k]) or type(q[k]), math.type and "integer" or "number", k) end
  eq(type(q.text), "string", "text")
  local kinds = { direct = true, partial = true, block = true, term = true, indirect = true }
  assert(kinds[q.kind], "unknown kind " .. tostring(q.kind))
  eq(q.kind, "direct", "a whole sentence after a colon")
end

function T.lines_and_byte_columns()
  -- é is two bytes: col counts bytes, like the CLI and the quickfix list
  local text = "First line.\n\nCaf\195\169 owner said " .. LQ .. "rents must fall" .. RQ .. ".\n"
  local qs = vb.quotes(text)
  eq(#qs, 1, "count")
  eq(qs[1].line, 3, "line")
  eq(qs[1].col, #("Caf\195\169 owner said ") + 1, "col")
  eq(text:sub(qs[1].start, qs[1].start + 2), LQ, "start is the opening mark")
  eq(text:sub(qs[1].stop - 2, qs[1].stop), RQ, "stop is the closing mark's last byte")
end

function T.quotes_in_order()
  local text = ("%sone.%s Then %stwo.%s And %sthree.%s"):format(LQ, RQ, LQ, RQ, LQ, RQ)
  local qs = vb.quotes(text)
  eq(#qs, 3, "count")
  for i = 2, #qs do assert(qs[i - 1].stop < qs[i].start, "sorted and disjoint") end
  eq(qs[3].text, "three.", "third")
end

function T.diagnostics_for_unclosed_marks()
  local qs, diags = vb.quotes("The notice said " .. LQ .. "the depot closes at noon.\n\nNothing else.\n")
  eq(type(qs), "table", "quotes")
  eq(type(diags), "table", "diagnostics")
  assert(#diags >= 1, "an unclosed mark is reported")
  eq(diags[1].pos, 17, "pos")
  eq(diags[1].line, 1, "line")
  eq(type(diags[1].message), "string", "message")
end

function T.empty_binary_and_invalid_text()
  eq(#vb.quotes(""), 0, "empty")
  local qs = vb.quotes("a\0b " .. LQ .. "x\0y\255z" .. RQ .. " c \255\254 \226\128")
  eq(#qs, 1, "a quote around NUL and invalid bytes")
  eq(qs[1].start, 5, "start")
end

function T.options()
  eq(#vb.quotes(LQ .. "a" .. RQ, {}), 1, "empty options")
  eq(#vb.quotes(LQ .. "a" .. RQ, nil), 1, "nil options")
  local nested = LQ .. "He told me " .. "\226\128\152" .. "never again" .. "\226\128\153" .. " twice," .. RQ .. " she said."
  assert(#vb.quotes(nested, { nested = true }) >= #vb.quotes(nested), "nested adds quotes")
end

function T.bad_arguments_are_clear_errors()
  -- called through pcall, each Lua names the function its own way (test_errors.lua
  -- checks the name a direct call gives)
  raises("bad argument #1 to '[^']*' %(string expected, got nil%)", vb.quotes, nil)
  raises("bad argument #1 to '[^']*' %(string expected, got table%)", vb.quotes, {})
  raises("bad argument #1 to '[^']*' %(string expected, got number%)", vb.quotes, 42)
  raises("bad argument #2 to '[^']*' %(table expected, got number%)", vb.quotes, "x", 5)
  raises("bad argument #2 to '[^']*' %(table expected, got string%)", vb.quotes, "x", "nested")
  raises("bad argument #2 to '[^']*' %(table expected, got boolean%)", core.quotes, "x", true)
end

function T.the_api_has_nothing_of_an_editor()
  eq(vb.setup, nil, "setup() is verbatim.nvim's")
  eq(vb.missing, nil, "no stand-in for a missing module")
end

function T.version()
  eq(type(vb.version), "string", "type")
  assert(vb.version:find("^%d+%.%d+%.%d+"), "x.y.z: " .. vb.version)
  eq(vb.version, core.version, "same as the C module")
end

function T.many_quotes()
  local n = 20000
  local qs = vb.quotes(string.rep("He said " .. LQ .. "yes." .. RQ .. " ", n))
  eq(#qs, n, "count")
  eq(qs[n].text, "yes.", "last")
end

-- Lua 5.3 and LuaJIT rethrow an error raised by a finalizer from whatever allocation ran
-- the collector: here, while verbatim.core builds its result tables. The engine's memory
-- must then be freed by the box's __gc (make check-asan runs this under LeakSanitizer).
-- Lua 5.4 turns such errors into warnings: the call must simply succeed.
function T.error_unwinding_through_quotes()
  local text = string.rep("He said " .. LQ .. "yes." .. RQ .. " ", 5000)
  -- The finalizers only raise while armed, i.e. inside vb.quotes: one that the collector
  -- happens to run elsewhere (in bomb(), in a later test) is harmless, whatever garbage
  -- earlier tests left behind.
  local armed = false
  local function boom() if armed then error("boom") end end
  local function bomb()
    if newproxy then
      getmetatable(newproxy(true)).__gc = boom
    else
      setmetatable({}, { __gc = boom })
    end
  end
  if _VERSION == "Lua 5.4" then collectgarbage("incremental") end   -- not generational
  collectgarbage()                                 -- start from a finished cycle, no debt
  local pause = collectgarbage("setpause", 0)      -- then collect all the time
  local mul = collectgarbage("setstepmul", 1000)
  local unwound = 0
  for _ = 1, 10 do
    bomb()
    armed = true
    local ok, err = pcall(vb.quotes, text)
    armed = false
    if not ok then
      assert(tostring(err):find("boom"), tostring(err))
      unwound = unwound + 1
    else
      eq(#err, 5000, "a call that was not interrupted is complete")
    end
  end
  collectgarbage("setpause", pause)
  collectgarbage("setstepmul", mul)
  collectgarbage()                                 -- run every pending bomb, disarmed
  if _VERSION == "Lua 5.3" or jit then assert(unwound > 0, "no call was interrupted") end
  eq(#vb.quotes(text), 5000, "the module still works")
end

return T
