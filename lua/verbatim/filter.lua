--[[ verbatim.lua: a pandoc Lua filter over the verbatim engine.

  pandoc --lua-filter lua/verbatim/filter.lua article.md -o article.html

Options, in the document's metadata (the names of the CLI's options where it has them):

  verbatim:
    annotate: true          # wrap each quote in a Span.quote with data-speaker/data-verdict/
                            # data-fails/data-source/data-diff and a title (HTML)
    review: true            # ... and a review style: quotes coloured by verdict, the
                            # speaker, verdict, place and word diff on hover (implies annotate)
    sources-section: true   # append a "Sources" section (or give its title as a string)
    check: [transcript.txt] # check the quotes against these files and folders
    index: archive.vbi      # ... or against an index built by `verbatim index`
    strict: true            # the build fails (exit 1, no output) when the check fails: a
                            # quote altered, not found or another speaker's words
    strict-terms: true      # scare quotes and titles count for the check too
    fail-on: [+uncovered]   # what fails the check, as `verbatim check --fail-on`: verdicts
                            # (altered, not_found, cleaned, uncovered), misattributed,
                            # borrowed, all, none; +X adds, -X removes (default altered,
                            # not_found, misattributed, borrowed)
    borrowed: 12            # unquoted runs of this many source words fail the check too
    comments: false         # no Word comments on the quotes in docx output (on by default)
    report: quotes.json     # write the JSON report here; quotes.html: the audit page of
                            # `verbatim check --html` (a missing folder is made)
    engine: auto            # auto | native | cli  (also VERBATIM_ENGINE)
    cli: verbatim           # the CLI to run when the native module is missing (also VERBATIM_CLI)
    cues: ["chimed in"]     # extra cue patterns (PCRE2)

The same keys may sit in a project file, .verbatim.yaml, found by walking up from the
input file's folder (README, "The project file"): a key the metadata sets wins over it.

The check's verdicts and its pass or fail are the engine's, from one call (vb.check, or
`verbatim check --json`, whose exit status the CLI engine takes): the same as `verbatim
check` gives on the same text and sources. Problems are one line each on stderr,
"[WARNING] verbatim: FILE:LINE:COL: …" (with +sourcepos, else the paragraph), silenced
by --quiet; a run that cannot go on is one line "verbatim: …" and exit status 83.

Runs under pandoc 2.17 (Lua 5.3) and pandoc 3 (Lua 5.4). The engine is the C module
verbatim.core when it loads (a distribution's pandoc linked with the system Lua);
official pandoc binaries are static and cannot load C modules, so the filter then runs
the verbatim CLI through pandoc.pipe and reads its JSON. One self-contained file; the
Quarto extension (_extensions/verbatim/verbatim.lua) is a shim that loads it.
]]

local VERSION = "0.1.0"   -- the engine's (VB_VERSION, src/cli.h): tests/lua/test_version.lua
local stderr = io.stderr

-- This file's own path: the module and the CLI are looked for next to it. Not
-- PANDOC_SCRIPT_FILE, which names the shim when the Quarto extension loaded this file.
local SCRIPT_FILE = (debug and debug.getinfo and (debug.getinfo(1, "S").source or ""):match("^@(.+)$"))
  or PANDOC_SCRIPT_FILE

-- ------------------------------------------------------------------ messages

--[[ One line per problem on stderr, as pandoc's own warnings and citeproc's read:
  "[WARNING] verbatim: article.md:12:5: altered “…” (Name): …". Not pandoc.log.warn, which
  on pandoc 3.2+ heads every line with "Scripting warning at …filter.lua line N". --quiet
  (verbosity ERROR) silences warnings, --verbose (INFO) adds the [INFO] lines. A run that
  cannot go on is one line "verbatim: …" and an exit status, never a Lua traceback
  (finish(), at the end of this file). ]]

local function verbosity() return PANDOC_STATE and PANDOC_STATE.verbosity or "WARNING" end

local function warn(msg)
  if verbosity() ~= "ERROR" then stderr:write("[WARNING] verbatim: ", msg, "\n") end
end

local function info(msg)
  if verbosity() == "INFO" then stderr:write("[INFO] verbatim: ", msg, "\n") end
end

-- Exit statuses: 1 the gate failed (strict), as `verbatim check` exits; 83 the filter
-- could not run (pandoc's own status for a failed filter).
local EXIT_GATE, EXIT_ERROR = 1, 83

-- Stop the run with one clean line: an error the handler at the end prints and exits by.
local Stop = { __tostring = function(e) return "verbatim: " .. e.msg end }
local function fail(msg, code)
  error(setmetatable({ msg = msg, code = code or EXIT_ERROR }, Stop), 0)
end

-- ------------------------------------------------------------------ JSON

-- A small decoder for the CLI's output: pandoc 2.17 has no pandoc.json. null becomes
-- nil (the contract never puts null in an array).
local json = {}

local escapes = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }

local function utf8_char(cp)
  if cp < 0x80 then return string.char(cp) end
  if cp < 0x800 then return string.char(0xC0 | (cp >> 6), 0x80 | (cp & 0x3F)) end
  if cp < 0x10000 then
    return string.char(0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F))
  end
  return string.char(0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3F), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F))
end

function json.decode(s)
  local i = 1
  local function bad(what)
    fail(("bad JSON from the engine at byte %d: %s"):format(i, what))
  end
  local function ws()
    i = s:find("[^ \t\r\n]", i) or #s + 1
  end
  local value
  local function str()
    local out, n = {}, 0
    i = i + 1
    while true do
      local j = s:find('["\\]', i)
      if not j then bad("unterminated string") end
      n = n + 1; out[n] = s:sub(i, j - 1)
      if s:byte(j) == 34 then i = j + 1; break end
      local e = s:sub(j + 1, j + 1)
      if e == "u" then
        local cp = tonumber(s:sub(j + 2, j + 5), 16)
        if not cp then bad("bad \\u escape") end
        i = j + 6
        if cp >= 0xD800 and cp <= 0xDBFF and s:sub(i, i + 1) == "\\u" then
          local lo = tonumber(s:sub(i + 2, i + 5), 16)
          if lo and lo >= 0xDC00 and lo <= 0xDFFF then
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
            i = i + 6
          end
        end
        if cp >= 0xD800 and cp <= 0xDFFF then cp = 0xFFFD end
        n = n + 1; out[n] = utf8_char(cp)
      elseif escapes[e] then
        n = n + 1; out[n] = escapes[e]
        i = j + 2
      else
        bad("bad escape")
      end
    end
    return table.concat(out)
  end
  function value()
    ws()
    local c = s:sub(i, i)
    if c == "{" then
      local t = {}
      i = i + 1; ws()
      if s:sub(i, i) == "}" then i = i + 1; return t end
      while true do
        ws()
        if s:sub(i, i) ~= '"' then bad("key expected") end
        local k = str()
        ws()
        if s:sub(i, i) ~= ":" then bad("':' expected") end
        i = i + 1
        t[k] = value()
        ws()
        c = s:sub(i, i); i = i + 1
        if c == "}" then return t end
        if c ~= "," then bad("',' or '}' expected") end
      end
    elseif c == "[" then
      local t, n = {}, 0
      i = i + 1; ws()
      if s:sub(i, i) == "]" then i = i + 1; return t end
      while true do
        n = n + 1; t[n] = value()
        ws()
        c = s:sub(i, i); i = i + 1
        if c == "]" then return t end
        if c ~= "," then bad("',' or ']' expected") end
      end
    elseif c == '"' then
      return str()
    elseif s:find("^true", i) then i = i + 4; return true
    elseif s:find("^false", i) then i = i + 5; return false
    elseif s:find("^null", i) then i = i + 4; return nil
    else
      local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
      if not num or num == "" or num == "-" then bad("unexpected '" .. c .. "'") end
      i = i + #num
      return math.tointeger(tonumber(num)) or tonumber(num)
    end
  end
  local v = value()
  ws()
  if i <= #s then bad("trailing data") end
  return v
end

-- Encoder for the report. Tables marked by json.array encode as arrays even when empty.
local array_mt = {}
function json.array(t) return setmetatable(t or {}, array_mt) end

local function enc_str(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == "\\" then return "\\\\"
    elseif c == "\n" then return "\\n" elseif c == "\t" then return "\\t"
    else return ("\\u%04x"):format(c:byte()) end
  end) .. '"'
end

function json.encode(v, ind)
  ind = ind or ""
  local t = type(v)
  if v == nil then return "null"
  elseif t == "boolean" then return tostring(v)
  elseif t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    if math.type(v) == "integer" then return tostring(v) end
    return (("%.4f"):format(v):gsub("0+$", ""):gsub("%.$", ".0"))
  elseif t == "string" then return enc_str(v)
  elseif t == "table" then
    local inner = ind .. "  "
    if getmetatable(v) == array_mt or #v > 0 then
      if #v == 0 then return "[]" end
      local parts = {}
      for k = 1, #v do parts[k] = json.encode(v[k], inner) end
      return "[\n" .. inner .. table.concat(parts, ",\n" .. inner) .. "\n" .. ind .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    if #keys == 0 then return "{}" end
    local parts = {}
    for k, key in ipairs(keys) do parts[k] = enc_str(key) .. ": " .. json.encode(v[key], inner) end
    return "{\n" .. inner .. table.concat(parts, ",\n" .. inner) .. "\n" .. ind .. "}"
  end
  return "null"
end

-- pandoc 3.1+ decodes faster in Haskell; its null is a sentinel we turn into nil.
local function decode(s)
  if pandoc and pandoc.json and pandoc.json.decode then
    local ok, v = pcall(pandoc.json.decode, s, false)
    if ok and type(v) == "table" then
      local null = pandoc.json.null
      local function clean(t)
        for k, x in pairs(t) do
          if x == null then t[k] = nil
          elseif type(x) == "table" then clean(x)
          elseif math.type(x) == "float" then t[k] = math.tointeger(x) or x end
        end
        return t
      end
      return clean(v)
    end
  end
  return json.decode(s)
end

-- ------------------------------------------------------------------ options

local function stringify(v)
  if v == nil then return nil end
  if type(v) == "string" or type(v) == "boolean" or type(v) == "number" then return tostring(v) end
  return pandoc.utils.stringify(v)
end

local function truthy(v)
  if v == nil then return false end
  if type(v) == "boolean" then return v end
  local s = stringify(v):lower()
  return s ~= "" and s ~= "false" and s ~= "no" and s ~= "off" and s ~= "0"
end

-- a string, or a list of them (a MetaList is a List; MetaInlines are Inlines)
local function strings(v)
  if v == nil then return {} end
  local ty = type(v) == "table" and pandoc.utils.type and pandoc.utils.type(v)
  if ty == "List" or (type(v) == "table" and v.t == "MetaList") then
    local out = {}
    for _, x in ipairs(v) do out[#out + 1] = stringify(x) end
    return out
  end
  return { stringify(v) }
end

local function getenv(name)
  local v = os.getenv(name)
  if v and v ~= "" then return v end
end

local function dirname(path)
  return path and path:match("^(.*)[/\\][^/\\]*$") or nil
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

-- the folder of a file to write, made when missing (pandoc.system.make_directory from
-- pandoc 2.19 on, mkdir -p before)
local function ensure_dir(path)
  local dir = dirname(path)
  if not dir or dir == "" or exists(dir .. "/.") then return end
  local sys = pandoc.system
  local ok
  if sys and sys.make_directory then ok = pcall(sys.make_directory, dir, true)
  else ok = os.execute("mkdir -p -- '" .. dir:gsub("'", "'\\''") .. "' 2>/dev/null") end
  if not ok or not exists(dir .. "/.") then fail(("%s: cannot make the folder %s"):format(path, dir)) end
end

-- a file written whole: to a temporary name beside it, then renamed over it
local function write_file(path, content)
  ensure_dir(path)
  local tmp = path .. ".tmp" .. tostring(os.time())
  local f, err = io.open(tmp, "wb")
  if not f then fail(("%s: %s"):format(path, tostring(err):gsub("^[^:]*: ", ""))) end
  local ok, werr = f:write(content)
  f:close()
  if ok then ok, werr = os.rename(tmp, path) end
  if not ok then os.remove(tmp); fail(("%s: %s"):format(path, tostring(werr))) end
end

-- transcripts are found from the working directory, as pandoc finds resources, or
-- next to the input file
local function resolve(path)
  if exists(path) or path:match("^/") then return path end
  local input = PANDOC_STATE and PANDOC_STATE.input_files and PANDOC_STATE.input_files[1]
  local dir = dirname(input)
  if dir and exists(dir .. "/" .. path) then return dir .. "/" .. path end
  return path
end

-- The options, in the document's metadata under verbatim: (see the head of this file),
-- read in this one place into one table; the names are the CLI's where it has them.
local function read_options(meta)
  local m = meta.verbatim or {}
  local ty = type(m) == "table" and pandoc.utils.type and pandoc.utils.type(m)
  if type(m) ~= "table" or ty == "Inlines" or ty == "List" or ty == "Blocks" then m = {} end
  local o = {
    annotate = m.annotate ~= nil and stringify(m.annotate) or nil,
    review = truthy(m.review),
    comments = m.comments == nil or truthy(m.comments),
    sources = m["sources-section"],
    check = strings(m.check),
    index = m.index and stringify(m.index) or nil,
    strict = truthy(m.strict),
    strict_terms = truthy(m["strict-terms"]),
    fail_on = strings(m["fail-on"]),
    borrowed = m.borrowed ~= nil and stringify(m.borrowed) or nil,
    report = m.report and stringify(m.report) or nil,
    engine = getenv("VERBATIM_ENGINE") or (m.engine and stringify(m.engine)) or "auto",
    cli = getenv("VERBATIM_CLI") or (m.cli and stringify(m.cli)) or nil,
    cues = strings(m.cues),
    given = {},             -- the keys the metadata sets, which the project file does not override
  }
  for _, k in ipairs({ "annotate", "sources-section", "check", "index", "strict", "strict-terms", "fail-on", "borrowed",
                       "report", "engine", "cli", "cues" }) do
    if m[k] ~= nil then o.given[k] = true end
  end
  if o.annotate == "false" or o.annotate == "no" then o.annotate = nil end
  if o.review and not o.annotate then o.annotate = "true" end
  if o.sources ~= nil then
    local s = stringify(o.sources)
    if s == "false" or s == "no" or s == "" then o.sources = nil
    elseif s == "true" or s == "yes" then o.sources = "Sources"
    else o.sources = s end
  end
  if o.borrowed then
    local b = o.borrowed:lower()
    if b == "true" or b == "yes" then o.borrowed = 12
    elseif b == "false" or b == "no" or b == "0" then o.borrowed = nil
    else
      o.borrowed = math.tointeger(tonumber(b))
      if not o.borrowed or o.borrowed < 3 then fail("borrowed: a number of words (3 or more), or true for 12") end
    end
  end
  for k, p in ipairs(o.check) do o.check[k] = resolve(p) end
  if o.index then o.index = resolve(o.index) end
  return o
end

-- ------------------------------------------------------------------ engines

-- The native engine: verbatim.core loaded into pandoc's own Lua. The filter's tree
-- (lua/verbatim/filter.lua) puts lua/ on the path so require "verbatim" finds init.lua.
-- The filter marks quotations only: reported speech (kind indirect) is left out of the
-- quotes of an analysis, and counted in its sources (paraphrased).
local function quotations(list)
  local quoted = {}
  for _, q in ipairs(list or {}) do if q.kind ~= "indirect" then quoted[#quoted + 1] = q end end
  return quoted
end

local function native_engine()
  local here = dirname(SCRIPT_FILE or "")
  if here then
    package.path = here .. "/../?.lua;" .. here .. "/../?/init.lua;" .. package.path
    -- installed as PREFIX/share/pandoc/filters/verbatim.lua (make install) or as
    -- PREFIX/share/lua/5.x/verbatim/filter.lua (a rock): the module is in PREFIX too
    local prefix = here:match("^(.*)/share/pandoc/filters$") or here:match("^(.*)/share/lua/[%d.]+/verbatim$")
    local v = _VERSION:match("%d+%.%d+")
    -- a source tree: the module make LUA=5.x module builds for this Lua
    if v and not prefix then package.cpath = ("%s/../../build/lua%s/?.so;"):format(here, v) .. package.cpath end
    if prefix and v then
      package.path = ("%s/share/lua/%s/?.lua;%s/share/lua/%s/?/init.lua;"):format(prefix, v, prefix, v) .. package.path
      package.cpath = ("%s/lib/lua/%s/?.so;"):format(prefix, v) .. package.cpath
    end
  end
  local ok, vb = pcall(require, "verbatim.safe")
  if not ok then return nil, tostring(vb) end
  -- verbatim.safe: an unreadable source or index is nil, message (one clean line)
  local e = { name = "native" }
  -- The analysis with reported speech, for the sources' paraphrase counts (quotations()).
  function e.analyze(text, cues)
    local r = vb.analyze(text, { indirect = true, cues = cues and #cues > 0 and cues or nil })
    r.quotes = quotations(r.quotes)
    return r
  end
  function e.config(path)
    local c, err = vb.config(path)
    if err then fail((err:gsub("^verbatim: ", ""))) end
    return c
  end
  -- One engine call: the quotes with their speakers and checks, the sources, and the
  -- gate's word (pass, each quote's check.fails); the audit page when o.page asks.
  function e.check(text, o)
    local sources, idx, err = {}, nil, nil
    for k, p in ipairs(o.check) do sources[k] = p end
    if o.index then
      idx, err = vb.index.open(o.index)
      if not idx then fail((err:gsub("^verbatim: ", ""))) end
      sources[#sources + 1] = idx
    end
    -- a value the user wrote that the engine refuses (an unknown fail-on class) is an
    -- argument error there: here it is one line naming the option
    local ok, quotes, borrowed, _, d = pcall(vb.check, text, sources,
      { strict_terms = o.strict_terms, borrowed = o.borrowed, html = o.page and o.page.name,
        fail_on = #o.fail_on > 0 and o.fail_on or nil,
        cues = o.cues and #o.cues > 0 and o.cues or nil })
    if idx then idx:close() end
    if not ok then
      local why = tostring(quotes):match("%(opts%.([%w_]+: .*)%)$")
      if not why then error(quotes, 0) end
      fail((why:gsub("^([%w]+)_", "%1-")))
    end
    if not quotes then fail((borrowed:gsub("^verbatim: ", ""))) end
    if o.page then write_file(o.page.path, d.html) end
    return { quotes = quotes, borrowed = borrowed, sources = d.sources, diagnostics = d.diagnostics, pass = d.pass }
  end
  return e
end

-- offsets of the CLI contract (0-based, end exclusive) to Lua positions (1-based, inclusive)
local function lua_span(t)
  if type(t) == "table" and t["end"] ~= nil and t.start ~= nil then
    t.stop = t["end"]
    t.start = t.start + 1
    t["end"] = nil
  end
  return t
end

local function cli_quotes(list)
  for _, q in ipairs(list or {}) do
    lua_span(q)
    if q.speaker then lua_span(q.speaker) end
    if q.cue then lua_span(q.cue) end
    if q.parts then for _, p in ipairs(q.parts) do lua_span(p) end end
    if q.check and q.check.source then lua_span(q.check.source) end
  end
  return list or {}
end

local function cli_engine(cmd)
  local candidates = {}
  if cmd then candidates[1] = cmd
  else
    local here = dirname(SCRIPT_FILE or "")
    if here then
      -- a source tree (lua/verbatim/), then an install (PREFIX/share/pandoc/filters/,
      -- PREFIX/share/lua/5.x/verbatim/)
      candidates[#candidates + 1] = here .. "/../../build/verbatim"
      candidates[#candidates + 1] = here .. "/../../../bin/verbatim"
      candidates[#candidates + 1] = here .. "/../../../../bin/verbatim"
    end
    candidates[#candidates + 1] = "verbatim"
  end
  local function run(exe, args, input)
    local ok, out = pcall(pandoc.pipe, exe, args, input)
    if ok then return out, 0 end
    -- a non-zero exit raises {command=, error_code=, output=}
    local okf, code = pcall(function() return out.error_code end)
    if okf and code then return out.output, code end
    return nil, tostring(out)
  end
  local exe
  for _, c in ipairs(candidates) do
    local out, code = run(c, { "--version" }, "")
    if code == 0 and out and out:match("^verbatim") then exe = c break end
  end
  if not exe then return nil, "no verbatim CLI found (tried " .. table.concat(candidates, ", ") .. ")" end
  local e = { name = "cli", exe = exe }
  -- the options that name the project's cues: the filter's, not a project file found
  -- from pandoc's working directory
  local function cue_args(args, cues)
    for _, c in ipairs(cues or {}) do args[#args + 1] = "--cue"; args[#args + 1] = c end
    return args
  end
  function e.config(path)
    local out, code = run(exe, { "config", "--json", path }, "")
    if code ~= 0 then fail(("%s config failed (exit %s): %s"):format(exe, tostring(code), tostring(out))) end
    local c = decode(out)
    return c ~= nil and c or nil
  end
  function e.analyze(text, cues)
    local args = cue_args({ "--no-config", "quotes", "--json" }, cues)
    args[#args + 1] = "-"
    local out, code = run(exe, args, text)
    if code ~= 0 then fail(("%s quotes failed (exit %s)"):format(exe, tostring(code))) end
    local r = decode(out)
    return { quotes = cli_quotes(quotations(r.quotes)), sources = r.sources or {}, diagnostics = r.diagnostics or {} }
  end
  -- check --json: the same object as the native call's, the exit status the gate's word
  function e.check(text, o)
    -- the text the filter made is plain text, whatever the input file was
    local args = { "--no-config", "check", "--json", "--format", "text", "--stdin-name", o.name }
    if o.strict_terms then args[#args + 1] = "--strict-terms" end
    if #o.fail_on > 0 then args[#args + 1] = "--fail-on=" .. table.concat(o.fail_on, ",") end
    if o.borrowed then args[#args + 1] = "--borrowed=" .. o.borrowed end
    if o.page then args[#args + 1] = "--html"; args[#args + 1] = o.page.path end
    if o.index then args[#args + 1] = "--index"; args[#args + 1] = o.index end
    for _, p in ipairs(o.check) do args[#args + 1] = "--source"; args[#args + 1] = p end
    cue_args(args, o.cues)
    args[#args + 1] = "-"
    local out, code = run(exe, args, text)
    if code ~= 0 and code ~= 1 then
      fail(("%s check failed (exit %s; its message is above)"):format(exe, tostring(code)))
    end
    local r = decode(out)
    for _, s in ipairs(r.sources or {}) do
      if type(s.quotes) == "table" then for k, q in ipairs(s.quotes) do s.quotes[k] = q + 1 end end
    end
    for _, b in ipairs(r.borrowed or {}) do lua_span(b); lua_span(b.source) end
    return { quotes = cli_quotes(r.quotes), borrowed = r.borrowed or {}, sources = r.sources or {},
             diagnostics = r.diagnostics or {}, pass = code == 0 }
  end
  return e
end

local function load_engine(o)
  local why
  if o.engine ~= "cli" then
    local e, err = native_engine()
    if e then return e end
    why = err
    -- Lua's "module not found" lists every path tried, one a line: the first says it
    if o.engine == "native" then
      fail(("native engine unavailable: %s (build the module for this pandoc's %s: make LUA=%s module, or engine: cli)")
        :format(tostring(why):match("^[^\n]*"):gsub(":$", ""), _VERSION, (_VERSION:match("%d+%.%d+") or "5.4")))
    end
  end
  local e, err = cli_engine(o.cli)
  if not e then
    fail("no engine: the Lua module verbatim.core does not load here"
      .. (why and (" (" .. why:match("^[^\n]*") .. ")") or "")
      .. " and " .. err .. "; set VERBATIM_CLI or put verbatim on PATH")
  end
  return e
end

-- ------------------------------------------------------------------ the document as text

--[[ The engine reads plain text, so the document is rendered as a news article would be
  written: blocks as paragraphs split by blank lines, Quoted as “…” or ‘…’, soft breaks as
  newlines. Every inline list gets a node, in document order, whose slots record the
  byte range each inline took; a quote's range then maps back to the inlines it covers.
  A BlockQuote without marks of its own is given them, paragraph by paragraph as in
  print (opening marks on each, the closing one on the last), so the engine sees it. ]]

local MARKS = { DoubleQuote = { "“", "”" }, SingleQuote = { "‘", "’" } }

local CONTAINERS = {
  Emph = true, Strong = true, Underline = true, Strikeout = true, Superscript = true,
  Subscript = true, SmallCaps = true, Span = true, Link = true, Cite = true,
}

local function tag(el) return el.t or el.tag end

local function quotetype(el)
  local q = el.quotetype
  if type(q) == "table" then q = q.t or q.name end
  return tostring(q)
end

local function attr_pos(el)
  local ok, a = pcall(function() return el.attributes end)
  if ok and a then
    local p = a["data-pos"]
    if p then return p end
  end
end

local Renderer = {}
Renderer.__index = Renderer

local function new_renderer()
  return setmetatable({ buf = {}, len = 0, nodes = {}, roots = {}, srcpos = {}, blocks = {},
                        nblock = 0, pos = nil, qleft = 0, notes = {} }, Renderer)
end

function Renderer:emit(s)
  if s ~= "" then
    self.buf[#self.buf + 1] = s
    self.len = self.len + #s
  end
end

-- paragraph separator: a blank line, once
function Renderer:para()
  if self.len > 0 and not self.at_para then self:emit("\n\n") end
  self.at_para = true
end

function Renderer:inlines(list)
  local node = { id = #self.nodes + 1, slots = {}, wraps = {} }
  self.nodes[node.id] = node
  self.at_para = false
  local saved = self.pos
  for k, el in ipairs(list) do
    local t, a, child, note = tag(el), self.len + 1, nil, nil
    local p = attr_pos(el)
    if p then self.pos = p end
    if self.pos then self.srcpos[#self.srcpos + 1] = { a, self.pos } end
    if t == "Str" then
      self:emit(el.text)
    elseif t == "Space" then
      self:emit(" ")
    elseif t == "SoftBreak" or t == "LineBreak" then
      self:emit("\n")
    elseif t == "Quoted" then
      local m = MARKS[quotetype(el)] or MARKS.DoubleQuote
      self:emit(m[1])
      child = self:inlines(el.content)
      self:emit(m[2])
    elseif t == "Code" or t == "Math" then
      -- kept for the words around it, but marks in code are not quotation marks
      self:emit((el.text:gsub("[\"'`]", "_"):gsub("\226\128[\152-\159]", "___"):gsub("\194[\171\187]", "__")))
    elseif CONTAINERS[t] then
      child = self:inlines(el.content)
    elseif t == "Note" then
      -- a footnote is read after the text, as its own paragraphs
      note = { blocks = el.content }
      self.notes[#self.notes + 1] = note
    end
    -- Image, RawInline: not part of the running text
    node.slots[k] = { a = a, b = self.len, el = el, t = t, child = child, note = note }
    self.pos = saved
  end
  return node
end

-- an inline list that is a block of its own (Para, Plain, Header, a line of a LineBlock)
function Renderer:root(list, open, close)
  self:para()
  local a = self.len + 1
  self.nblock = self.nblock + 1
  self.blocks[#self.blocks + 1] = { a, self.nblock, self.pos }
  -- a mark the renderer adds (a block quote's) is placed at its block
  if self.pos then self.srcpos[#self.srcpos + 1] = { a, self.pos } end
  if open then self:emit(open) end
  local node = self:inlines(list)
  if close then self:emit(close) end
  node.a, node.b = a, self.len
  self.roots[#self.roots + 1] = node
  return node
end

local function starts_with_mark(s)
  return s:find("^[\"'“”‘’„«»‹›]") ~= nil
end

-- the prose paragraphs of a block quote, through the Divs that +sourcepos adds
local function quote_paras(blocks, out)
  for _, b in ipairs(blocks) do
    local t = tag(b)
    if t == "Para" or t == "Plain" then out[#out + 1] = b
    elseif t == "Div" then quote_paras(b.content, out) end
  end
  return out
end

-- Every cell of a table, caption first, in reading order: fn(blocks) reads them, or
-- returns their new version when write is set (pandoc hands out copies, so each level
-- is assigned back).
local function table_parts(t, fn, write)
  local function rows_of(rows)
    for i, row in ipairs(rows or {}) do
      local cells = row.cells
      for j, cell in ipairs(cells) do
        local c = fn(cell.contents)
        if write then cell.contents = c; cells[j] = cell end
      end
      if write then row.cells = cells; rows[i] = row end
    end
    return rows
  end
  local cap = t.caption
  if cap and cap.long then
    local c = fn(cap.long)
    if write then cap.long = c; t.caption = cap end
  end
  local head = t.head
  if head then
    local rows = rows_of(head.rows)
    if write then head.rows = rows; t.head = head end
  end
  local bodies = t.bodies or {}
  for i, b in ipairs(bodies) do
    local h, body = rows_of(b.head), rows_of(b.body)
    if write then b.head = h; b.body = body; bodies[i] = b end
  end
  if write and t.bodies then t.bodies = bodies end
  local foot = t.foot
  if foot then
    local rows = rows_of(foot.rows)
    if write then foot.rows = rows; t.foot = foot end
  end
end

function Renderer:blocks_(blocks, inquote)
  for _, b in ipairs(blocks) do
    local t = tag(b)
    local saved = self.pos
    local p = attr_pos(b)
    if p then self.pos = p end
    if t == "Para" or t == "Plain" or t == "Header" then
      if inquote and t ~= "Header" and self.qleft > 0 then
        self:root(b.content, "“", self.qleft == 1 and "”" or nil)
        self.qleft = self.qleft - 1
      else
        self:root(b.content)
      end
    elseif t == "LineBlock" then
      for _, line in ipairs(b.content) do self:root(line) end
    elseif t == "BlockQuote" then
      -- a quotation already in marks keeps them
      local paras = quote_paras(b.content, {})
      local text = paras[1] and pandoc.utils.stringify(paras[1]) or ""
      local saved_left = self.qleft
      self.qleft = (text ~= "" and not starts_with_mark(text)) and #paras or 0
      self:blocks_(b.content, true)
      self.qleft = saved_left
    elseif t == "Div" or t == "Figure" then
      self:blocks_(b.content, inquote)
    elseif t == "BulletList" or t == "OrderedList" then
      for _, item in ipairs(b.content) do self:blocks_(item) end
    elseif t == "DefinitionList" then
      for _, item in ipairs(b.content) do
        self:root(item[1])
        for _, def in ipairs(item[2]) do self:blocks_(def) end
      end
    elseif t == "Table" then
      table_parts(b, function(c) self:blocks_(c) end)
    end
    -- CodeBlock, RawBlock, HorizontalRule: not prose
    self.pos = saved
  end
end

-- the document, then its footnotes
function Renderer:document(blocks)
  self:blocks_(blocks)
  local i = 1
  while self.notes[i] do
    local n = self.notes[i]
    n.first = #self.roots + 1
    self:blocks_(n.blocks)
    i = i + 1
  end
end

function Renderer:text() return table.concat(self.buf) end

-- the last entry of an array of {offset, value} at or before off
local function lookup(arr, off)
  local lo, hi, best = 1, #arr, nil
  while lo <= hi do
    local mid = (lo + hi) // 2
    if arr[mid][1] <= off then best = arr[mid]; lo = mid + 1 else hi = mid - 1 end
  end
  return best
end

-- "article.md:12:5" from sourcepos, or where locate_quotes found the quote in the input
-- file, else "paragraph 4"
function Renderer:where(off)
  local sp = lookup(self.srcpos, off)
  if sp then
    local file, line, col = sp[2]:match("^(.-)@?(%d+):(%d+)")
    if line then
      if file == "" then file = PANDOC_STATE and PANDOC_STATE.input_files[1] or "input" end
      return ("%s:%s:%s"):format(file, line, col), tonumber(line), tonumber(col)
    end
  end
  local at = self.qpos and self.qpos[off]
  if at then return ("%s:%d:%d"):format(at[1], at[2], at[3]), at[2], at[3] end
  local b = lookup(self.blocks, off)
  return ("paragraph %d"):format(b and b[2] or 1)
end

local OPENING = { ['"'] = true, ["'"] = true, ["“"] = true, ["‘"] = true, ["„"] = true, ["«"] = true, ["‹"] = true }

-- Without +sourcepos pandoc tells no positions, so each quote is looked for in the input
-- file (a text format), in document order: its first words, with white space or
-- emphasis marks between them, and the opening mark before. A quote not found there
-- keeps "paragraph N".
function Renderer:locate_quotes(quotes, file)
  local ext = file and file:lower():match("%.(%w+)$")
  if self.srcpos[1] or not file or ({ docx = 1, odt = 1, epub = 1, pptx = 1, xlsx = 1 })[ext] then return end
  local f = io.open(file, "rb")
  if not f then return end
  local src = f:read("a") or ""
  f:close()
  if src:find("\0", 1, true) or not utf8.len(src) then return end
  local lines = { 1 }
  for pos in src:gmatch("\n()") do lines[#lines + 1] = pos end
  self.qpos = {}
  local from = 1
  for _, q in ipairs(quotes) do
    local ws = {}
    for w in (q.text or ""):gmatch("%S+") do
      w = w:gsub("^[%p“”‘’„«»‹›]+", ""):gsub("[%p“”‘’„«»‹›]+$", "")
      if w ~= "" then ws[#ws + 1] = w:gsub("%p", "%%%0") end
      if #ws == 4 then break end
    end
    if #ws > 0 then
      local a = src:find(table.concat(ws, "[%s%*_]+[%p“”‘’]*"), from)
      if a then
        from = a + 1
        -- back over emphasis marks to an opening quotation mark
        local k = a
        while k > 1 and src:sub(k - 1, k - 1):match("[%*_]") do k = k - 1 end
        for _, m in ipairs({ 1, 3 }) do
          if OPENING[src:sub(k - m, k - 1)] then k = k - m; break end
        end
        local lo, hi = 1, #lines
        while lo < hi do
          local mid = (lo + hi + 1) // 2
          if lines[mid] <= k then lo = mid else hi = mid - 1 end
        end
        self.qpos[q.start] = { file, lo, k - lines[lo] + 1 }
      end
    end
  end
end

-- ------------------------------------------------------------------ quotes back to inlines

-- Record wrap w on the node that holds the quote: descend while it sits inside one
-- container inline without covering it.
local function plan(node, qa, qb, w)
  local i, j
  local slots = node.slots
  -- slots are in text order: start at the first that ends at or after qa
  local lo, hi, from = 1, #slots, #slots + 1
  while lo <= hi do
    local mid = (lo + hi) // 2
    if slots[mid].b >= qa then from = mid; hi = mid - 1 else lo = mid + 1 end
  end
  for k = from, #slots do
    local s = slots[k]
    if s.b >= s.a and s.b >= qa and s.a <= qb then
      i = i or k
      j = k
    elseif i and s.a > qb then
      break
    end
  end
  if not i then return end
  local s = node.slots[i]
  if i == j and s.child and not (qa <= s.a and s.b <= qb) then
    return plan(s.child, qa, qb, w)
  end
  node.wraps[#node.wraps + 1] = { qa = qa, qb = qb, w = w }
end

local function first_root(roots, off)
  local lo, hi, best = 1, #roots, #roots + 1
  while lo <= hi do
    local mid = (lo + hi) // 2
    if roots[mid].b >= off then best = mid; hi = mid - 1 else lo = mid + 1 end
  end
  return best
end

local rebuild, rewrite_blocks, current_roots

-- new inline list for node: children rebuilt, Str split at quote edges, wrapped runs
local function rebuild_list(node, make_span)
  -- wraps sorted, overlaps dropped (a nested quote at the same level keeps the outer)
  table.sort(node.wraps, function(x, y) return x.qa < y.qa end)
  local wraps, last = {}, 0
  for _, w in ipairs(node.wraps) do
    if w.qa > last then wraps[#wraps + 1] = w; last = w.qb end
  end
  local pieces, w0 = {}, 1
  for _, s in ipairs(node.slots) do
    local el = s.el
    if s.child then el = rebuild(s) end
    if s.note and s.note.first then
      local c = el.content
      rewrite_blocks(c, current_roots, s.note.first)
      el.content = c
    end
    -- wraps that end before this slot never matter again: one pass over both
    while wraps[w0] and wraps[w0].qb < s.a do w0 = w0 + 1 end
    if s.t == "Str" and wraps[w0] then
      local cuts = {}
      for n = w0, #wraps do
        local w = wraps[n]
        if w.qa > s.b then break end
        if w.qa > s.a and w.qa <= s.b then cuts[#cuts + 1] = w.qa end
        if w.qb >= s.a and w.qb < s.b then cuts[#cuts + 1] = w.qb + 1 end
      end
      if #cuts > 0 then
        table.sort(cuts)
        local from = s.a
        for _, c in ipairs(cuts) do
          if c > from then
            pieces[#pieces + 1] = { a = from, b = c - 1, el = pandoc.Str(el.text:sub(from - s.a + 1, c - s.a)) }
            from = c
          end
        end
        pieces[#pieces + 1] = { a = from, b = s.b, el = pandoc.Str(el.text:sub(from - s.a + 1)) }
      else
        pieces[#pieces + 1] = { a = s.a, b = s.b, el = el }
      end
    else
      pieces[#pieces + 1] = { a = s.a, b = s.b, el = el }
    end
  end
  if #wraps == 0 then
    local out = {}
    for k, p in ipairs(pieces) do out[k] = p.el end
    return out
  end
  local out, wi, k = {}, 1, 1
  local function inside(p, w)
    if p.b < p.a then return p.a > w.qa and p.a <= w.qb end   -- empty: a note, an image
    return p.b >= w.qa and p.a <= w.qb
  end
  while k <= #pieces do
    local p = pieces[k]
    while wraps[wi] and wraps[wi].qb < p.a and p.b >= p.a do wi = wi + 1 end
    local w = wraps[wi]
    if w and inside(p, w) and p.b >= p.a then
      local content = {}
      while k <= #pieces and inside(pieces[k], w) do
        content[#content + 1] = pieces[k].el
        k = k + 1
      end
      out[#out + 1] = make_span(content, w.w)
      wi = wi + 1
    else
      out[#out + 1] = p.el
      k = k + 1
    end
  end
  return out
end

local current_span_maker

function rebuild(slot)
  local el = slot.el
  el.content = rebuild_list(slot.child, current_span_maker)
  return el
end

-- Walk the blocks again in the same order as the renderer, giving each root its list.
function rewrite_blocks(blocks, roots, k)
  for _, b in ipairs(blocks) do
    local t = tag(b)
    if t == "Para" or t == "Plain" or t == "Header" then
      b.content = rebuild_list(roots[k], current_span_maker); k = k + 1
    elseif t == "LineBlock" then
      local lines = {}
      for n in ipairs(b.content) do
        lines[n] = rebuild_list(roots[k], current_span_maker); k = k + 1
      end
      b.content = lines
    elseif t == "BlockQuote" or t == "Div" or t == "Figure" then
      local c = b.content
      k = rewrite_blocks(c, roots, k)
      b.content = c
    elseif t == "BulletList" or t == "OrderedList" then
      local items = b.content
      for n, item in ipairs(items) do k = rewrite_blocks(item, roots, k); items[n] = item end
      b.content = items
    elseif t == "DefinitionList" then
      local items = b.content
      for n, item in ipairs(items) do
        item[1] = rebuild_list(roots[k], current_span_maker); k = k + 1
        for m, def in ipairs(item[2]) do k = rewrite_blocks(def, roots, k); item[2][m] = def end
        items[n] = item
      end
      b.content = items
    elseif t == "Table" then
      table_parts(b, function(c) k = rewrite_blocks(c, roots, k); return c end, true)
    end
  end
  return k
end

-- ------------------------------------------------------------------ results

-- names come from the text: a name broken over two lines is still one name
local function flat(t)
  if type(t) ~= "table" then return end
  for _, k in ipairs({ "name", "role", "org" }) do
    if type(t[k]) == "string" then t[k] = t[k]:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "") end
  end
end

local function excerpt(s, max)
  s = (s or ""):gsub("%s+", " ")
  if utf8.len(s) and utf8.len(s) > max then
    s = s:sub(1, utf8.offset(s, max + 1) - 1) .. "…"
  end
  return s
end

local SHOWN = { verbatim = "verbatim", faithful = "faithful", altered = "altered", not_found = "not found",
  cleaned = "cleaned", uncovered = "not covered by the sources" }

-- "hearing.txt:10:10 (MS. LEE)": where the words were found
local function found_at(c)
  local src = c and c.source
  if not (src and src.file) then return nil end
  local s = ("%s:%s:%s"):format(src.file, tostring(src.line or "?"), tostring(src.col or "?"))
  if src.speaker then s = s .. " (" .. src.speaker .. ")" end
  return s
end

-- Is something wrong with the quote, whether or not it fails the gate (altered, not
-- found, another speaker's words), or does it fail the gate's policy (fail-on)?
local function wrong(q)
  local c = q.check
  return c and (c.fails or c.verdict == "altered" or c.verdict == "not_found" or c.speaker_mismatch) or false
end

-- the verdicts that come with a word diff
local DIFFED = { altered = true, cleaned = true }

-- One line for a quote with something wrong, its position first:
-- "article.md:12:5: altered quote “…” (Name): [-bill-] {+tax+} … (hearing.txt:3:14)"
local function describe(q, where)
  local c = q.check or {}
  local src = c.source
  local s = ("%s: %s “%s”"):format(where, DIFFED[c.verdict] and (c.verdict .. " quote") or "quote", excerpt(q.text, 60))
  local who = q.speaker and q.speaker.name
  if who then s = s .. " (" .. who .. ")" end
  if c.verdict == "not_found" then s = s .. ": not found in the sources" end
  if c.verdict == "uncovered" then s = s .. ": not covered by the sources (none names the speaker)" end
  if DIFFED[c.verdict] and c.diff_line and c.diff_line ~= "" then s = s .. ": " .. c.diff_line end
  if src and src.file then
    local place = ("%s:%s:%s"):format(src.file, tostring(src.line or "?"), tostring(src.col or "?"))
    if c.speaker_mismatch and src.speaker then s = s .. (": %s gives these words to %s"):format(place, src.speaker)
    else s = s .. " (" .. place .. ")" end
  end
  if c.fails == false then
    s = s .. " (not counted: " .. (q.kind == "term" and "a scare quote or title"
      or q.kind == "indirect" and "paraphrase" or "fail-on leaves it out") .. ")"
  end
  return s
end

-- The hover text of a quote: who, the verdict, where found, the word diff; one per line.
local function tip(q)
  local c, lines = q.check, {}
  local who = q.speaker and q.speaker.name
  if c and c.verdict then
    local v = SHOWN[c.verdict] or c.verdict
    if c.speaker_mismatch then v = v .. ", but " .. (c.source and c.source.speaker or "another speaker") .. "'s words" end
    if c.fails then v = v .. " (fails the check)" end
    lines[1] = who and (who .. ": " .. v) or v
    lines[#lines + 1] = found_at(c)
    if DIFFED[c.verdict] and c.diff_line and c.diff_line ~= "" then lines[#lines + 1] = c.diff_line end
  elseif who then
    lines[1] = who
  end
  return table.concat(lines, "\n")
end

-- plain text as Str and Space, the way a reader would give it
local function words(text, out)
  out = out or {}
  for w in text:gmatch("%S+") do
    if #out > 0 and out[#out].t ~= "Space" then out[#out + 1] = pandoc.Space() end
    out[#out + 1] = pandoc.Str(w)
  end
  return out
end

-- a source's quotations: the count, or the list of their numbers
local function quoted(s)
  return type(s.quotes) == "table" and #s.quotes or tonumber(s.quoted) or tonumber(s.quotes) or 0
end

local function sources_section(title, sources, nquotes)
  local items = {}
  for _, s in ipairs(sources) do
    if not s.name or s.name == "" then goto next end
    local what = {}
    if s.role and s.role ~= "" then what[#what + 1] = s.role end
    if s.org and s.org ~= "" and s.org ~= s.name then what[#what + 1] = s.org end
    local n, p = quoted(s), tonumber(s.paraphrased) or 0
    if n == 0 and p == 0 then goto next end
    local inl = { pandoc.Strong(words(s.name)) }
    if #what > 0 then
      inl[2] = pandoc.Str(",")
      words(table.concat(what, ", "), inl)
    end
    local counts = {}
    if n > 0 then counts[1] = ("%d %s"):format(n, n == 1 and "quote" or "quotes") end
    if p > 0 then counts[#counts + 1] = ("%d %s"):format(p, p == 1 and "paraphrase" or "paraphrases") end
    words("(" .. table.concat(counts, ", ") .. ")", inl)
    items[#items + 1] = { pandoc.Plain(inl) }
    ::next::
  end
  local body
  if #items > 0 then
    body = pandoc.BulletList(items)
  else
    body = pandoc.Para(words(nquotes > 0 and "No named sources." or "No quotes."))
  end
  return pandoc.Div({ pandoc.Header(2, words(title), pandoc.Attr("verbatim-sources-title")), body },
    pandoc.Attr("verbatim-sources", { "sources" }))
end

local HTML = { html = true, html4 = true, html5 = true, epub = true, epub2 = true, epub3 = true,
  revealjs = true, slidy = true, slideous = true, s5 = true, dzslides = true, chunkedhtml = true }

-- The review style (review: true): quotes coloured by verdict, a red outline on those
-- that fail the check, and on hover the speaker, verdict, place and word diff (data-tip).
-- The colours are the audit page's (src/report.c; tests/pandoc/run.sh keeps them equal).
local REVIEW_CSS = [[
<style>
.quote[data-verdict]{border-radius:3px;padding:0 .1em;position:relative;cursor:help}
.quote[data-verdict="verbatim"]{background:#c8f0d0}
.quote[data-verdict="faithful"]{background:#cfe3ff}
.quote[data-verdict="altered"]{background:#ffc9c9}
.quote[data-verdict="not_found"]{background:#ffe08a}
.quote[data-verdict="cleaned"]{background:#d9f2ee}
.quote[data-verdict="uncovered"]{background:#e6e6ea}
.quote[data-fails="true"]{outline:2px solid #b3261e;outline-offset:1px}
.quote[data-tip]:hover::after,.quote[data-tip]:focus::after{content:attr(data-tip);position:absolute;left:0;top:100%;
z-index:10;margin-top:.3em;width:max-content;max-width:32rem;white-space:pre-line;text-align:left;
background:#1f2328;color:#fff;font:13px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;padding:.45em .7em;
border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.25)}
</style>]]

-- the style into the page: header-includes for a standalone page, else the body's top
local function add_review_style(doc)
  local css = pandoc.RawBlock("html", REVIEW_CSS)
  local standalone = PANDOC_WRITER_OPTIONS and PANDOC_WRITER_OPTIONS.template ~= nil
  if standalone then
    local hi = doc.meta["header-includes"]
    local list = pandoc.List and pandoc.List() or {}
    if hi ~= nil then
      local ty = pandoc.utils.type and pandoc.utils.type(hi)
      if ty == "List" or (type(hi) == "table" and hi.t == "MetaList") then
        for _, x in ipairs(hi) do list[#list + 1] = x end
      else
        list[#list + 1] = hi
      end
    end
    list[#list + 1] = pandoc.MetaBlocks({ css })
    doc.meta["header-includes"] = pandoc.MetaList(list)
  else
    local blocks = doc.blocks
    table.insert(blocks, 1, css)
    doc.blocks = blocks
  end
end

-- The span around quote w.n in HTML: its place in the check and the hover text
local function quote_attrs(w)
  local q, a = w.q, { { "data-quote", tostring(w.n) } }
  local c = q.check
  if q.kind then a[#a + 1] = { "data-kind", q.kind } end
  if q.speaker and q.speaker.name then a[#a + 1] = { "data-speaker", q.speaker.name } end
  if c and c.verdict then
    a[#a + 1] = { "data-verdict", c.verdict }
    a[#a + 1] = { "data-fails", c.fails and "true" or "false" }
    if found_at(c) then a[#a + 1] = { "data-source", found_at(c) } end
    if c.diff_line and c.diff_line ~= "" and DIFFED[c.verdict] then a[#a + 1] = { "data-diff", c.diff_line } end
  end
  -- the review style shows data-tip on hover; a title would show a second tooltip
  local t = tip(q)
  if t ~= "" then a[#a + 1] = { w.review and "data-tip" or "title", t } end
  return a
end

local function html_span(content, w)
  return pandoc.Span(content, pandoc.Attr("", { "quote" }, quote_attrs(w)))
end

-- Word (docx): a comment on each quote with something wrong, over the quote's words. The
-- docx writer turns a Span of class comment-start (id, author, date; its content is the
-- comment) and the comment-end Span of the same id into a Word comment.
local function comment_span(content, w)
  if not wrong(w.q) then return pandoc.Span(content) end
  local id = tostring(w.n)
  local attrs = { { "id", id }, { "author", "verbatim" } }
  local epoch = tonumber(os.getenv("SOURCE_DATE_EPOCH") or "")
  attrs[#attrs + 1] = { "date", os.date("!%Y-%m-%dT%H:%M:%SZ", epoch) }
  local text = tip(w.q):gsub("\n", "; ")
  local inl = { pandoc.Span(words(text), pandoc.Attr("", { "comment-start" }, attrs)) }
  for _, x in ipairs(content) do inl[#inl + 1] = x end
  inl[#inl + 1] = pandoc.Span({}, pandoc.Attr("", { "comment-end" }, { { "id", id } }))
  return pandoc.Span(inl)
end

-- Wrap each quote's inlines with make(content, {q=, n=, review=}).
local function wrap_quotes(doc, r, quotes, make, review)
  local roots = r.roots
  for k, q in ipairs(quotes) do
    local qa, qb = q.start, q.stop
    for n = first_root(roots, qa), #roots do
      local root = roots[n]
      if root.a > qb then break end
      plan(root, qa, qb, { q = q, n = k, review = review })
    end
  end
  current_span_maker = make
  local blocks = doc.blocks
  current_roots = roots
  rewrite_blocks(blocks, roots, 1)
  doc.blocks = blocks
end

-- The JSON report (report: FILE.json): every quote with its place in the document
local function json_report(o, r, res, engine, counts)
  local rq = json.array()
  for k, q in ipairs(res.quotes) do
    local where, line, col = r:where(q.start)
    local e = { index = k, start = q.start - 1, ["end"] = q.stop, text = q.text, kind = q.kind,
                where = where, line = line, col = col, confidence = q.confidence }
    if q.speaker then e.speaker = { name = q.speaker.name, role = q.speaker.role, org = q.speaker.org } end
    if q.cue then e.cue = q.cue.text end
    if q.check then
      local c = q.check
      e.check = { verdict = c.verdict, score = c.score, fails = c.fails, speaker_mismatch = c.speaker_mismatch,
                  diff = c.diff and json.array(c.diff) or nil, diff_line = c.diff_line }
      if c.source then
        e.check.source = { file = c.source.file, line = c.source.line, col = c.source.col, speaker = c.source.speaker,
                           start = c.source.start and c.source.start - 1, ["end"] = c.source.stop }
      end
    end
    rq[k] = e
  end
  local rs = json.array()
  for k, s in ipairs(res.sources or {}) do
    rs[k] = { name = s.name, role = s.role, org = s.org, kind = s.kind, words = s.words,
              quotes = quoted(s), paraphrased = tonumber(s.paraphrased) or 0 }
  end
  local report = { file = o.name, engine = engine.name, verbatim = VERSION, quotes = rq, sources = rs,
                   pandoc = PANDOC_VERSION and tostring(PANDOC_VERSION) or nil }
  if counts then report.summary = counts; report.pass = res.pass end
  write_file(o.report, json.encode(report) .. "\n")
end

-- ------------------------------------------------------------------ the project file

-- The .verbatim.yaml that governs the document: the first one walking up from the input
-- file's folder (the working directory for standard input), as every host looks for it.
-- Only its existence is looked at here; the engine's C parser reads it (engine.config).
local function find_project()
  local input = PANDOC_STATE and PANDOC_STATE.input_files and PANDOC_STATE.input_files[1]
  local dir = input and input ~= "-" and dirname(input) or "."
  if dir:sub(1, 1) ~= "/" then
    local cwd = pandoc.system and pandoc.system.get_working_directory and pandoc.system.get_working_directory()
      or os.getenv("PWD") or "."
    dir = dir == "." and cwd or (cwd .. "/" .. dir)
  end
  while true do
    if exists(dir .. "/.verbatim.yaml") then return dir .. "/.verbatim.yaml" end
    if dir == "/" or dir == "" then return nil end
    local up = dirname(dir)
    dir = (up == nil or up == "") and "/" or up
  end
end

-- The project file's keys where the metadata says nothing (its paths are resolved).
local function apply_project(o, cfg)
  local g = o.given
  if not g.check and cfg.check then o.check = cfg.check end
  if not g.index and cfg.index then
    o.index = cfg.index[1]
    if #cfg.index > 1 then warn("the filter checks against one index; " .. cfg.file .. " names " .. #cfg.index) end
  end
  if not g.strict and cfg.strict ~= nil then o.strict = cfg.strict end
  if not g["strict-terms"] and cfg["strict-terms"] ~= nil then o.strict_terms = cfg["strict-terms"] end
  if not g["fail-on"] and cfg["fail-on"] then o.fail_on = cfg["fail-on"] end
  if not g.borrowed and cfg.borrowed ~= nil then o.borrowed = cfg.borrowed > 0 and cfg.borrowed or nil end
  if not g.report and cfg.report then o.report = cfg.report end
  if not g.cues and cfg.cues then o.cues = cfg.cues end
  if not g.annotate and cfg.annotate ~= nil then o.annotate = cfg.annotate and "true" or nil end
  local ss = cfg["sources-section"]
  if not g["sources-section"] and ss ~= nil then o.sources = ss == true and "Sources" or (ss ~= false and ss or nil) end
  -- the engine: the environment first, then the metadata, then the file
  if not getenv("VERBATIM_ENGINE") and not g.engine and cfg.engine then o.engine = cfg.engine end
  if not getenv("VERBATIM_CLI") and not g.cli and cfg.cli then o.cli = cfg.cli end
end

-- ------------------------------------------------------------------ the filter

local function run(doc)
  -- pandoc.utils.type, userdata elements with settable fields: 2.17 and later
  if PANDOC_VERSION and PANDOC_VERSION.must_be_at_least then
    local ok = pcall(PANDOC_VERSION.must_be_at_least, PANDOC_VERSION, "2.17")
    if not ok then fail(("the filter needs pandoc 2.17 or later (this is %s)"):format(tostring(PANDOC_VERSION))) end
  end
  local o = read_options(doc.meta)
  local engine
  local project = find_project()
  if project then
    engine = load_engine(o)
    local cfg = engine.config(project)
    if cfg then
      local was = o.engine .. "\0" .. tostring(o.cli)
      apply_project(o, cfg)
      info("project file: " .. cfg.file)
      for _, w in ipairs(cfg.warnings or {}) do warn(w) end
      if o.engine .. "\0" .. tostring(o.cli) ~= was then engine = nil end   -- the file chose another engine
    end
  end
  local want_check = #o.check > 0 or o.index ~= nil
  local fmt = (FORMAT or ""):match("^[%w_]+") or ""
  local annotate = o.annotate ~= nil and (o.annotate == "always" or HTML[fmt] or fmt:match("html") ~= nil)
  local comments = o.comments and want_check and fmt == "docx"
  if o.strict and not want_check then
    -- a gate with nothing to check against would pass every draft
    fail("strict: nothing to check against: give check: (transcripts, folders) or index:")
  end
  if not (o.annotate or o.sources or want_check or o.report) then
    return nil   -- nothing asked: leave the document alone
  end
  local input = PANDOC_STATE and PANDOC_STATE.input_files and PANDOC_STATE.input_files[1]
  o.name = input or "-"
  if o.report and o.report:lower():match("%.html?$") then
    if not want_check then fail("report: an HTML report is a check's: give check: or index:") end
    o.page = { name = o.name, path = o.report }
    ensure_dir(o.report)
  end

  engine = engine or load_engine(o)
  info("engine: " .. engine.name)

  local r = new_renderer()
  r:document(doc.blocks)
  local text = r:text()

  for _, p in ipairs(o.check) do
    if not exists(p) then fail("check: cannot read " .. p) end
  end
  if o.index and not exists(o.index) then fail("index: cannot read " .. o.index) end
  -- one engine call: the quotes, their speakers and (checking) the verdicts and the gate
  local res = want_check and engine.check(text, o) or engine.analyze(text, o.cues)
  -- the check reads quotations only; the sources list also counts each source's reported
  -- speech, which only the analysis reads (one more call, when the list is asked for)
  if want_check and (o.sources or o.report) then res.sources = engine.analyze(text, o.cues).sources end
  local quotes = res.quotes
  r:locate_quotes(quotes, input)
  for _, q in ipairs(quotes) do flat(q.speaker) end
  for _, s in ipairs(res.sources or {}) do flat(s) end
  for _, d in ipairs(res.diagnostics or {}) do
    local off = d.pos or ((d.offset or 0) + 1)
    warn(("%s: %s"):format(r:where(off), d.message or "diagnostic"))
  end

  local counts, failing = nil, {}
  if want_check then
    counts = { verbatim = 0, faithful = 0, altered = 0, not_found = 0, cleaned = 0, uncovered = 0 }
    for _, q in ipairs(quotes) do
      local c = q.check or {}
      if c.verdict then counts[c.verdict] = (counts[c.verdict] or 0) + 1 end
      if c.fails then failing[#failing + 1] = describe(q, (r:where(q.start)))
      elseif wrong(q) then info(describe(q, (r:where(q.start)))) end
    end
    for _, b in ipairs(res.borrowed or {}) do
      failing[#failing + 1] = ("%s: %d words borrowed without quotation marks from %s:%s:%s"):format(
        (r:where(b.start)), b.words or 0, tostring(b.source and b.source.file), tostring(b.source and b.source.line),
        tostring(b.source and b.source.col))
    end
    if not o.strict then for _, m in ipairs(failing) do warn(m) end end
    info(("%d %s checked: %d verbatim, %d faithful, %d altered, %d not found%s%s; %s"):format(#quotes,
      #quotes == 1 and "quote" or "quotes", counts.verbatim, counts.faithful, counts.altered, counts.not_found,
      counts.cleaned > 0 and (", %d cleaned"):format(counts.cleaned) or "",
      counts.uncovered > 0 and (", %d uncovered"):format(counts.uncovered) or "",
      res.pass and "the check passes" or "the check fails"))
  end

  if annotate and #quotes > 0 then wrap_quotes(doc, r, quotes, html_span, o.review)
  elseif comments and #quotes > 0 then wrap_quotes(doc, r, quotes, comment_span) end
  if annotate and o.review then add_review_style(doc) end

  if o.sources then
    local blocks = doc.blocks
    blocks[#blocks + 1] = sources_section(o.sources, res.sources or {}, #quotes)
    doc.blocks = blocks
  end

  if o.report and not o.page then json_report(o, r, res, engine, counts) end

  -- the gate: the engine's word (pass), never worked out again here
  if o.strict and not res.pass then
    for _, m in ipairs(failing) do stderr:write("verbatim: ", m, "\n") end
    fail(("strict: %d of %d %s %s the check%s; no output written"):format(#failing, #quotes,
      #quotes == 1 and "quote" or "quotes", #failing == 1 and "fails" or "fail",
      #failing > 0 and " (above)" or ""), EXIT_GATE)
  end
  return doc
end

-- The filter's one entry: a Stop (fail) or an error of the engine's ("verbatim: …") is
-- one line and an exit status; anything else is a bug, told as one line too unless
-- VERBATIM_DEBUG is set (then pandoc shows the traceback).
local function finish(doc)
  local ok, res = pcall(run, doc)
  if ok then return res end
  local msg, code
  if getmetatable(res) == Stop then msg, code = res.msg, res.code
  elseif type(res) == "string" and res:find("^verbatim: ") then msg, code = res:sub(11), EXIT_ERROR
  elseif getenv("VERBATIM_DEBUG") then error(res, 0)
  else msg, code = "internal error: " .. tostring(res):match("^[^\n]*") .. " (VERBATIM_DEBUG=1 shows where)", EXIT_ERROR end
  stderr:write("verbatim: ", msg, "\n")
  stderr:flush()
  os.exit(code)
end

-- tests reach the internals through this global, set before loading the file
if type(VERBATIM_FILTER_INTERNALS) == "table" then
  local t = VERBATIM_FILTER_INTERNALS
  t.json, t.decode, t.excerpt, t.describe, t.tip = json, decode, excerpt, describe, tip
end

return { { Pandoc = finish } }
