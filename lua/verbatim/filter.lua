--[[ verbatim.lua: a pandoc Lua filter over the verbatim engine.

  pandoc --lua-filter lua/verbatim/filter.lua article.md -o article.html

Options, in the document's metadata:

  verbatim:
    annotate: true          # wrap each quote in a Span.quote with data-speaker/data-verdict (HTML)
    sources-section: true   # append a "Sources" section (or give its title as a string)
    check: [transcript.txt] # check the quotes against these files
    index: archive.vbi      # ... or against an index built by `verbatim index`
    strict: true            # fail (non-zero exit) when a quote is altered or not found
    report: quotes.json     # write the JSON report here
    engine: auto            # auto | native | cli  (also VERBATIM_ENGINE)
    cli: verbatim           # the CLI to run when the native module is missing (also VERBATIM_CLI)
    cues: ["chimed in"]     # extra cue patterns (PCRE2)

The same keys may sit in a project file, .verbatim.yaml, found by walking up from the
input file's folder (README, "The project file"): a key the metadata sets wins over it.

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

-- pandoc 3.2+ has pandoc.log, which honours --quiet and --fail-if-warnings
local function warn(msg)
  msg = "verbatim: " .. msg
  if pandoc and pandoc.log and pandoc.log.warn then
    pandoc.log.warn(msg)
  else
    stderr:write("[WARNING] ", msg, "\n")
  end
end

local function info(msg)
  if pandoc and pandoc.log and pandoc.log.info then
    pandoc.log.info("verbatim: " .. msg)
  elseif PANDOC_STATE and PANDOC_STATE.verbosity == "INFO" then
    stderr:write("[INFO] verbatim: ", msg, "\n")
  end
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
  local function fail(what)
    error(("verbatim: bad JSON from the engine at byte %d: %s"):format(i, what), 0)
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
      if not j then fail("unterminated string") end
      n = n + 1; out[n] = s:sub(i, j - 1)
      if s:byte(j) == 34 then i = j + 1; break end
      local e = s:sub(j + 1, j + 1)
      if e == "u" then
        local cp = tonumber(s:sub(j + 2, j + 5), 16)
        if not cp then fail("bad \\u escape") end
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
        fail("bad escape")
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
        if s:sub(i, i) ~= '"' then fail("key expected") end
        local k = str()
        ws()
        if s:sub(i, i) ~= ":" then fail("':' expected") end
        i = i + 1
        t[k] = value()
        ws()
        c = s:sub(i, i); i = i + 1
        if c == "}" then return t end
        if c ~= "," then fail("',' or '}' expected") end
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
        if c ~= "," then fail("',' or ']' expected") end
      end
    elseif c == '"' then
      return str()
    elseif s:find("^true", i) then i = i + 4; return true
    elseif s:find("^false", i) then i = i + 5; return false
    elseif s:find("^null", i) then i = i + 4; return nil
    else
      local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
      if not num or num == "" or num == "-" then fail("unexpected '" .. c .. "'") end
      i = i + #num
      return math.tointeger(tonumber(num)) or tonumber(num)
    end
  end
  local v = value()
  ws()
  if i <= #s then fail("trailing data") end
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

-- transcripts are found from the working directory, as pandoc finds resources, or
-- next to the input file
local function resolve(path)
  if exists(path) or path:match("^/") then return path end
  local input = PANDOC_STATE and PANDOC_STATE.input_files and PANDOC_STATE.input_files[1]
  local dir = dirname(input)
  if dir and exists(dir .. "/" .. path) then return dir .. "/" .. path end
  return path
end

local function read_options(meta)
  local m = meta.verbatim or {}
  local ty = type(m) == "table" and pandoc.utils.type and pandoc.utils.type(m)
  if type(m) ~= "table" or ty == "Inlines" or ty == "List" or ty == "Blocks" then m = {} end
  local o = {
    annotate = m.annotate ~= nil and stringify(m.annotate) or nil,
    sources = m["sources-section"],
    check = strings(m.check),
    index = m.index and stringify(m.index) or nil,
    strict = truthy(m.strict),
    report = m.report and stringify(m.report) or nil,
    engine = getenv("VERBATIM_ENGINE") or (m.engine and stringify(m.engine)) or "auto",
    cli = getenv("VERBATIM_CLI") or (m.cli and stringify(m.cli)) or nil,
    cues = strings(m.cues),
    given = {},             -- the keys the metadata sets, which the project file does not override
  }
  for _, k in ipairs({ "annotate", "sources-section", "check", "index", "strict", "report", "engine", "cli", "cues" }) do
    if m[k] ~= nil then o.given[k] = true end
  end
  if o.annotate == "false" or o.annotate == "no" then o.annotate = nil end
  if o.sources ~= nil then
    local s = stringify(o.sources)
    if s == "false" or s == "no" or s == "" then o.sources = nil
    elseif s == "true" or s == "yes" then o.sources = "Sources"
    else o.sources = s end
  end
  for k, p in ipairs(o.check) do o.check[k] = resolve(p) end
  if o.index then o.index = resolve(o.index) end
  return o
end

-- ------------------------------------------------------------------ engines

-- The native engine: verbatim.core loaded into pandoc's own Lua. The filter's tree
-- (lua/verbatim/filter.lua) puts lua/ on the path so require "verbatim" finds init.lua.
local function native_engine()
  local here = dirname(SCRIPT_FILE or "")
  if here then
    package.path = here .. "/../?.lua;" .. here .. "/../?/init.lua;" .. package.path
    -- installed as PREFIX/share/pandoc/filters/verbatim.lua (make install) or as
    -- PREFIX/share/lua/5.x/verbatim/filter.lua (a rock): the module is in PREFIX too
    local prefix = here:match("^(.*)/share/pandoc/filters$") or here:match("^(.*)/share/lua/[%d.]+/verbatim$")
    local v = _VERSION:match("%d+%.%d+")
    if prefix and v then
      package.path = ("%s/share/lua/%s/?.lua;%s/share/lua/%s/?/init.lua;"):format(prefix, v, prefix, v) .. package.path
      package.cpath = ("%s/lib/lua/%s/?.so;"):format(prefix, v) .. package.cpath
    end
  end
  local ok, vb = pcall(require, "verbatim.safe")
  if not ok then return nil, tostring(vb) end
  -- verbatim.safe: an unreadable source or index is nil, message (one clean line)
  local e = { name = "native" }
  function e.analyze(text, cues)
    -- the filter marks quotations only
    return vb.analyze(text, { indirect = false, cues = cues and #cues > 0 and cues or nil })
  end
  function e.config(path)
    local c, err = vb.config(path)
    if err then error(err, 0) end
    return c
  end
  function e.check(text, paths, index, cues)
    local sources, idx, err = {}, nil, nil
    for k, p in ipairs(paths) do sources[k] = p end
    if index then
      idx, err = vb.index.open(index)
      if not idx then error(err, 0) end
      sources[#sources + 1] = idx
    end
    local r
    r, err = vb.check(text, sources, cues and #cues > 0 and { cues = cues } or nil)
    if idx then idx:close() end
    if not r then error(err, 0) end
    return r
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
    if code ~= 0 then error(("verbatim: %s config failed (exit %s): %s"):format(exe, tostring(code), tostring(out)), 0) end
    local c = decode(out)
    return c ~= nil and c or nil
  end
  function e.analyze(text, cues)
    local args = cue_args({ "--no-config", "quotes", "--json" }, cues)
    args[#args + 1] = "-"
    local out, code = run(exe, args, text)
    if code ~= 0 then error(("verbatim: %s quotes failed (exit %s)"):format(exe, tostring(code)), 0) end
    local r = decode(out)
    -- the filter marks quotations only: reported speech (kind indirect) is left out
    local quoted = {}
    for _, q in ipairs(r.quotes or {}) do if q.kind ~= "indirect" then quoted[#quoted + 1] = q end end
    local sources = {}
    for _, src in ipairs(r.sources or {}) do
      if src.quoted == nil or src.quoted > 0 then sources[#sources + 1] = src end
    end
    return { quotes = cli_quotes(quoted), sources = sources, diagnostics = r.diagnostics or {} }
  end
  function e.check(text, paths, index, cues)
    local args = { "--no-config", "check", "--json" }
    if index then args[#args + 1] = "--index"; args[#args + 1] = index end
    for _, p in ipairs(paths) do args[#args + 1] = "--source"; args[#args + 1] = p end
    cue_args(args, cues)
    args[#args + 1] = "-"
    local out, code = run(exe, args, text)
    if code ~= 0 and code ~= 1 then
      error(("verbatim: %s check failed (exit %s)"):format(exe, tostring(code)), 0)
    end
    return cli_quotes(decode(out).quotes)
  end
  return e
end

local function load_engine(o)
  local why
  if o.engine ~= "cli" then
    local e, err = native_engine()
    if e then return e end
    why = err
    if o.engine == "native" then error("verbatim: native engine unavailable: " .. tostring(why), 0) end
  end
  local e, err = cli_engine(o.cli)
  if not e then
    error("verbatim: no engine: the Lua module verbatim.core does not load here"
      .. (why and (" (" .. why:match("^[^\n]*") .. ")") or "")
      .. " and " .. err .. "; set VERBATIM_CLI or put verbatim on PATH", 0)
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

-- "article.md:12:5" from sourcepos, else "paragraph 4"
function Renderer:where(off)
  local sp = lookup(self.srcpos, off)
  if sp then
    local file, line, col = sp[2]:match("^(.-)@?(%d+):(%d+)")
    if line then
      if file == "" then file = PANDOC_STATE and PANDOC_STATE.input_files[1] or "input" end
      return ("%s:%s:%s"):format(file, line, col), tonumber(line), tonumber(col)
    end
  end
  local b = lookup(self.blocks, off)
  return ("paragraph %d"):format(b and b[2] or 1)
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

local function merge_checks(quotes, checked)
  local by = {}
  for _, c in ipairs(checked) do if c.start then by[c.start] = c end end
  for _, q in ipairs(quotes) do
    local c = by[q.start]
    if c then
      q.check = c.check
      if not q.speaker then q.speaker = c.speaker; flat(q.speaker) end
    end
  end
end

local function excerpt(s, max)
  s = (s or ""):gsub("%s+", " ")
  if utf8.len(s) and utf8.len(s) > max then
    s = s:sub(1, utf8.offset(s, max + 1) - 1) .. "…"
  end
  return s
end

local BAD = { altered = true, not_found = true }

local function describe(q, where)
  local s = ("%s quote “%s” at %s"):format(q.check and q.check.verdict or q.kind or "quote",
    excerpt(q.text, 60), where)
  if q.speaker and q.speaker.name then s = s .. " (" .. q.speaker.name .. ")" end
  local c = q.check
  if c then
    if c.verdict == "altered" then
      local d = c.diff_line
      if d and d ~= "" then s = s .. ": differs from the source ([-source-] {+quote+}): " .. d end
    elseif c.verdict == "not_found" then
      s = s .. ": not in the sources"
    end
    if c.source and c.source.file and c.verdict ~= "not_found" then
      s = s .. (" [%s:%s:%s]"):format(c.source.file, tostring(c.source.line or "?"), tostring(c.source.col or "?"))
    end
  end
  return s
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

local function sources_section(title, sources, nquotes)
  local items = {}
  for _, s in ipairs(sources) do
    if not s.name or s.name == "" then goto next end
    local what = {}
    if s.role and s.role ~= "" then what[#what + 1] = s.role end
    if s.org and s.org ~= "" and s.org ~= s.name then what[#what + 1] = s.org end
    local n = type(s.quotes) == "table" and #s.quotes or tonumber(s.quotes) or 0
    local inl = { pandoc.Strong(words(s.name)) }
    if #what > 0 then
      inl[2] = pandoc.Str(",")
      words(table.concat(what, ", "), inl)
    end
    words(("(%d %s)"):format(n, n == 1 and "quote" or "quotes"), inl)
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

local function span_maker(q_attrs)
  return function(content, w)
    return pandoc.Span(content, pandoc.Attr("", { "quote" }, q_attrs(w)))
  end
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
    PANDOC_VERSION:must_be_at_least("2.17", "verbatim: the filter needs pandoc %s or later (this is %s)")
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
  if not (o.annotate or o.sources or want_check or o.report) then
    return nil   -- nothing asked: leave the document alone
  end

  engine = engine or load_engine(o)
  info("engine: " .. engine.name)

  local r = new_renderer()
  r:document(doc.blocks)
  local text = r:text()

  local res = engine.analyze(text, o.cues)
  local quotes = res.quotes
  for _, q in ipairs(quotes) do flat(q.speaker) end
  for _, s in ipairs(res.sources or {}) do flat(s) end
  for _, d in ipairs(res.diagnostics or {}) do
    local off = d.pos or ((d.offset or 0) + 1)
    warn(("%s at %s"):format(d.message or "diagnostic", r:where(off)))
  end

  if o.strict and not want_check then warn("strict has nothing to enforce without check or index") end
  local counts = { verbatim = 0, faithful = 0, altered = 0, not_found = 0 }
  local bad = {}
  if want_check then
    for _, p in ipairs(o.check) do
      if not exists(p) then error("verbatim: check: cannot read " .. p, 0) end
    end
    if o.index and not exists(o.index) then error("verbatim: index: cannot read " .. o.index, 0) end
    merge_checks(quotes, engine.check(text, o.check, o.index, o.cues))
    for k, q in ipairs(quotes) do
      local v = q.check and q.check.verdict
      if v then counts[v] = (counts[v] or 0) + 1 end
      -- scare quotes and titles (kind term) are not speech: no source owes them
      local speech = q.kind ~= "term" and q.kind ~= "indirect"
      if v and BAD[v] and speech then
        local msg = describe(q, (r:where(q.start)))
        bad[#bad + 1] = msg
        warn(msg)
      elseif v and BAD[v] then
        info(describe(q, (r:where(q.start))) .. " (not speech: not enforced)")
      elseif speech and not v then
        info(("quote %d has no verdict"):format(k))
      end
    end
    info(("%d quotes checked: %d verbatim, %d faithful, %d altered, %d not found"):format(
      #quotes, counts.verbatim, counts.faithful, counts.altered, counts.not_found))
  end

  if annotate and #quotes > 0 then
    local roots = r.roots
    for k, q in ipairs(quotes) do
      local qa, qb = q.start, q.stop
      for n = first_root(roots, qa), #roots do
        local root = roots[n]
        if root.a > qb then break end
        plan(root, qa, qb, { q = q, n = k })
      end
    end
    current_span_maker = span_maker(function(w)
      local q, a = w.q, { { "data-quote", tostring(w.n) } }
      if q.kind then a[#a + 1] = { "data-kind", q.kind } end
      if q.speaker and q.speaker.name then a[#a + 1] = { "data-speaker", q.speaker.name } end
      if q.check and q.check.verdict then a[#a + 1] = { "data-verdict", q.check.verdict } end
      local title = {}
      if q.speaker and q.speaker.name then title[#title + 1] = q.speaker.name end
      if q.check and q.check.verdict then title[#title + 1] = q.check.verdict:gsub("_", " ") end
      if #title > 0 then a[#a + 1] = { "title", table.concat(title, ": ") } end
      return a
    end)
    local blocks = doc.blocks
    current_roots = roots
    rewrite_blocks(blocks, roots, 1)
    doc.blocks = blocks
  end

  if o.sources then
    local blocks = doc.blocks
    blocks[#blocks + 1] = sources_section(o.sources, res.sources or {}, #quotes)
    doc.blocks = blocks
  end

  if o.report then
    local rq = json.array()
    for k, q in ipairs(quotes) do
      local where, line, col = r:where(q.start)
      local e = { index = k, start = q.start - 1, ["end"] = q.stop, text = q.text, kind = q.kind,
                  where = where, line = line, col = col, confidence = q.confidence }
      if q.speaker then e.speaker = { name = q.speaker.name, role = q.speaker.role, org = q.speaker.org } end
      if q.cue then e.cue = q.cue.text end
      if q.check then
        local c = q.check
        e.check = { verdict = c.verdict, score = c.score, diff = c.diff and json.array(c.diff) or nil }
        if c.source then
          e.check.source = { file = c.source.file, line = c.source.line, col = c.source.col,
                             start = c.source.start and c.source.start - 1, ["end"] = c.source.stop }
        end
      end
      rq[k] = e
    end
    local rs = json.array()
    for k, s in ipairs(res.sources or {}) do
      rs[k] = { name = s.name, role = s.role, org = s.org, kind = s.kind, words = s.words,
                quotes = type(s.quotes) == "table" and #s.quotes or s.quotes }
    end
    local input = PANDOC_STATE and PANDOC_STATE.input_files and PANDOC_STATE.input_files[1]
    local report = { file = input or "-", engine = engine.name, verbatim = VERSION, quotes = rq, sources = rs,
                     pandoc = PANDOC_VERSION and tostring(PANDOC_VERSION) or nil }
    if want_check then report.summary = counts end
    local f, err = io.open(o.report, "wb")
    if not f then error("verbatim: report: " .. tostring(err), 0) end
    f:write(json.encode(report), "\n")
    f:close()
  end

  if o.strict and #bad > 0 then
    error(("verbatim: strict: %d of %d quotes misquoted:\n  %s"):format(#bad, #quotes,
      table.concat(bad, "\n  ")), 0)
  end
  return doc
end

-- tests reach the internals through this global, set before loading the file
if type(VERBATIM_FILTER_INTERNALS) == "table" then
  local t = VERBATIM_FILTER_INTERNALS
  t.json, t.decode, t.excerpt = json, decode, excerpt
end

return { { Pandoc = run } }
