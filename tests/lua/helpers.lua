-- Helpers shared by the Lua test files (tests/lua/test_*.lua):
--   local h = require("helpers")   -- the runner puts tests/lua/ on LUA_PATH
local h = {}

h.LQ, h.RQ = "\226\128\156", "\226\128\157"   -- “ ”

-- a ~= b fails the calling test, naming what differed
function h.eq(a, b, msg)
  if a ~= b then error((msg or "") .. ": expected " .. tostring(b) .. ", got " .. tostring(a), 2) end
end

-- f(...) must raise an error whose message matches pattern
function h.raises(pattern, f, ...)
  local ok, err = pcall(f, ...)
  if ok then error("expected an error matching " .. pattern, 2) end
  if not tostring(err):find(pattern) then error("error '" .. tostring(err) .. "' does not match " .. pattern, 2) end
end

-- a whole file ("*a": LuaJIT and 5.1 spell the format with a star)
function h.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

return h
