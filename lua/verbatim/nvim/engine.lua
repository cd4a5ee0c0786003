-- verbatim.nvim.engine: the one place that loads the native engine. Every command
-- goes through here, so a missing or broken core.so turns into advice, not a traceback.
local C = require("verbatim.nvim.config")
local E = {}

-- The plugin's root, from this file's path (…/lua/verbatim/nvim/engine.lua).
function E.root()
  local src = debug.getinfo(1, "S").source:gsub("^@", "")
  return vim.fn.fnamemodify(src, ":p:h:h:h:h")
end

-- One short line (a longer one would make Neovim wait for ENTER): what to run, and
-- where the rest is (:checkhealth names the compiler, headers and libraries needed).
local function advice()
  return ("verbatim: native module not built: run `make nvim` in %s (see :checkhealth verbatim)")
    :format(vim.fn.fnamemodify(E.root(), ":~"))
end

--- The core API module, or nil and a message that says what to do.
function E.load()
  local ok, vb = pcall(require, "verbatim")
  if ok then return vb end
  -- LuaJIT leaves a failed module's loading mark behind ("loop or previous error"):
  -- clear it, so that the next call tries again and picks up a module built meanwhile
  package.loaded["verbatim"] = nil
  return nil, advice()
end

--- How the engine reads buf: "markdown" for the filetypes of the `markdown` option
-- (Markdown, Quarto, pandoc, R Markdown), else "text".
function E.format(buf)
  local ft = vim.bo[buf].filetype
  for _, f in ipairs(C.options.markdown) do
    if f == ft then return "markdown" end
  end
  return "text"
end

--- s fit for vim.fn and for display: a NUL byte would make a Vimscript function see a
-- Blob (E976), so it shows as ^@, as Neovim shows it in a buffer.
function E.display(s)
  return (tostring(s):gsub("%z", "^@"))
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
-- or nil and a message. opts as vb.analyze's (format = E.format(buf) for a buffer). The
-- editor marks and lists quotations: reported speech without marks (on by default in
-- vb.analyze) is left out here unless opts.indirect says otherwise.
function E.analyze(text, opts)
  local vb, err = E.load()
  if not vb then return nil, err end
  local o = { indirect = false }
  for k, v in pairs(opts or {}) do o[k] = v end
  return call(vb.analyze, text, o)
end

--- vb.quotes' quotes and diagnostics, or nil and a message.
function E.quotes(text, opts)
  local vb, err = E.load()
  if not vb then return nil, err end
  return call(vb.quotes, text, opts)
end

--- Checked quotes (each with .check), or nil and a message.
function E.check(text, sources, opts)
  local vb, err = E.load()
  if not vb then return nil, err end
  return call(vb.check, text, sources, opts)
end

return E
