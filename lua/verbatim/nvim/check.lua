-- verbatim.nvim.check: :Verbatim check (diagnostics on altered and missing quotes)
-- and :Verbatim jump (open the source passage a quote was matched to).
local E = require("verbatim.nvim.engine")
local C = require("verbatim.nvim.config")
local K = {}

K.ns = vim.api.nvim_create_namespace("verbatim")
-- where each checked quote is, moved along by edits (extmarks), for :Verbatim jump
K.tns = vim.api.nvim_create_namespace("verbatim_checked")
-- the passage :Verbatim jump landed on, highlighted for a moment
K.jns = vim.api.nvim_create_namespace("verbatim_jump")
K.JUMP_MS = 3000

-- buf -> {tick=, quotes=, files=, marks = {extmark id -> quote}} of the last check
K.last = {}

--- The project file (.verbatim.yaml) that governs buf, found by walking up from its
-- file (from the working directory for a buffer with no name): the table of
-- vb.config, or nil; nil and a message when it cannot be read.
function K.project(buf)
  local vb = E.load()
  if not vb then return nil end
  local name = vim.api.nvim_buf_get_name(buf)
  local cfg, err = vb.safe.config(name ~= "" and name or vim.fn.getcwd())
  if err then return nil, err end
  return cfg
end

--- Source paths: PATH arguments, else the `sources` option, else the project file's
-- check: and index:; globs and ~ expanded.
-- Returns the list of readable files, or nil and a message naming what is wrong.
function K.resolve(buf, args)
  local list = args
  if not list or #list == 0 then
    list = C.options.sources
    if type(list) == "function" then
      local ok, res = pcall(list, buf)
      if not ok then return nil, "verbatim: the sources function failed: " .. tostring(res) end
      list = res
    end
    if type(list) == "string" then list = { list } end
  end
  if type(list) ~= "table" or #list == 0 then
    -- setup() says nothing: the project file does
    local cfg, err = K.project(buf)
    if err then return nil, err end
    list = {}
    for _, p in ipairs(cfg and cfg.check or {}) do list[#list + 1] = p end
    for _, p in ipairs(cfg and cfg.index or {}) do list[#list + 1] = p end
  end
  if #list == 0 then
    return nil, "verbatim: no sources to check against: give paths (:Verbatim check notes.txt),"
      .. " set `sources` in require(\"verbatim.nvim\").setup() or `check:` in a .verbatim.yaml"
  end
  local files, seen = {}, {}
  for _, p in ipairs(list) do
    -- glob() expands ~ and $VARS too; a pattern matching nothing is reported as is
    local expanded = vim.fn.glob(p, false, true)
    if #expanded == 0 then expanded = { p } end
    for _, f in ipairs(expanded) do
      f = vim.fn.fnamemodify(f, ":p"):gsub("/$", "")
      if vim.fn.isdirectory(f) == 0 and vim.fn.filereadable(f) ~= 1 then
        return nil, "verbatim: cannot read source " .. f
      end
      if not seen[f] then
        seen[f] = true
        files[#files + 1] = f
      end
    end
  end
  return files
end

-- An archive index from `verbatim index` starts with this magic.
local function is_index(path)
  local fh = io.open(path, "rb")
  if not fh then return false end
  local head = fh:read(5)
  fh:close()
  return head == "VBIDX"
end

-- What vb.check gets for a source: the text of a modified buffer holding it (the
-- draft of a transcript counts as it stands), an opened archive index, else the path
-- (a file or a folder of files), read by the engine. Opened indexes go in opened.
local function source_arg(vb, path, opened)
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].modified
      and vim.api.nvim_buf_get_name(b) == path then
      return { name = path, text = (E.buftext(b)) }
    end
  end
  if vim.fn.isdirectory(path) == 0 and is_index(path) then
    local x, err = vb.safe.index.open(path)     -- err names the path
    if not x then return nil, err end
    opened[#opened + 1] = x
    return x
  end
  return path
end

local function where(src)
  if type(src) ~= "table" then return "" end
  local f = src.file or src.name
  if not f then return "" end
  local who = type(src.speaker) == "string" and src.speaker ~= "" and (", " .. src.speaker) or ""
  return (" (%s:%s%s)"):format(vim.fn.fnamemodify(f, ":~:."), src.line or "?", who)
end

-- Who the source has speaking, against whom the draft credits.
local function mismatch(q)
  local c = q.check
  if not c.speaker_mismatch then return nil end
  local theirs = type(c.source) == "table" and c.source.speaker or "someone else"
  return ("the source has %s speaking, the draft credits %s"):format(theirs, q.credited or "another speaker")
end

--- The diagnostic for one checked quote, or nil for verbatim and faithful quotes
-- the draft credits to whoever speaks there in the source. Terms (scare quotes,
-- titles) are nobody's speech: no source owes them.
function K.diagnostic(q, starts, lines)
  local c = q.check
  if type(c) ~= "table" then return nil end
  -- what fails is the engine's gate (c.fails: the project's fail-on and strict-terms, as
  -- the CLI's exit status and the filter read them)
  local bad = c.fails == true and c.verdict ~= "verbatim" and c.verdict ~= "faithful"
  local who = mismatch(q)
  if not bad and not who then return nil end
  local erow, ecol = E.endpos(starts, lines, q.stop)
  local sev = vim.diagnostic.severity[C.options.severity[bad and c.verdict or "altered"] or "WARN"]
  local msg
  if bad and (c.verdict == "altered" or c.verdict == "cleaned") then
    local score = tonumber(c.score)
    msg = ("%s quote%s: %s%s"):format(c.verdict,
      score and (" (%d%% match)"):format(math.floor((score <= 1 and score * 100 or score) + 0.5)) or "",
      c.diff_line or "", where(c.source))
  elseif bad and c.verdict == "uncovered" then
    msg = "quote not covered: no source answers for its speaker"
  elseif bad then
    msg = "quote not found in the sources"
  end
  if who then msg = msg and (msg .. "; " .. who) or (who .. where(c.source)) end
  return {
    lnum = q.line - 1, col = q.col - 1, end_lnum = erow, end_col = ecol,
    severity = sev, message = msg, source = "verbatim",
    code = bad and c.verdict or "speaker_mismatch",
    user_data = { verbatim = { source = c.source, score = c.score } },
  }
end

-- The sources of files as vb.check takes them, and a function that closes the indexes
-- opened for them; or nil and a message.
local function open_sources(vb, files)
  local sources, opened = {}, {}
  local function close()
    for _, x in ipairs(opened) do pcall(function() x:close() end) end
  end
  for i, f in ipairs(files) do
    local arg, serr = source_arg(vb, f, opened)
    if not arg then
      close()
      return nil, serr
    end
    sources[i] = arg
  end
  return sources, close
end

-- Extmarks over the checked quotes, so that after edits a quote is found where it went
-- and its text compared with the text that was checked.
local function track(buf, quotes, starts, lines)
  vim.api.nvim_buf_clear_namespace(buf, K.tns, 0, -1)
  local marks = {}
  for _, q in ipairs(quotes) do
    local srow, scol = E.rowcol(starts, q.start)
    local erow, ecol = E.rowcol(starts, q.stop + 1)
    if erow >= #lines then erow, ecol = #lines - 1, #(lines[#lines] or "") end
    local ok, id = pcall(vim.api.nvim_buf_set_extmark, buf, K.tns, srow, scol,
      { end_row = erow, end_col = math.min(ecol, #(lines[erow + 1] or "")) })
    if ok then marks[id] = q end
  end
  return marks
end

--- Check buf against files; set the diagnostics; returns the checked quotes and counts.
function K.run(buf, files)
  local vb, lerr = E.load()
  if not vb then return nil, lerr end
  local sources, close = open_sources(vb, files)
  if not sources then return nil, close end
  local text, lines = E.buftext(buf)
  -- the project file's cues (and its reading of the draft), as the CLI and the server use them
  local cfg = K.project(buf)
  local opts = { format = E.format(buf) }
  if cfg then
    opts.cues, opts.nested, opts.indirect = cfg.cues, cfg.nested, cfg.indirect
    opts.fail_on, opts.strict_terms = cfg["fail-on"], cfg["strict-terms"]
  end
  local quotes, err = E.check(text, sources, opts)
  close()
  if not quotes then return nil, err end
  local starts = E.linestarts(lines)
  local diags, counts = {}, { verbatim = 0, faithful = 0, altered = 0, not_found = 0, speaker = 0 }
  for _, q in ipairs(quotes) do
    q.credited = type(q.speaker) == "table" and q.speaker.name or nil
    q.span = text:sub(q.start, q.stop)
    local v = type(q.check) == "table" and q.check.verdict
    if v and counts[v] then counts[v] = counts[v] + 1 end
    if v and q.check.speaker_mismatch and q.kind ~= "term" then counts.speaker = counts.speaker + 1 end
    diags[#diags + 1] = K.diagnostic(q, starts, lines)
  end
  vim.diagnostic.config({ virtual_text = C.options.virtual_text, signs = C.options.signs }, K.ns)
  vim.diagnostic.set(K.ns, buf, diags)
  K.last[buf] = { tick = vim.api.nvim_buf_get_changedtick(buf), quotes = quotes, files = files,
                  marks = track(buf, quotes, starts, lines) }
  return quotes, counts
end

local function plural(n, one, many) return ("%d %s"):format(n, n == 1 and one or many) end

--- The summary of a check, as the CLI's: "verbatim: 12 quotes checked: 9 verbatim, 1
-- faithful, 1 altered, 1 not found, 1 given to another speaker".
function K.summary(n, counts)
  local s = ("verbatim: %s checked: %d verbatim, %d faithful, %d altered, %d not found"):format(
    plural(n, "quote", "quotes"), counts.verbatim, counts.faithful, counts.altered, counts.not_found)
  if counts.speaker > 0 then
    s = s .. ", " .. plural(counts.speaker, "given to another speaker", "given to other speakers")
  end
  return s
end

function K.cmd_check(args)
  local buf = vim.api.nvim_get_current_buf()
  local ok, lerr = E.load()
  if not ok then return E.error(lerr) end
  local files, err = K.resolve(buf, args)
  if not files then return E.error(err) end
  local quotes, counts = K.run(buf, files)
  if not quotes then return E.error(counts) end
  E.notify(K.summary(#quotes, counts))
end

-- The quote of the last check under the cursor, found through its extmark, and whether
-- its text is still the text that was checked; nil when none covers the cursor.
local function tracked(buf, last, row, col)
  if not last.marks then return nil end
  -- the few quotes that start nearest before the cursor (a reverse range; quotes may nest)
  local hits = vim.api.nvim_buf_get_extmarks(buf, K.tns, { row, col }, 0, { details = true, limit = 8 })
  for _, m in ipairs(hits) do
    local id, sr, sc, d = m[1], m[2], m[3], m[4]
    local q = last.marks[id]
    local er, ec = d.end_row or sr, d.end_col or sc
    local inside = (row > sr or (row == sr and col >= sc)) and (row < er or (row == er and col < ec))
    if q and inside then
      local now = table.concat(vim.api.nvim_buf_get_text(buf, sr, sc, er, ec, {}), "\n")
      return q, now == q.span, now, sr, sc
    end
  end
end

-- Check one quote's text alone against the sources of the last check (or the
-- configured ones): the quote with its check, or nil and a message. speaker, when the
-- draft credited one, keeps the check's choice among passages what it was.
local function check_alone(buf, span, files, speaker)
  local vb, lerr = E.load()
  if not vb then return nil, lerr end
  local sources, close = open_sources(vb, files)
  if not sources then return nil, close end
  local qs, err = E.check(span, sources, { format = E.format(buf), speakers = speaker and { speaker } or nil })
  close()
  if not qs then return nil, err end
  return qs[1] or nil, "verbatim: no quote under the cursor"
end

--- The checked quote under the cursor. After edits the last check is reused for a quote
-- whose text has not changed; a changed or new quote is checked alone (never the whole
-- buffer again, which can take seconds on a long one).
function K.under_cursor(buf)
  local ok, lerr = E.load()
  if not ok then return nil, lerr end
  local last = K.last[buf]
  local cur = vim.api.nvim_win_get_cursor(0)
  local row, col = cur[1] - 1, cur[2]
  if last and last.tick == vim.api.nvim_buf_get_changedtick(buf) then
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local pos = E.pos(E.linestarts(lines), row, col)
    for _, q in ipairs(last.quotes) do
      if q.start <= pos and pos <= q.stop then return q end
    end
    return nil, "verbatim: no quote under the cursor"
  end
  local files, err = K.resolve(buf, last and last.files)
  if not files then return nil, err end
  local q, same, now = nil, false, nil
  if last then q, same, now = tracked(buf, last, row, col) end
  if q and same then return q end
  if not q then
    -- a quote the last check did not see (or no check yet): find it, then check it
    local text, lines = E.buftext(buf)
    local qs, qerr = E.quotes(text, { format = E.format(buf) })
    if not qs then return nil, qerr end
    local pos = E.pos(E.linestarts(lines), row, col)
    for _, x in ipairs(qs) do
      if x.start <= pos and pos <= x.stop then now = text:sub(x.start, x.stop) break end
    end
    if not now then return nil, "verbatim: no quote under the cursor" end
  end
  return check_alone(buf, now, files, q and q.credited)
end

-- Highlight the passage from (line, col) over the source's bytes [start, stop] (Lua
-- positions in text, the source as it was read), until the cursor moves or JUMP_MS.
local function flash(sbuf, text, src)
  vim.api.nvim_buf_clear_namespace(sbuf, K.jns, 0, -1)
  if type(text) ~= "string" or not src.start or not src.stop then return end
  local lines = vim.split(text, "\n", { plain = true })
  local starts = E.linestarts(lines)
  local sr, sc = E.rowcol(starts, src.start)
  local er, ec = E.rowcol(starts, src.stop)
  local n = vim.api.nvim_buf_line_count(sbuf)
  if sr >= n then return end
  er = math.min(er, n - 1)
  local last = vim.api.nvim_buf_get_lines(sbuf, er, er + 1, false)[1] or ""
  local ok, id = pcall(vim.api.nvim_buf_set_extmark, sbuf, K.jns, sr, sc,
    { end_row = er, end_col = math.min(ec + 1, #last), hl_group = "VerbatimPassage" })
  if not ok then return end
  local win, at = vim.api.nvim_get_current_win(), vim.api.nvim_win_get_cursor(0)
  local function clear()
    pcall(vim.api.nvim_buf_del_extmark, sbuf, K.jns, id)
  end
  local group = vim.api.nvim_create_augroup("verbatim_jump", { clear = true })
  vim.api.nvim_create_autocmd({ "CursorMoved", "BufLeave", "InsertEnter" }, {
    group = group,
    callback = function(a)
      -- the jump's own move is no reason to clear
      if a.event == "CursorMoved" and vim.api.nvim_get_current_win() == win then
        local c = vim.api.nvim_win_get_cursor(win)
        if c[1] == at[1] and c[2] == at[2] then return end
      end
      clear()
      pcall(vim.api.nvim_del_augroup_by_id, group)
    end,
  })
  vim.defer_fn(function()
    clear()
    pcall(vim.api.nvim_del_augroup_by_id, group)
  end, K.JUMP_MS)
end

-- The text the engine read a source from: a modified buffer's (source_arg), else the file.
local function source_text(path)
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].modified and vim.api.nvim_buf_get_name(b) == path then
      return (E.buftext(b))
    end
  end
  local fh = io.open(path, "rb")
  if not fh then return nil end
  local s = fh:read("*a")
  fh:close()
  return s
end

function K.cmd_jump(mods)
  local buf = vim.api.nvim_get_current_buf()
  local q, err = K.under_cursor(buf)
  if not q then return E.error(err) end
  local c = q.check or {}
  local src = type(c.source) == "table" and c.source or nil
  local file = src and (src.file or src.name)
  if c.verdict == "not_found" or not file then
    return E.error("verbatim: this quote was not found in the sources")
  end
  local text = source_text(file)
  local cmd = (mods and mods ~= "") and (mods .. " split ") or "edit "
  vim.cmd(cmd .. vim.fn.fnameescape(file))
  local line, col = src.line, src.col
  if not line and src.start then
    -- only a byte position: let the source buffer map it
    line = vim.fn.byte2line(src.start)
    col = line > 0 and src.start - vim.fn.line2byte(line) + 1 or 1
  end
  line = math.max(1, math.min(line or 1, vim.api.nvim_buf_line_count(0)))
  vim.api.nvim_win_set_cursor(0, { line, math.max(0, (col or 1) - 1) })
  vim.cmd("normal! zv")
  flash(vim.api.nvim_get_current_buf(), text, src)
end

function K.clear(buf)
  vim.diagnostic.reset(K.ns, buf)
  vim.api.nvim_buf_clear_namespace(buf, K.tns, 0, -1)
  K.last[buf] = nil
end

return K
