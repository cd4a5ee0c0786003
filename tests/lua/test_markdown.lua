-- Markdown drafts from Lua (opts.format, vb.prose) and the API's small guarantees
-- (_VERSION, a single source for check, the two error conventions).
local vb = require("verbatim")
local h = require("helpers")
local eq, read, raises = h.eq, h.read, h.raises
local T = {}

local MD = "tests/fixtures/markdown/"

local function lines(qs)
  local t = {}
  for i, q in ipairs(qs) do t[i] = q.line .. ":" .. q.col end
  return table.concat(t, " ")
end

function T.quotes_of_a_markdown_draft()
  local text = read(MD .. "draft.md")
  local qs, diags = vb.quotes(text, { format = "markdown" })
  eq(lines(qs), "9:67 13:28 24:44 27:35", "quotes at the file's lines and columns")
  eq(#diags, 0, "no unclosed mark from the fence, comment or title")
  for _, q in ipairs(qs) do
    -- positions are the file's: the span in the original text is the quote
    local span = text:sub(q.start, q.stop)
    assert(span:find("^" .. h.LQ) and span:find(h.RQ .. "$"), span)
  end
  local plain, pd = vb.quotes(text)
  assert(#plain > #qs and #pd > 0, "as text, the front matter and code are read")
  eq(lines(vb.quotes(text, { format = "text" })), lines(plain), "format = text is the default")
end

function T.analyze_and_check_read_markdown_too()
  local text = read(MD .. "draft.qmd")
  local r = vb.analyze(text, { format = "markdown" })
  eq(#r.quotes, 3, "quotes (the council's reported vote, two quotes)")
  eq(r.quotes[1].kind, "indirect", "the reported vote")
  eq(r.quotes[3].speaker.name, "Rob Adeyemi", "speaker")
  eq(#r.diagnostics, 0, "diagnostics")
  local qs = vb.check(read(MD .. "draft.md"), MD .. "transcript.txt", { format = "markdown" })
  eq(#qs, 4, "checked quotes")
  for _, q in ipairs(qs) do eq(q.check.verdict, "verbatim", "verdict of " .. q.text) end
end

function T.prose_masks_in_place()
  local text = read(MD .. "draft.md")
  local p = vb.prose(text)
  eq(#p, #text, "same length")
  eq(select(2, p:gsub("\n", "")), select(2, text:gsub("\n", "")), "same lines")
  assert(not p:find("title:", 1, true) and not p:find("```", 1, true) and not p:find("<!--", 1, true), p)
  assert(p:find("“It is a sad day for Tollgate,” he said.", 1, true), "prose kept")
  eq(vb.prose(text, "text"), text, "text is left as it is")
  eq(vb.prose("`a \"b`"), " a _b ", "code keeps its words, not its marks")
end

function T.wrong_formats_are_argument_errors()
  raises("bad argument #2 to '[^']*' %(opts.format: 'text' or 'markdown' expected%)", vb.quotes, "x", { format = "html" })
  raises("bad argument #2 to '[^']*' %(opts.format: 'text' or 'markdown' expected%)", vb.analyze, "x", { format = 1 })
  raises("bad argument #3 to '[^']*' %(opts.format: 'text' or 'markdown' expected%)", vb.check, "x", { { text = "y" } }, { format = "md5" })
  raises("bad argument #2 to '[^']*' %(format: 'text' or 'markdown' expected%)", vb.prose, "x", "rst")
  raises("bad argument #1 to '[^']*' %(string expected, got nil%)", vb.prose, nil)
end

function T.version()
  eq(vb._VERSION, "verbatim " .. vb.version, "_VERSION")
  eq(vb.core._VERSION, vb._VERSION, "core._VERSION")
  assert(vb.version:find("^%d+%.%d+%.%d+"), vb.version)
end

function T.check_takes_one_source_alone()
  local text = read(MD .. "draft.md")
  local one = vb.check(text, MD .. "transcript.txt", { format = "markdown" })
  local arr = vb.check(text, { MD .. "transcript.txt" }, { format = "markdown" })
  eq(#one, #arr, "a path alone is an array of one")
  for i = 1, #one do eq(one[i].check.verdict, arr[i].check.verdict, "verdict " .. i) end
  local t = vb.check("“It is a sad day,” he said.", { name = "notes", text = "It is a sad day." })
  eq(t[1].check.verdict, "verbatim", "a {name=, text=} source alone")
  eq(t[1].check.source.file, "notes", "its name")
end

-- verbatim raises on a failure, verbatim.safe returns nil and the message; wrong
-- arguments raise from both
function T.error_conventions()
  local missing = MD .. "no-such-transcript.txt"
  raises("verbatim: .*no%-such%-transcript", function() return vb.check("“A,” he said.", missing) end)
  local safe = require("verbatim.safe")
  local r, err = safe.check("“A,” he said.", missing)
  eq(r, nil, "safe: nil")
  assert(tostring(err):find("^verbatim: .*no%-such%-transcript"), err)
  raises("bad argument #2", safe.check, "x", 42)
  raises("bad argument #2", safe.quotes, "x", { format = "html" })
end

return T
