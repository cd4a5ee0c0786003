-- Lua tests for the verbatim module, run by every Lua the module is built for:
--   lua tests/lua/run.lua tests/lua/test_*.lua
-- Each test file returns a table of name -> function; a test fails by raising an error.
local failed, passed = 0, 0
for _, path in ipairs(arg) do
  local chunk, lerr = loadfile(path)
  local ok, tests = false, lerr
  if chunk then ok, tests = pcall(chunk) end
  if not ok then
    io.stderr:write("error loading ", path, ": ", tostring(tests), "\n")
    failed = failed + 1
  else
    local names = {}
    for name in pairs(tests) do names[#names + 1] = name end
    table.sort(names)
    for _, name in ipairs(names) do
      local ok2, err = pcall(tests[name])
      if ok2 then
        passed = passed + 1
      else
        failed = failed + 1
        io.stderr:write("FAIL ", path, ": ", name, ": ", tostring(err), "\n")
      end
    end
  end
end
print(("lua (%s): %d passed, %d failed"):format(jit and jit.version or _VERSION, passed, failed))
-- close the state so that leak checkers (make check-asan) see every __gc run
os.exit(failed == 0 and 0 or 1, true)
