-- verbatim.nvim.live: re-analyse while drafting (debounced after TextChanged and
-- InsertLeave); speaker as virtual text after each quote, quotes without one highlighted.
local E = require("verbatim.nvim.engine")
local C = require("verbatim.nvim.config")
local uv = vim.uv or vim.loop
local L = {}

L.ns = vim.api.nvim_create_namespace("verbatim_live")
-- engine diagnostics (unbalanced quote marks), apart from :Verbatim check's
L.dns = vim.api.nvim_create_namespace("verbatim_live_marks")
L.group = vim.api.nvim_create_augroup("verbatim_live", { clear = true })

-- buf -> {timer=, tick=, result=}
L.state = {}

function L.attached(buf)
  return L.state[buf] ~= nil
end

-- Quotes whose want of a speaker is worth flagging: a term in quotes is nobody's speech.
local function speech(q)
  return q.kind ~= "term"
end

function L.render(buf, res, lines)
  vim.api.nvim_buf_clear_namespace(buf, L.ns, 0, -1)
  local starts = E.linestarts(lines)
  local o = C.options
  -- the speakers of the quotes ending on each line, each named once: two quotes of one
  -- speaker on a line (“…,” she said. “…”) read "— Ines Calloway", not twice
  local who, rows = {}, {}
  for _, q in ipairs(res.quotes) do
    local srow, scol = q.line - 1, q.col - 1
    local erow, ecol = E.endpos(starts, lines, q.stop)
    local sp = type(q.speaker) == "table" and q.speaker.name
    if sp and o.virtual_text then
      sp = E.display(sp):gsub("%s+", " ")
      local r = who[erow]
      if not r then
        r = { names = {}, seen = {} }
        who[erow] = r
        rows[#rows + 1] = erow
      end
      if not r.seen[sp] then
        r.seen[sp] = true
        r.names[#r.names + 1] = sp
      end
    elseif not sp and speech(q) then
      vim.api.nvim_buf_set_extmark(buf, L.ns, srow, scol, {
        end_row = erow, end_col = ecol, hl_group = "VerbatimNoSpeaker",
        sign_text = o.signs and "?" or nil, sign_hl_group = o.signs and "VerbatimNoSpeakerSign" or nil,
      })
    end
  end
  for _, row in ipairs(rows) do
    vim.api.nvim_buf_set_extmark(buf, L.ns, row, 0, {
      virt_text = { { "— " .. table.concat(who[row].names, ", "), "VerbatimSpeaker" } }, virt_text_pos = "eol",
    })
  end
  local diags = {}
  for _, d in ipairs(res.diagnostics) do
    diags[#diags + 1] = {
      lnum = (d.line or 1) - 1, col = (d.col or 1) - 1, severity = vim.diagnostic.severity.WARN,
      message = E.display(d.message or "quote problem"), source = "verbatim",
    }
  end
  vim.diagnostic.set(L.dns, buf, diags)
end

--- Analyse buf now, unless it has not changed since the last time.
function L.refresh(buf)
  local st = L.state[buf]
  if not st or not vim.api.nvim_buf_is_valid(buf) then return L.detach(buf) end
  local tick = vim.api.nvim_buf_get_changedtick(buf)
  if st.tick == tick then return end
  local text, lines = E.buftext(buf)
  local res, err = E.analyze(text, { format = E.format(buf) })
  if not res then
    L.detach(buf)
    -- without the native module, every draft opened would say the same: once a session
    if err ~= L.said then
      L.said = err
      E.error(err)
    end
    return
  end
  st.tick, st.result = tick, res
  local ok, rerr = pcall(L.render, buf, res, lines)
  if not ok then
    -- never an error per keystroke: say it once and stop
    L.detach(buf)
    E.error("verbatim: live mode stopped: " .. tostring(rerr))
  end
end

function L.schedule(buf)
  local st = L.state[buf]
  if not st then return end
  st.timer:stop()
  st.timer:start(C.options.debounce, 0, vim.schedule_wrap(function() L.refresh(buf) end))
end

--- Attach to buf; asked is set when the user asked (:Verbatim live), who then hears a
-- failure again, where drafts attached by filetype hear it once.
function L.attach(buf, asked)
  buf = (buf == nil or buf == 0) and vim.api.nvim_get_current_buf() or buf
  if asked then L.said = nil end
  if L.state[buf] then return end
  L.state[buf] = { timer = uv.new_timer() }
  vim.api.nvim_create_autocmd({ "TextChanged", "InsertLeave" }, {
    group = L.group, buffer = buf, callback = function() L.schedule(buf) end,
  })
  vim.api.nvim_create_autocmd({ "BufUnload", "BufWipeout" }, {
    group = L.group, buffer = buf, callback = function() L.detach(buf) end,
  })
  L.refresh(buf)
end

function L.detach(buf)
  local st = L.state[buf]
  if not st then return end
  L.state[buf] = nil
  st.timer:stop()
  st.timer:close()
  pcall(vim.api.nvim_clear_autocmds, { group = L.group, buffer = buf })
  L.clear(buf)
end

function L.clear(buf)
  if not vim.api.nvim_buf_is_valid(buf) then return end
  vim.api.nvim_buf_clear_namespace(buf, L.ns, 0, -1)
  vim.diagnostic.reset(L.dns, buf)
  if L.state[buf] then L.state[buf].tick = nil end
end

--- Attach to buffers of the configured filetypes, now and when they open.
function L.enable_auto()
  L.said = nil                                     -- a new setup() may say it again
  local fts = {}
  for _, ft in ipairs(C.options.filetypes) do fts[ft] = true end
  vim.api.nvim_create_autocmd("FileType", {
    group = L.group, pattern = C.options.filetypes,
    callback = function(a) L.attach(a.buf) end,
  })
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and fts[vim.bo[b].filetype] then L.attach(b) end
  end
end

function L.disable_auto()
  pcall(vim.api.nvim_clear_autocmds, { group = L.group, event = "FileType" })
  for b in pairs(L.state) do L.detach(b) end
end

return L
