-- Lua tests for the verbatim module, run by every Lua the module is built for.
-- Each tests/lua/test_*.lua file returns a table of name -> function.
local failed, passed = 0, 0
local files = { "test_quotes" }
for _, f in ipairs(files) do
  local ok, tests = pcall(require, f)
  if not ok then
    io.stderr:write("error loading ", f, ": ", tostring(tests), "\n")
    failed = failed + 1
  else
    local names = {}
    for name in pairs(tests) do names[#names + 1] = name end
    table.sort(names)
    for _, name in ipairs(names) do
      local ok2, err = pcall(tests[name])
      if ok2 then passed = passed + 1
      else
        failed = failed + 1
        io.stderr:write("FAIL ", f, ".", name, ": ", tostring(err), "\n")
      end
    end
  end
end
print(("lua: %d passed, %d failed"):format(passed, failed))
os.exit(failed == 0 and 0 or 1)
