-- verbatim.nvim.quotes: :Verbatim quotes (location list) and :Verbatim sources (float).
local E = require("verbatim.nvim.engine")
local Q = {}

-- At most n characters of s on one line, cut on a character boundary.
local function short(s, n)
  s = E.display(s):gsub("%s+", " ")
  if vim.fn.strchars(s) <= n then return s end
  return vim.fn.strcharpart(s, 0, n - 1) .. "…"
end

local marks = { "“", "”", "„", "‟", "‘", "’", "‚", "«", "»", "‹", "›", "「", "」", '"', "'" }

-- A quote's span without the marks around it (for quotes the engine gave no words).
local function inner(span)
  span = vim.trim(span)
  for _, m in ipairs(marks) do
    if span:sub(1, #m) == m then span = span:sub(#m + 1) break end
  end
  for _, m in ipairs(marks) do
    if #span >= #m and span:sub(-#m) == m then span = span:sub(1, -#m - 1) break end
  end
  return vim.trim(span)
end

--- “text” — Speaker (cue): one location-list line; reported speech (no marks in the
-- text) is shown without them: "reported: text — Speaker (cue)".
function Q.label(q, text)
  local words = q.text
  if (not words or words == "") and text then words = inner(text:sub(q.start, q.stop)) end
  local t = q.kind == "indirect" and "reported: " .. short(words or "", 70) or "“" .. short(words or "", 70) .. "”"
  local sp = q.speaker
  if type(sp) == "table" and sp.name then
    t = t .. " — " .. short(sp.name, 60)
    if type(q.cue) == "table" and q.cue.text and q.cue.text ~= "" then
      t = t .. " (" .. short(q.cue.text, 40) .. ")"
    end
  end
  return t
end

-- Location-list items for the quotes of res (all, or those numbered in only).
local function items_of(buf, res, text, lines, only)
  local starts = E.linestarts(lines)
  local items = {}
  local function add(q)
    local erow, ecol = E.endpos(starts, lines, q.stop)
    items[#items + 1] = {
      bufnr = buf, lnum = q.line, col = q.col,
      end_lnum = erow + 1, end_col = ecol + 1,
      text = Q.label(q, text), valid = 1,
    }
  end
  if only then
    for _, i in ipairs(only) do
      if res.quotes[i] then add(res.quotes[i]) end
    end
  else
    for _, q in ipairs(res.quotes) do add(q) end
  end
  return items
end

--- Fill window win's location list with buf's quotes; returns the items.
function Q.loclist(buf, win)
  local text, lines = E.buftext(buf)
  local res, err = E.analyze(text, { format = E.format(buf) })
  if not res then return E.error(err) end
  local items = items_of(buf, res, text, lines)
  vim.fn.setloclist(win, {}, " ", { title = "verbatim quotes", items = items })
  return items
end

function Q.cmd_quotes()
  local win, buf = vim.api.nvim_get_current_win(), vim.api.nvim_get_current_buf()
  local items = Q.loclist(buf, win)
  if not items then return end
  if #items == 0 then return E.notify("verbatim: no quotes in this buffer") end
  vim.cmd("lopen")
  vim.cmd("wincmd p")
end

local function pad(s, w, right)
  local gap = string.rep(" ", math.max(0, w - vim.fn.strdisplaywidth(s)))
  return right and gap .. s or s .. gap
end

--- The lines of the sources table and their highlights {row, col, endcol, group}.
-- A count field: the length of a list of quote numbers, or a number.
local function count(v)
  return type(v) == "table" and #v or tonumber(v) or 0
end

--- The sources table: who, their role and body, the statements quoted (with the words
-- quoted) and those paraphrased (reported speech without marks).
function Q.sources_lines(sources)
  local head = { "Source", "Role", "Organisation", "Quoted", "Paraphrased", "Words" }
  local NC = #head
  local rows = {}
  for _, s in ipairs(sources) do
    rows[#rows + 1] = {
      E.display(s.name or "?"), E.display(s.role or ""), E.display(s.org or ""),
      tostring(s.quoted or count(s.quotes)),
      tostring(s.paraphrased or count(s.paraphrases)),
      tostring(s.words or 0),
    }
  end
  local w = {}
  for c = 1, NC do
    w[c] = vim.fn.strdisplaywidth(head[c])
    for _, r in ipairs(rows) do w[c] = math.max(w[c], vim.fn.strdisplaywidth(r[c])) end
  end
  local lines, hls = {}, {}
  local function put(r, header)
    local parts, col = {}, 0
    for c = 1, NC do
      local cell = pad(r[c], w[c], c >= 4)
      local group = header and "VerbatimTitle" or (c == 2 or c == 3) and "VerbatimRole"
        or c >= 4 and "VerbatimCount" or nil
      if group then hls[#hls + 1] = { #lines, col, col + #cell, group } end
      parts[c] = cell
      col = col + #cell + 2
    end
    lines[#lines + 1] = table.concat(parts, "  ")
  end
  put(head, true)
  for _, r in ipairs(rows) do put(r) end
  return lines, hls
end

-- The float's title and key hints: in its border where Neovim draws them (title 0.9,
-- footer 0.10), else as lines of the buffer.
local HINTS = "<CR> this source's quotes   q close"

function Q.cmd_sources()
  local buf, origin = vim.api.nvim_get_current_buf(), vim.api.nvim_get_current_win()
  local text, tlines = E.buftext(buf)
  -- the sources count what is reported without marks too (the marks and the quotes list
  -- are quotations only)
  local res, err = E.analyze(text, { format = E.format(buf), indirect = true })
  if not res then return E.error(err) end
  if #res.sources == 0 then return E.notify("verbatim: no sources in this buffer") end
  local nq, np = 0, 0
  for _, q in ipairs(res.quotes) do
    if q.kind == "indirect" then np = np + 1 else nq = nq + 1 end
  end
  local title = ("verbatim: %d source%s, %d quote%s, %d paraphrased"):format(#res.sources,
    #res.sources == 1 and "" or "s", nq, nq == 1 and "" or "s", np)
  local in_title, in_footer = vim.fn.has("nvim-0.9") == 1, vim.fn.has("nvim-0.10") == 1
  local lines, hls = Q.sources_lines(res.sources)
  local head = 1                                   -- rows above the first source
  if not in_title then
    table.insert(lines, 1, title)
    for _, h in ipairs(hls) do h[1] = h[1] + 1 end
    hls[#hls + 1] = { 0, 0, #title, "VerbatimTitle" }
    head = 2
  end
  if not in_footer then
    lines[#lines + 1] = HINTS
    hls[#hls + 1] = { #lines - 1, 0, #HINTS, "VerbatimHint" }
  end
  local sbuf = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_lines(sbuf, 0, -1, false, lines)
  local ns = vim.api.nvim_create_namespace("verbatim_sources")
  for _, h in ipairs(hls) do
    vim.api.nvim_buf_set_extmark(sbuf, ns, h[1], h[2], { end_col = h[3], hl_group = h[4] })
  end
  vim.bo[sbuf].modifiable = false
  vim.bo[sbuf].bufhidden = "wipe"
  vim.bo[sbuf].filetype = "verbatim-sources"
  local width = math.max(vim.fn.strdisplaywidth(title) + 4, vim.fn.strdisplaywidth(HINTS) + 4)
  for _, l in ipairs(lines) do width = math.max(width, vim.fn.strdisplaywidth(l)) end
  width = math.min(width, math.max(20, vim.o.columns - 4))
  local height = math.min(#lines, math.max(1, vim.o.lines - 6))
  local cfg = {
    relative = "editor", style = "minimal", border = "rounded",
    width = width, height = height,
    row = math.floor((vim.o.lines - height) / 2) - 1,
    col = math.floor((vim.o.columns - width) / 2),
  }
  if in_title then cfg.title, cfg.title_pos = { { " " .. title .. " ", "VerbatimTitle" } }, "center" end
  if in_footer then cfg.footer, cfg.footer_pos = { { " " .. HINTS .. " ", "VerbatimHint" } }, "center" end
  local win = vim.api.nvim_open_win(sbuf, true, cfg)
  vim.wo[win].cursorline = true
  vim.api.nvim_win_set_cursor(win, { math.min(head + 1, #lines), 0 })
  for _, key in ipairs({ "q", "<Esc>" }) do
    vim.keymap.set("n", key, "<cmd>close<cr>", { buffer = sbuf, nowait = true, silent = true })
  end
  -- <CR> on a source: its quotes in the article window's location list
  vim.keymap.set("n", "<CR>", function()
    local s = res.sources[vim.api.nvim_win_get_cursor(0)[1] - head]
    if not s or not vim.api.nvim_win_is_valid(origin) then return end
    vim.cmd("close")
    vim.api.nvim_set_current_win(origin)
    -- its quotes, then what it is reported to have said
    local only = {}
    for _, i in ipairs(type(s.quotes) == "table" and s.quotes or {}) do only[#only + 1] = i end
    for _, i in ipairs(type(s.paraphrases) == "table" and s.paraphrases or {}) do only[#only + 1] = i end
    local items = items_of(buf, res, text, tlines, only)
    vim.fn.setloclist(origin, {}, " ", { title = "verbatim quotes: " .. E.display(s.name or "?"), items = items })
    vim.cmd("lopen")
    vim.cmd("wincmd p")
  end, { buffer = sbuf, nowait = true, silent = true })
  return sbuf, win
end

return Q
