-- Runs one test file inside headless Neovim (see run.sh): VB_TEST names the file, VB_ROOT
-- the plugin copy on 'runtimepath'. Each test returns normally (pass) or raises (fail).
local root = assert(os.getenv("VB_ROOT"), "VB_ROOT unset")
local file = assert(os.getenv("VB_TEST"), "VB_TEST unset")
if os.getenv("VB_NOCORE") then package.cpath = "" end -- no stray installed core.so
vim.opt.runtimepath:prepend(root)
package.path = root .. "/tests/nvim/?.lua;" .. package.path
vim.o.swapfile = false
vim.o.shortmess = vim.o.shortmess .. "I"
vim.cmd("source " .. vim.fn.fnameescape(root .. "/plugin/verbatim.lua"))

local function say(s) io.stdout:write(s, "\n") end
local passed, failed = 0, 0
local ok, tests = pcall(dofile, file)
if not ok then
  say("FAIL " .. file .. ": cannot load: " .. tostring(tests))
  failed = 1
  tests = {}
end
local names = {}
for name in pairs(tests) do names[#names + 1] = name end
table.sort(names)
for _, name in ipairs(names) do
  local ok2, err = xpcall(tests[name], debug.traceback)
  if ok2 then
    passed = passed + 1
  else
    failed = failed + 1
    say(("FAIL %s: %s: %s"):format(file, name, tostring(err)))
  end
  -- fresh editor state for the next test: default options, no buffers
  if package.loaded["verbatim.nvim"] then pcall(require("verbatim.nvim").setup, {}) end
  pcall(vim.cmd, "silent! %bwipeout!")
  pcall(vim.cmd, "silent! only")
end
say(("RESULT %d %d"):format(passed, failed))
io.stdout:flush()
vim.cmd("qall!")
