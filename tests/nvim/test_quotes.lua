-- :Verbatim quotes (location list) and :Verbatim sources (floating window).
local H = require("helpers")
local T = {}

-- The speaker named by a location-list line: “words” — Speaker (cue).
local function speaker_of(item)
  local who = item.text:match(".*” — ([^(]+)")
  return who and vim.trim(who) or nil
end

function T.loclist_has_every_quote_at_its_position()
  local vb = require("verbatim")
  local buf = H.open("article.txt")
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") .. "\n"
  local want = vb.quotes(text)
  H.truthy(#want >= 8, "fixture quotes found by the engine")
  H.notes(function() vim.cmd("Verbatim quotes") end)
  H.eq(vim.bo.buftype, "", "cursor back in the article")
  local items = vim.fn.getloclist(0)
  H.eq(#items, #want, "one location-list item per quote")
  H.eq(vim.fn.getloclist(0, { title = 0 }).title, "verbatim quotes", "title")
  for i, q in ipairs(want) do
    H.eq(items[i].bufnr, buf, "item " .. i .. " buffer")
    H.eq(items[i].lnum, q.line, "item " .. i .. " line")
    H.eq(items[i].col, q.col, "item " .. i .. " column")
    if q.text ~= "" then
      local head = q.text:gsub("%s+", " "):sub(1, 20)
      H.truthy(items[i].text:find(head, 1, true), ("item %d text %q lacks %q"):format(i, items[i].text, head))
    end
  end
end

function T.loclist_label_has_speaker_and_cue()
  local Q = require("verbatim.nvim.quotes")
  H.eq(Q.label({ text = "Nobody will be stranded,", speaker = { name = "Henrik Vasquez" },
    cue = { text = "Vasquez said" } }), "“Nobody will be stranded,” — Henrik Vasquez (Vasquez said)", "full")
  H.eq(Q.label({ text = "a  new\nera" }), "“a new era”", "no speaker, spaces folded")
  -- no words from the engine: the span without its marks
  H.eq(Q.label({ text = "", start = 4, stop = 22 }, "He “said ‘so’”."), "“said ‘so’”", "span")
  local long = Q.label({ text = string.rep("é", 100) })
  H.eq(vim.fn.strchars(long), 72, "long quotes cut on characters")
end

-- Every speech quote's line names the right person: pronouns ("he said"), a quote
-- running over two paragraphs, and a pull quote that may name its speaker or no one.
local expected = {
  { "We were promised this ferry", "Osei" },
  { "The boat is forty years old", "Vasquez" },
  { "Nobody will be stranded", "Vasquez" },
  { "Councillors had the engineers", "Osei" },
  { "We will take this to the regional", "Osei" },
  { "The fuel bill is not the problem", "Raman" },
  { "Every crew member has been offered", "Mbeki" },
}

function T.loclist_names_the_speaker_on_every_speech_line()
  local buf = H.open("article.txt")
  vim.cmd("Verbatim quotes")
  -- items by each line their quote covers: a quote running on into the next
  -- paragraph is listed once, where it starts
  local byline = {}
  for _, it in ipairs(vim.fn.getloclist(0)) do
    for l = it.lnum, math.max(it.lnum, it.end_lnum or 0) do
      byline[l] = byline[l] or {}
      table.insert(byline[l], it)
    end
  end
  for _, e in ipairs(expected) do
    local lnum = H.find(buf, e[1])
    local items = H.truthy(byline[lnum], "no quote listed on line " .. lnum .. " (" .. e[1] .. ")")
    for _, it in ipairs(items) do
      local who = speaker_of(it) or "nobody"
      H.truthy(who:find(e[2], 1, true), ("line %d: %q names %s, not %s"):format(lnum, it.text, who, e[2]))
    end
  end
  local pull = H.find(buf, "> “We built this place")
  for _, it in ipairs(byline[pull] or {}) do
    local who = speaker_of(it)
    H.truthy(not who or who:find("Osei", 1, true), "pull quote credited to " .. tostring(who))
  end
end

function T.sources_table_is_aligned()
  local Q = require("verbatim.nvim.quotes")
  local lines, hls = Q.sources_lines({
    { name = "Marguerite Osei", role = "chair", org = "Eastgate Residents’ Association", quotes = { 1, 2, 5 }, words = 61,
      quoted = 3, paraphrased = 2, paraphrases = { 3, 4 } },
    { name = "Priya Raman", role = "transport economist", quotes = { 7 }, words = 9 },
  })
  H.eq(#lines, 3, "header and two rows")
  H.truthy(lines[1]:find("^Source%s+Role%s+Organisation%s+Quoted%s+Paraphrased%s+Words$"), lines[1])
  H.truthy(lines[2]:find("^Marguerite Osei%s+chair%s+Eastgate Residents’ Association%s+3%s+2%s+61$"), lines[2])
  -- a source without the counts (an older engine): its quotes counted, none paraphrased
  H.truthy(lines[3]:find("^Priya Raman%s+transport economist%s+1%s+0%s+9$"), lines[3])
  -- numbers right-aligned in display columns
  H.eq(vim.fn.strdisplaywidth(lines[2]), vim.fn.strdisplaywidth(lines[3]), "row widths")
  H.eq(vim.fn.strdisplaywidth(lines[1]), vim.fn.strdisplaywidth(lines[2]), "header width")
  H.truthy(#hls >= 5, "highlights")
end

-- a NUL byte in a quote (a file with one, or typed as <C-v>000) is shown as ^@, not an
-- E976 "using Blob as a String"
function T.a_quote_holding_a_nul_byte()
  local buf = vim.api.nvim_create_buf(true, false)
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false,
    { "“We said\0 this,” said Ann Lee\0, the mayor.", "", "“And\0 that,” she said." })
  local notes = H.notes(function() vim.cmd("Verbatim quotes") end)
  H.eq(#notes, 0, "messages: " .. vim.inspect(notes))
  local items = vim.fn.getloclist(0)
  H.eq(#items, 2, "quotes listed")
  H.truthy(items[1].text:find("We said^@ this", 1, true), items[1].text)
  vim.cmd("lclose")
  notes = H.notes(function() vim.cmd("Verbatim sources") end)
  H.eq(#notes, 0, "sources messages: " .. vim.inspect(notes))
  vim.cmd("close")
  require("verbatim.nvim").setup({ debounce = 10 })
  notes = H.notes(function() vim.cmd("Verbatim live on") end)
  H.eq(#notes, 0, "live messages: " .. vim.inspect(notes))
end

-- the sources float has a title with the counts and shows its keys
function T.sources_window_has_a_title_and_key_hints()
  H.open("article.txt")
  vim.cmd("Verbatim sources")
  local win, buf = vim.api.nvim_get_current_win(), vim.api.nvim_get_current_buf()
  local cfg = vim.api.nvim_win_get_config(win)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local function chunks(t)
    if type(t) ~= "table" then return t end
    local s = {}
    for _, c in ipairs(t) do s[#s + 1] = type(c) == "table" and c[1] or c end
    return table.concat(s)
  end
  local title = vim.fn.has("nvim-0.9") == 1 and chunks(cfg.title) or lines[1]
  local hints = vim.fn.has("nvim-0.10") == 1 and chunks(cfg.footer) or lines[#lines]
  H.truthy(title and title:find("verbatim: %d+ sources, %d+ quotes, %d+ paraphrased"), "title: " .. tostring(title))
  H.truthy(hints and hints:find("<CR>", 1, true) and hints:find("q close", 1, true), "hints: " .. tostring(hints))
  -- <CR> still picks the source under the cursor
  local row = H.find(buf, "Raman")
  vim.api.nvim_win_set_cursor(0, { row, 0 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("<CR>", true, false, true), "x", false)
  H.truthy(vim.fn.getloclist(0, { title = 0 }).title:find("Raman", 1, true), "Raman's quotes")
end

function T.sources_window_lists_the_article_sources()
  H.open("article.txt")
  local before = vim.api.nvim_get_current_win()
  vim.cmd("Verbatim sources")
  local win = vim.api.nvim_get_current_win()
  H.truthy(win ~= before, "a window opened")
  H.truthy(vim.api.nvim_win_get_config(win).relative ~= "", "floating")
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local text = table.concat(lines, "\n")
  for _, who in ipairs({ "Osei", "Vasquez", "Raman", "Mbeki" }) do
    H.truthy(text:find(who, 1, true), who .. " missing from\n" .. text)
  end
  for _, l in ipairs(lines) do
    if l:find("Raman", 1, true) then H.truthy(l:find("University of Calder", 1, true), "Raman's organisation: " .. l) end
    if l:find("Osei", 1, true) then
      -- quoted, paraphrased (reported speech without marks: "Osei said the association
      -- would appeal"), words
      local n, p = l:match("(%d+)%s+(%d+)%s+%d+$")
      H.truthy(tonumber(n) and tonumber(n) >= 4, "Osei's quote count: " .. l)
      H.truthy(tonumber(p) and tonumber(p) >= 1, "Osei's paraphrased count: " .. l)
    end
  end
  vim.cmd("normal q")
  H.eq(vim.api.nvim_get_current_win(), before, "q closes the window")
  -- <CR> on Raman's row lists Raman's quotes
  vim.cmd("Verbatim sources")
  local row = H.find(0, "Raman")
  vim.api.nvim_win_set_cursor(0, { row, 0 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("<CR>", true, false, true), "x", false)
  H.eq(vim.api.nvim_get_current_win(), before, "back in the article")
  local items = vim.fn.getloclist(0)
  H.truthy(#items >= 1, "Raman's quotes listed")
  local reported = 0
  for _, it in ipairs(items) do
    H.truthy(it.text:find("Raman", 1, true), it.text)
    if it.text:find("^reported: ") then reported = reported + 1 end
  end
  -- what Raman is reported to have said comes after the quotes, marked as such
  H.truthy(reported >= 1 and items[#items].text:find("^reported: small ferries"), vim.inspect(items))
  H.truthy(vim.fn.getloclist(0, { title = 0 }).title:find("Raman", 1, true), "title")
end

return T
