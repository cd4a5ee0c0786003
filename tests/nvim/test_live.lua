-- Live mode: debounced re-analysis after TextChanged / InsertLeave, speakers as virtual
-- text, quotes without a speaker highlighted. Edits are typed keys, as a user makes them.
local H = require("helpers")
local T = {}

local function marks(buf)
  local L = require("verbatim.nvim.live")
  return vim.api.nvim_buf_get_extmarks(buf, L.ns, 0, -1, { details = true })
end

-- virtual text of marks on row (0-based), joined
local function vtext(buf, row)
  local out = {}
  for _, m in ipairs(marks(buf)) do
    if m[2] == row and m[4].virt_text then
      for _, chunk in ipairs(m[4].virt_text) do out[#out + 1] = chunk[1] end
    end
  end
  return table.concat(out, " ")
end

local function start_live(name)
  require("verbatim.nvim").setup({ debounce = 10 })
  local buf = H.open(name)
  H.notes(function() vim.cmd("Verbatim live on") end)
  return buf
end

function T.an_edit_adding_a_quote_updates_the_marks()
  local buf = start_live("article.txt")
  local before = #marks(buf)
  H.truthy(before > 0, "marks after live on")
  local tick = vim.b.changedtick
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(
    "Go<CR>“The timetable will be ready by Easter,” Mbeki said.<Esc>", true, false, true), "x", false)
  H.truthy(vim.b.changedtick > tick, "typed")
  H.truthy(H.wait(2000, function() return #marks(buf) == before + 1 end),
    ("one more mark after adding a quote: %d -> %d"):format(before, #marks(buf)))
  local row = vim.api.nvim_buf_line_count(buf) - 1
  local on_row = vim.tbl_filter(function(m) return m[2] == row end, marks(buf))
  H.eq(#on_row, 1, "the new mark is on the new line")
  H.truthy(vtext(buf, row):find("Mbeki", 1, true), "speaker shown: " .. vtext(buf, row))
end

function T.speakers_show_as_virtual_text()
  local buf = start_live("article.txt")
  local lnum = H.find(buf, "Nobody will be stranded")
  H.truthy(vtext(buf, lnum - 1):find("Vasquez", 1, true), "line " .. lnum .. ": " .. vtext(buf, lnum - 1))
  -- a quote with nobody to credit is highlighted instead
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("Go<CR>“Nobody knows where this ends.”<Esc>",
    true, false, true), "x", false)
  local row = vim.api.nvim_buf_line_count(buf) - 1
  H.truthy(H.wait(2000, function()
    for _, m in ipairs(marks(buf)) do
      if m[2] == row and m[4].hl_group == "VerbatimNoSpeaker" then return true end
    end
  end), "unattributed quote highlighted")
end

function T.deleting_a_quote_in_normal_mode_updates_the_marks()
  local buf = start_live("council.txt")
  local before = #marks(buf)
  local lnum = H.find(buf, "A town without a library")
  vim.api.nvim_win_set_cursor(0, { lnum, 0 })
  vim.api.nvim_feedkeys("dd", "x", false)
  -- TextChanged fires from the main loop, which vim.wait does not run in a script
  vim.cmd("doautocmd <nomodeline> TextChanged")
  H.truthy(H.wait(2000, function() return #marks(buf) == before - 1 end),
    ("one mark less: %d -> %d"):format(before, #marks(buf)))
end

-- a burst of edits is analysed once, after the pause
function T.edits_in_a_burst_are_analysed_once()
  local buf = start_live("council.txt")
  local E = require("verbatim.nvim.engine")
  local orig, calls = E.analyze, 0
  E.analyze = function(...) calls = calls + 1 return orig(...) end
  local ok, err = pcall(function()
    for i = 1, 5 do
      vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(
        ("Go“Edit %d,” she said.<Esc>"):format(i), true, false, true), "x", false)
    end
    H.truthy(H.wait(2000, function() return calls > 0 end), "analysed after the burst")
    vim.wait(100)
  end)
  E.analyze = orig
  if not ok then error(err, 0) end
  H.eq(calls, 1, "analyses for five edits")
  H.truthy(vim.api.nvim_buf_get_lines(buf, -2, -1, false)[1]:find("Edit 5", 1, true), "typed")
end

function T.live_off_clears_and_stops()
  local buf = start_live("council.txt")
  H.truthy(#marks(buf) > 0, "marks")
  vim.cmd("Verbatim live off")
  H.eq(#marks(buf), 0, "cleared")
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("Go“More,” she said.<Esc>", true, false, true), "x", false)
  vim.wait(100)
  H.eq(#marks(buf), 0, "no longer updated")
  vim.cmd("Verbatim live")
  H.truthy(#marks(buf) > 0, "toggled back on")
end

function T.setup_live_attaches_by_filetype()
  require("verbatim.nvim").setup({ live = true, filetypes = { "text" }, debounce = 10 })
  local buf = H.open("council.txt")
  H.eq(#marks(buf), 0, "no filetype yet")
  vim.bo[buf].filetype = "text"
  H.truthy(#marks(buf) > 0, "attached on FileType")
  vim.cmd("Verbatim clear")
  H.eq(#marks(buf), 0, "cleared")
  require("verbatim.nvim").setup({})
  H.eq(require("verbatim.nvim.live").attached(buf), false, "setup without live detaches")
end

-- a long draft: every quote gets its mark (speed is measured by tests/nvim/bench_live.lua)
function T.a_long_draft_gets_every_quote()
  local vb = require("verbatim")
  local para = vim.fn.readfile(H.fixture("article.txt"))
  local lines = {}
  for _ = 1, 40 do vim.list_extend(lines, para) end
  local buf = start_live("council.txt")
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.cmd("doautocmd <nomodeline> TextChanged")
  local text = table.concat(lines, "\n") .. "\n"
  local _, nwords = text:gsub("%S+", "")
  H.truthy(nwords >= 10000, "words: " .. nwords)
  -- one speaker mark a line that ends quotes with speakers, one highlight a quote without
  local E = require("verbatim.nvim.engine")
  local starts, rows, want = E.linestarts(lines), {}, 0
  for _, q in ipairs(vb.analyze(text, { indirect = false }).quotes) do
    if q.speaker then
      local row = E.endpos(starts, lines, q.stop)
      if not rows[row] then rows[row] = true; want = want + 1 end
    elseif q.kind ~= "term" then
      want = want + 1
    end
  end
  local function n() return #marks(buf) end
  H.truthy(H.wait(5000, function() return n() == want end), ("marks %d, expected %d"):format(n(), want))
end

-- two quotes of one speaker on a line: the name once; two speakers: both, in order
function T.a_speaker_is_named_once_a_line()
  local buf = start_live("council.txt")
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, {
    "“The branch will close,” said Ines Calloway, the chief librarian. “It is the only way.”",
    "",
    "“We disagree,” said Rob Adeyemi. “We all do,” said Calloway.",
  })
  vim.cmd("doautocmd <nomodeline> TextChanged")
  H.truthy(H.wait(2000, function() return vtext(buf, 0) ~= "" end), "marks on line 1")
  H.eq(vtext(buf, 0), "— Ines Calloway", "line 1")
  H.eq(vtext(buf, 2), "— Rob Adeyemi, Ines Calloway", "line 3")
end

-- Markdown and Quarto buffers are read as Markdown: no quote, mark or warning from the
-- front matter, a code fence or a link title
-- filetype detection for one test (the harness runs Neovim without it), our ftdetect too
local function with_filetypes(f)
  vim.cmd("filetype on")
  local ok, err = pcall(f)
  vim.cmd("filetype off")
  if not ok then error(err, 0) end
end

function T.markdown_buffers_read_only_the_prose()
  require("verbatim.nvim").setup({ debounce = 10 })
  with_filetypes(function()
  for _, name in ipairs({ "draft.md", "draft.qmd" }) do
    vim.cmd("edit " .. vim.fn.fnameescape(H.root .. "/tests/fixtures/markdown/" .. name))
    local buf = vim.api.nvim_get_current_buf()
    H.eq(vim.bo[buf].filetype, name:match("qmd$") and "quarto" or "markdown", "filetype of " .. name)
    H.notes(function() vim.cmd("Verbatim live on") end)
    local L = require("verbatim.nvim.live")
    local d = vim.diagnostic.get(buf, { namespace = L.dns })
    H.eq(#d, 0, name .. ": warnings " .. vim.inspect(d))
    -- marks at the ends of the prose's quotes only (as `verbatim quotes` lists them)
    local rows = {}
    for _, m in ipairs(marks(buf)) do rows[#rows + 1] = m[2] + 1 end
    table.sort(rows)
    H.eq(table.concat(rows, " "), name == "draft.md" and "10 13 24 27" or "7 16", name .. ": lines with marks")
    local first = H.find(buf, "chose this one")
    H.truthy(vtext(buf, first - 1):find("Ines Calloway", 1, true), name .. ": speaker of the first quote: "
      .. vtext(buf, first - 1))
  end
  end)
end

-- quarto is among the filetypes live mode attaches to by default
function T.quarto_is_a_default_live_filetype()
  H.truthy(vim.tbl_contains(require("verbatim.nvim.config").defaults.filetypes, "quarto"), "quarto")
  require("verbatim.nvim").setup({ live = true })
  with_filetypes(function()
    vim.cmd("edit " .. vim.fn.fnameescape(H.root .. "/tests/fixtures/markdown/draft.qmd"))
    H.truthy(require("verbatim.nvim.live").attached(vim.api.nvim_get_current_buf()), "attached to a .qmd")
  end)
end

return T
