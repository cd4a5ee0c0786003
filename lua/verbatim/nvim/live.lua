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
  for _, q in ipairs(res.quotes) do
    local srow, scol = q.line - 1, q.col - 1
    local erow, ecol = E.endpos(starts, lines, q.stop)
    local sp = type(q.speaker) == "table" and q.speaker.name
    if sp and o.virtual_text then
      vim.api.nvim_buf_set_extmark(buf, L.ns, erow, ecol, {
        virt_text = { { "— " .. sp, "VerbatimSpeaker" } }, virt_text_pos = "eol",
      })
    elseif not sp and speech(q) then
      vim.api.nvim_buf_set_extmark(buf, L.ns, srow, scol, {
        end_row = erow, end_col = ecol, hl_group = "VerbatimNoSpeaker",
        sign_text = o.signs and "?" or nil, sign_hl_group = o.signs and "VerbatimNoSpeakerSign" or nil,
      })
    end
  end
  local diags = {}
  for _, d in ipairs(res.diagnostics) do
    diags[#diags + 1] = {
      lnum = (d.line or 1) - 1, col = (d.col or 1) - 1, severity = vim.diagnostic.severity.WARN,
      message = d.message or "quote problem", source = "verbatim",
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
  local res, err = E.analyze(text)
  if not res then
    L.detach(buf)
    return E.error(err)
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

function L.attach(buf)
  buf = (buf == nil or buf == 0) and vim.api.nvim_get_current_buf() or buf
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
