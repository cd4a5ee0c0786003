-- :Verbatim check (diagnostics), :Verbatim jump, :Verbatim clear.
local H = require("helpers")
local T = {}

local function ns() return vim.api.nvim_get_namespaces().verbatim end

local function diags(buf)
  return vim.diagnostic.get(buf, { namespace = H.truthy(ns(), "verbatim namespace") })
end

-- council.txt quotes the transcript word for word, except "March" (the transcript
-- says "April"): exactly that quote gets a diagnostic, where it starts.
local function assert_one_altered(buf)
  local d = diags(buf)
  H.eq(#d, 1, "diagnostics: " .. vim.inspect(d))
  local lnum, col = H.find(buf, "“We will reopen the library")
  H.eq(d[1].lnum, lnum - 1, "diagnostic line")
  H.eq(d[1].col, col - 1, "diagnostic column")
  H.eq(d[1].severity, vim.diagnostic.severity.WARN, "severity of altered")
  H.truthy(d[1].message:find("March", 1, true) and d[1].message:find("April", 1, true),
    "diff in the message: " .. d[1].message)
  H.truthy(d[1].message:find("council%-transcript%.txt:%d"), "source and line in: " .. d[1].message)
end

function T.check_marks_exactly_the_altered_quote()
  local buf = H.open("council.txt")
  local notes = H.notes(function() vim.cmd("Verbatim check " .. H.fixture("council-transcript.txt")) end)
  assert_one_altered(buf)
  H.truthy(notes[1] and notes[1].msg:find("1 altered", 1, true), "summary: " .. vim.inspect(notes))
end

-- one engine call: the check gives each quote its speaker, so no second analysis runs
function T.check_runs_one_engine_call()
  local E = require("verbatim.nvim.engine")
  local analyze, calls = E.analyze, 0
  E.analyze = function(...) calls = calls + 1 return analyze(...) end
  local buf = H.open("council.txt")
  local ok, err = pcall(function()
    H.notes(function() vim.cmd("Verbatim check " .. H.fixture("council-transcript.txt")) end)
  end)
  E.analyze = analyze
  H.truthy(ok, err)
  H.eq(calls, 0, "analyses besides the check")
  assert_one_altered(buf)
end

function T.check_uses_configured_sources()
  require("verbatim.nvim").setup({ sources = { H.fixture("council-tr*.txt") } })
  local buf = H.open("council.txt")
  H.notes(function() vim.cmd("Verbatim check") end)
  assert_one_altered(buf)
  require("verbatim.nvim").setup({})
end

function T.jump_opens_the_source_passage()
  local buf = H.open("council.txt")
  H.notes(function() vim.cmd("Verbatim check " .. H.fixture("council-transcript.txt")) end)
  local lnum, col = H.find(buf, "A town without a library")
  vim.api.nvim_win_set_cursor(0, { lnum, col + 5 })
  vim.cmd("Verbatim jump")
  H.truthy(vim.api.nvim_buf_get_name(0):find("council%-transcript%.txt$"), "source opened")
  local want = H.find(0, "A town without a library")
  H.eq(vim.api.nvim_win_get_cursor(0)[1], want, "cursor on the passage's line")
  -- the altered quote is still matched to its passage
  vim.cmd("buffer " .. buf)
  lnum, col = H.find(buf, "We will reopen")
  vim.api.nvim_win_set_cursor(0, { lnum, col })
  vim.cmd("vertical Verbatim jump")
  H.eq(#vim.api.nvim_tabpage_list_wins(0), 2, "a split with a modifier")
  H.eq(vim.api.nvim_win_get_cursor(0)[1], H.find(0, "We will reopen the library in April"), "altered passage")
end

-- misquote.txt gives Jonas Feld's words to Alma Brandt and has a scare quote no
-- source holds: one diagnostic, for the speaker, none for the term
function T.check_flags_a_quote_given_to_another_speaker()
  local buf = H.open("misquote.txt")
  H.notes(function() vim.cmd("Verbatim check " .. H.fixture("council-transcript.txt")) end)
  local d = diags(buf)
  H.eq(#d, 1, "diagnostics: " .. vim.inspect(d))
  local lnum, col = H.find(buf, "“A town without")
  H.eq(d[1].lnum, lnum - 1, "line")
  H.eq(d[1].col, col - 1, "column")
  H.eq(d[1].code, "speaker_mismatch", "code")
  H.truthy(d[1].message:find("JONAS FELD", 1, true) and d[1].message:find("Alma Brandt", 1, true),
    "both speakers named: " .. d[1].message)
end

-- a source open in a modified buffer is checked as it stands there
function T.check_against_an_archive_index()
  local vb = require("verbatim")
  local idx = vim.fn.tempname() .. ".vbi"
  local x, err = vb.index.build(idx, { H.fixture("council-transcript.txt") })
  H.truthy(x, "index built: " .. tostring(err))
  x:close()
  local buf = H.open("council.txt")
  local notes = H.notes(function() vim.cmd("Verbatim check " .. vim.fn.fnameescape(idx)) end)
  H.eq(#diags(buf), 1, "diagnostics: " .. vim.inspect(diags(buf)) .. vim.inspect(notes))
  vim.fn.delete(idx)
end

-- a file that starts as an index but is not one: one message naming it, no traceback
function T.check_against_a_broken_index_names_it()
  local idx = vim.fn.tempname() .. ".vbi"
  vim.fn.writefile({ "VBIDX but nothing after" }, idx)
  H.open("council.txt")
  local notes = H.notes(function() vim.cmd("Verbatim check " .. vim.fn.fnameescape(idx)) end)
  H.eq(#notes, 1, "one message")
  H.eq(notes[1].level, vim.log.levels.ERROR, "level")
  H.truthy(notes[1].msg:find("^verbatim: " .. vim.pesc(idx)), notes[1].msg)
  H.truthy(not notes[1].msg:find("traceback"), notes[1].msg)
  vim.fn.delete(idx)
end

function T.check_reads_modified_source_buffers()
  local src = H.open("council-transcript.txt")
  vim.cmd("silent keeppatterns %s/library in April/library in March/")
  H.eq(vim.bo[src].modified, true, "source edited")
  local buf = H.open("council.txt")
  local notes = H.notes(function() vim.cmd("Verbatim check " .. H.fixture("council-transcript.txt")) end)
  H.eq(#diags(buf), 0, "diagnostics: " .. vim.inspect(diags(buf)) .. vim.inspect(notes))
end

-- Count the engine's calls while f runs: {check = {the texts checked}, analyze = n, quotes = n}.
local function engine_calls(f)
  local vb = require("verbatim")
  local saved, seen = {}, { check = {}, analyze = 0, quotes = 0 }
  for _, name in ipairs({ "check", "analyze", "quotes" }) do
    saved[name] = vb[name]
    vb[name] = function(text, ...)
      if name == "check" then seen.check[#seen.check + 1] = text else seen[name] = seen[name] + 1 end
      return saved[name](text, ...)
    end
  end
  local ok, err = pcall(f)
  for name, fn in pairs(saved) do vb[name] = fn end
  if not ok then error(err, 0) end
  return seen
end

function T.jump_explains_when_there_is_nothing_to_open()
  require("verbatim.nvim").setup({ sources = { H.fixture("council-transcript.txt") } })
  local buf = H.open("council.txt")
  -- no check yet: the quote under the cursor is checked alone, against the configured sources
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  local notes = H.notes(function() vim.cmd("Verbatim jump") end)
  H.eq(#notes, 1, "one message: " .. vim.inspect(notes))
  H.truthy(notes[1].msg:find("no quote under the cursor", 1, true), notes[1].msg)
  -- a quote the sources lack
  vim.cmd("normal! Go“We never discussed the archive,” Brandt said.")
  vim.api.nvim_win_set_cursor(0, { vim.api.nvim_buf_line_count(buf), 3 })
  notes = H.notes(function() vim.cmd("Verbatim jump") end)
  H.truthy(notes[1] and notes[1].msg:find("not found in the sources", 1, true), vim.inspect(notes))
  H.eq(vim.api.nvim_get_current_buf(), buf, "stayed in the article")
end

-- after edits, :Verbatim jump reuses the last check for a quote whose text is unchanged
-- (no engine call) and checks a changed one alone (one call, on that quote's text)
function T.jump_after_edits_checks_no_more_than_the_quote()
  local buf = H.open("council.txt")
  H.notes(function() vim.cmd("Verbatim check " .. H.fixture("council-transcript.txt")) end)
  -- edits elsewhere: lines added above, a word changed in another paragraph
  vim.api.nvim_buf_set_lines(buf, 0, 0, false, { "An added line.", "" })
  vim.cmd("silent keeppatterns %s/flood repairs, the city/flood repairs, the council/")
  local lnum, col = H.find(buf, "A town without a library")
  vim.api.nvim_win_set_cursor(0, { lnum, col + 3 })
  local calls = engine_calls(function() vim.cmd("Verbatim jump") end)
  H.eq(#calls.check + calls.analyze + calls.quotes, 0, "engine calls for an unchanged quote: " .. vim.inspect(calls))
  H.truthy(vim.api.nvim_buf_get_name(0):find("council%-transcript%.txt$"), "source opened")
  H.eq(vim.api.nvim_win_get_cursor(0)[1], H.find(0, "A town without a library"), "on the passage")
  -- the quote itself edited: checked alone, and the jump follows the new words
  vim.cmd("buffer " .. buf)
  vim.cmd("silent keeppatterns %s/reopen the library in March/reopen the library in April/")
  lnum, col = H.find(buf, "We will reopen")
  vim.api.nvim_win_set_cursor(0, { lnum, col + 3 })
  calls = engine_calls(function() vim.cmd("Verbatim jump") end)
  H.eq(#calls.check, 1, "checks: " .. vim.inspect(calls))
  H.eq(calls.analyze, 0, "no analysis of the buffer")
  H.truthy(calls.check[1]:find("^“We will reopen the library in April"), "the quote's text alone: " .. calls.check[1])
  H.eq(vim.api.nvim_win_get_cursor(0)[1], H.find(0, "We will reopen the library in April"), "on its passage")
end

-- a 200,000-line draft: a jump after an edit costs one check of one quote, whatever the
-- buffer's size (counted, not timed)
function T.jump_in_a_long_buffer_checks_one_quote()
  local para = vim.fn.readfile(H.fixture("council.txt"))
  local lines = {}
  while #lines < 200000 do vim.list_extend(lines, para) end
  local buf = vim.api.nvim_create_buf(true, false)
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  local lnum, col = H.find(buf, "A town without a library")
  local row = #lines - #para + lnum
  vim.api.nvim_win_set_cursor(0, { row, col + 3 })
  require("verbatim.nvim").setup({ sources = { H.fixture("council-transcript.txt") } })
  local notes
  local calls = engine_calls(function() notes = H.notes(function() vim.cmd("Verbatim jump") end) end)
  H.eq(#calls.check, 1, "one check: " .. vim.inspect(notes))
  H.eq(calls.analyze, 0, "no analysis")
  H.truthy(#calls.check[1] < 200, "of one quote: " .. #calls.check[1] .. " bytes")
  H.truthy(vim.api.nvim_buf_get_name(0):find("council%-transcript%.txt$"), "source opened")
end

-- the passage a jump lands on is highlighted, and the highlight goes with the next move
function T.jump_highlights_the_passage()
  local buf = H.open("council.txt")
  H.notes(function() vim.cmd("Verbatim check " .. H.fixture("council-transcript.txt")) end)
  local lnum, col = H.find(buf, "A town without a library")
  vim.api.nvim_win_set_cursor(0, { lnum, col + 3 })
  vim.cmd("Verbatim jump")
  local K = require("verbatim.nvim.check")
  local src = vim.api.nvim_get_current_buf()
  local m = vim.api.nvim_buf_get_extmarks(src, K.jns, 0, -1, { details = true })
  H.eq(#m, 1, "one highlight")
  H.eq(m[1][4].hl_group, "VerbatimPassage", "group")
  local row, scol = H.find(src, "A town without a library")
  H.eq(m[1][2], row - 1, "highlight row")
  H.eq(m[1][3], scol - 1, "highlight start")
  local text = vim.api.nvim_buf_get_text(src, m[1][2], m[1][3], m[1][4].end_row, m[1][4].end_col, {})[1]
  H.truthy(text:find("^A town without a library is a town without a memory"), "the passage: " .. text)
  -- the jump's own cursor position does not clear it; a move does
  vim.cmd("doautocmd <nomodeline> CursorMoved")
  H.eq(#vim.api.nvim_buf_get_extmarks(src, K.jns, 0, -1, {}), 1, "kept after the jump's own move")
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.cmd("doautocmd <nomodeline> CursorMoved")
  H.eq(#vim.api.nvim_buf_get_extmarks(src, K.jns, 0, -1, {}), 0, "cleared by a move")
  -- or after a while
  vim.cmd("buffer " .. buf)
  vim.api.nvim_win_set_cursor(0, { lnum, col + 3 })
  K.JUMP_MS = 50
  vim.cmd("Verbatim jump")
  H.eq(#vim.api.nvim_buf_get_extmarks(src, K.jns, 0, -1, {}), 1, "highlighted again")
  H.truthy(H.wait(2000, function() return #vim.api.nvim_buf_get_extmarks(src, K.jns, 0, -1, {}) == 0 end),
    "cleared after JUMP_MS")
  K.JUMP_MS = 3000
end

-- the summary counts as the CLI does: "1 quote", the quotes given to another speaker
function T.summary_counts_like_the_cli()
  local K = require("verbatim.nvim.check")
  H.eq(K.summary(1, { verbatim = 1, faithful = 0, altered = 0, not_found = 0, speaker = 0 }),
    "verbatim: 1 quote checked: 1 verbatim, 0 faithful, 0 altered, 0 not found", "one")
  local buf = H.open("misquote.txt")
  local notes = H.notes(function() vim.cmd("Verbatim check " .. H.fixture("council-transcript.txt")) end)
  H.eq(#diags(buf), 1, "diagnostics")
  H.truthy(notes[1].msg:find("quotes checked: ", 1, true), notes[1].msg)
  H.truthy(notes[1].msg:find(", 1 given to another speaker$"), notes[1].msg)
end

-- a Markdown draft: the YAML title, link titles and code are not quotes to check
function T.check_of_a_markdown_draft()
  vim.cmd("filetype on")
  local ok, err = pcall(function()
    vim.cmd("edit " .. vim.fn.fnameescape(H.root .. "/tests/fixtures/markdown/draft.md"))
    local buf = vim.api.nvim_get_current_buf()
    local notes = H.notes(function()
      vim.cmd("Verbatim check " .. vim.fn.fnameescape(H.root .. "/tests/fixtures/markdown/transcript.txt"))
    end)
    H.eq(#diags(buf), 0, "diagnostics: " .. vim.inspect(diags(buf)))
    H.truthy(notes[1].msg:find("^verbatim: 4 quotes checked: 4 verbatim"), notes[1].msg)
  end)
  vim.cmd("filetype off")
  if not ok then error(err, 0) end
end

function T.clear_removes_the_diagnostics()
  local buf = H.open("council.txt")
  H.notes(function() vim.cmd("Verbatim check " .. H.fixture("council-transcript.txt")) end)
  H.eq(#diags(buf), 1, "before")
  vim.cmd("Verbatim clear")
  H.eq(#diags(buf), 0, "after")
end

function T.check_without_sources_says_what_to_do()
  H.open("council.txt")
  local notes = H.notes(function() vim.cmd("Verbatim check") end)
  H.eq(#notes, 1, "one message")
  H.eq(notes[1].level, vim.log.levels.ERROR, "level")
  H.truthy(notes[1].msg:find("no sources to check against", 1, true), notes[1].msg)
end

function T.sources_resolve_globs_and_name_unreadable_files()
  local K = require("verbatim.nvim.check")
  local files = K.resolve(0, { H.fixture("council*.txt"), H.fixture("council.txt") })
  H.eq(#files, 2, "glob expanded, duplicates dropped: " .. vim.inspect(files))
  local none, err = K.resolve(0, { H.fixture("council.txt"), "/nonexistent/notes.txt" })
  H.eq(none, nil, "unreadable accepted")
  H.truthy(err:find("cannot read source /nonexistent/notes.txt", 1, true), err)
  files = K.resolve(0, { H.root .. "/tests/nvim/fixtures/" })
  H.eq(files[1], H.root .. "/tests/nvim/fixtures", "a folder is one source")
  require("verbatim.nvim").setup({ sources = function(b) return { H.fixture("council.txt"), tostring(b) == "0" and "/x" or nil } end })
  files = K.resolve(5, nil)
  H.eq(#files, 1, "sources function")
  require("verbatim.nvim").setup({})
end

function T.diagnostics_only_for_altered_and_not_found()
  local K = require("verbatim.nvim.check")
  local E = require("verbatim.nvim.engine")
  local lines = { "ab “cd” ef", "“gh”" }
  local starts = E.linestarts(lines)
  local function q(verdict, line)
    local start = line == 1 and 4 or 13
    return { start = start, stop = start + 7, line = line, col = line == 1 and 4 or 1, text = "cd",
      check = { verdict = verdict, score = 0.8, source = { file = "/n/notes.txt", line = 7 },
        fails = verdict == "altered" or verdict == "not_found",   -- the engine's gate, by default
        diff = { { op = "=", text = "we will reopen in " }, { op = "-", text = "April" }, { op = "+", text = "March" } },
        diff_line = "we will reopen in [-April-] {+March+}" } }
  end
  H.eq(K.diagnostic(q("verbatim", 1), starts, lines), nil, "verbatim")
  H.eq(K.diagnostic(q("faithful", 1), starts, lines), nil, "faithful")
  local passed = q("altered", 1)
  passed.check.fails = false
  H.eq(K.diagnostic(passed, starts, lines), nil, "an altered quote the project's gate passes (fail-on: [-altered])")
  local d = K.diagnostic(q("altered", 1), starts, lines)
  H.eq(d.lnum, 0, "lnum")
  H.eq(d.col, 3, "col")
  H.eq(d.end_lnum, 0, "end line")
  H.eq(d.end_col, 11, "end col: after the closing mark")
  H.eq(d.code, "altered", "code")
  H.eq(d.message, "altered quote (80% match): we will reopen in [-April-] {+March+} (/n/notes.txt:7)", "message")
  local sq = q("altered", 1)
  sq.check.source.speaker = "ALMA BRANDT"
  H.truthy(K.diagnostic(sq, starts, lines).message:find("(/n/notes.txt:7, ALMA BRANDT)", 1, true), "speaker of the passage")
  d = K.diagnostic(q("not_found", 2), starts, lines)
  H.eq(d.lnum, 1, "second line")
  H.eq(d.severity, vim.diagnostic.severity.INFO, "not_found default severity")
  H.eq(d.message, "quote not found in the sources", "not found")
end

return T
