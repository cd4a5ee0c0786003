-- verbatim: quotes, speakers and quote checks for Lua, over the C engine verbatim.core.
local core = require("verbatim.core")

local M = { version = core.version, core = core }

local function argcheck(cond, n, fname, msg)
  if not cond then
    error(("bad argument #%d to '%s' (%s)"):format(n, fname, msg), 4)   -- the API function's caller
  end
end

local function check_text(text, fname)
  argcheck(type(text) == "string", 1, fname, "string expected, got " .. type(text))
end

local function check_opts(opts, n, fname)
  argcheck(opts == nil or type(opts) == "table", n, fname, "table expected, got " .. type(opts))
end

--- Every quotation in text: an array of {start=, stop=, text=, kind=, line=, col=}.
-- Positions are Lua string positions (1-based, inclusive). The second result holds
-- diagnostics (unbalanced marks) as {pos=, line=, col=, message=}.
function M.quotes(text, opts)
  check_text(text, "quotes")
  check_opts(opts, 2, "quotes")
  return core.quotes(text, opts)
end

return M
