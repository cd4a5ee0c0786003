-- Helpers shared by the tests/nvim/test_*.lua files.
local H = {}

H.root = os.getenv("VB_ROOT")

function H.fixture(name)
  return H.root .. "/tests/nvim/fixtures/" .. name
end

function H.eq(got, want, what)
  if got ~= want then
    error(("%s: expected %s, got %s"):format(what or "value", vim.inspect(want), vim.inspect(got)), 2)
  end
end

function H.truthy(v, what)
  if not v then error((what or "condition") .. " failed", 2) end
  return v
end

--- Open a fixture in the current window, as a real file buffer.
function H.open(name)
  vim.cmd("edit " .. vim.fn.fnameescape(H.fixture(name)))
  return vim.api.nvim_get_current_buf()
end

--- Record vim.notify calls while f runs: returns the list of {msg=, level=}.
function H.notes(f)
  local seen, orig = {}, vim.notify
  vim.notify = function(msg, level) seen[#seen + 1] = { msg = msg, level = level } end
  local ok, err = pcall(f)
  vim.notify = orig
  if not ok then error(err, 0) end
  return seen
end

--- The first buffer line (1-based) containing plain text s, and its byte column.
function H.find(buf, s)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local c = l:find(s, 1, true)
    if c then return i, c end
  end
  error("fixture lacks " .. s, 2)
end

--- Wait (processing events) until cond() holds; false after ms.
function H.wait(ms, cond)
  return vim.wait(ms, cond, 10)
end

return H
