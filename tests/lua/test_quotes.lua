local vb = require("verbatim")
local T = {}

local function eq(a, b, msg)
  if a ~= b then error((msg or "") .. ": expected " .. tostring(b) .. ", got " .. tostring(a), 2) end
end

function T.positions_are_lua_positions()
  local text = "He said \u{201C}we will win,\u{201D} and left."
  local qs = vb.quotes(text)
  eq(#qs, 1, "count")
  eq(text:sub(qs[1].start, qs[1].stop), "\u{201C}we will win,\u{201D}", "span")
  eq(qs[1].text, "we will win,", "text")
  eq(qs[1].line, 1, "line")
end

function T.bad_argument_is_a_clear_error()
  local ok, err = pcall(vb.quotes, nil)
  eq(ok, false, "pcall")
  assert(err:find("bad argument #1 to 'quotes' %(string expected, got nil%)"), err)
  ok, err = pcall(vb.quotes, "x", 5)
  assert(not ok and err:find("table expected"), err)
end

function T.version_is_a_string()
  eq(type(vb.version), "string")
end

return T
