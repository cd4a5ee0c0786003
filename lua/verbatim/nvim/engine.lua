-- verbatim.nvim.engine: the one place that loads the native engine. Every command
-- goes through here, so a missing or broken core.so turns into advice, not a traceback.
local E = {}

-- The plugin's root, from this file's path (…/lua/verbatim/nvim/engine.lua).
function E.root()
  local src = debug.getinfo(1, "S").source:gsub("^@", "")
  return vim.fn.fnamemodify(src, ":p:h:h:h:h")
end

local function advice(err)
  local first = tostring(err):match("^[^\n]*") or ""
  return ("verbatim: the native module is not available (%s). Build it with `make nvim` in %s"
    .. " (needs a C compiler, the LuaJIT headers, libpcre2-8 and libutf8proc: `make deps` on Debian),"
    .. " e.g. lazy.nvim `build = \"make nvim\"`;"
    .. " then restart Neovim. See :checkhealth verbatim"):format(first, E.root())
end

--- The core API module, or nil and a message that says what to do.
function E.load()
  local ok, vb = pcall(require, "verbatim")
  if ok then return vb end
  -- LuaJIT leaves a failed module's loading mark behind ("loop or previous error"):
  -- clear it, so that the next call tries again and picks up a module built meanwhile
  package.loaded["verbatim"] = nil
  return nil, advice(vb)
end

function E.notify(msg, level)
  vim.notify(msg, level or vim.log.levels.INFO, { title = "verbatim" })
end

function E.error(msg)
  E.notify(msg, vim.log.levels.ERROR)
end

--- Buffer text as the engine sees it: lines joined and ended by "\n", so engine
-- lines and byte columns are buffer lines and byte columns.
function E.buftext(buf)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  return table.concat(lines, "\n") .. "\n", lines
end

--- Byte offsets where each line starts (1-based), for position -> (row, col).
function E.linestarts(lines)
  local starts, pos = {}, 1
  for i = 1, #lines do
    starts[i] = pos
    pos = pos + #lines[i] + 1
  end
  return starts
end

--- 0-based (row, col) of a 1-based byte position, by binary search over line starts.
function E.rowcol(starts, pos)
  local lo, hi = 1, #starts
  if hi == 0 then return 0, 0 end
  while lo < hi do
    local mid = math.floor((lo + hi + 1) / 2)
    if starts[mid] <= pos then lo = mid else hi = mid - 1 end
  end
  return lo - 1, pos - starts[lo]
end

--- 0-based (row, col) just after a quote's last byte, kept inside the buffer (a
-- quote may end on a newline).
function E.endpos(starts, lines, stop)
  local row, col = E.rowcol(starts, stop)
  return row, math.min(col + 1, #(lines[row + 1] or ""))
end

--- 1-based byte position of a 0-based (row, col).
function E.pos(starts, row, col)
  return (starts[row + 1] or 1) + col
end

local function call(f, ...)
  local ok, res, extra = pcall(f, ...)
  if not ok then return nil, "verbatim: " .. tostring(res):gsub("^verbatim: ", "") end
  return res, extra
end

--- Quotes with speakers, vb.analyze's {quotes=, sources=, unattributed=, diagnostics=},
-- or nil and a message. The editor marks and lists quotations: reported speech without
-- marks (on by default in vb.analyze) is left out here.
function E.analyze(text)
  local vb, err = E.load()
  if not vb then return nil, err end
  return call(vb.analyze, text, { indirect = false })
end

--- Checked quotes (each with .check), or nil and a message.
function E.check(text, sources, opts)
  local vb, err = E.load()
  if not vb then return nil, err end
  return call(vb.check, text, sources, opts)
end

return E
