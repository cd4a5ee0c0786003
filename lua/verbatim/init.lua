-- verbatim: quotes, speakers and quote checks for Lua, over the C engine verbatim.core.
local ok, core = pcall(require, "verbatim.core")
if not ok then
  -- Neovim: setup() must work before `make nvim` has built the core; commands explain
  if vim then
    return { missing = core, setup = function(o) return require("verbatim.nvim").setup(o) end }
  end
  error(core, 0)
end

local M = { version = core.version, core = core }

--- Neovim: options and live mode (lua/verbatim/nvim/); needs Neovim, loaded only here.
function M.setup(opts) return require("verbatim.nvim").setup(opts) end

local function argcheck(cond, n, fname, msg)
  if not cond then
    error(("bad argument #%d to '%s' (%s)"):format(n, fname, msg), 4)   -- the API function's caller
  end
end

local function check_text(text, fname)
  argcheck(type(text) == "string", 1, fname, "string expected, got " .. type(text))
end

local function check_opts(opts, n, fname)
  argcheck(opts == nil or type(opts) == "table", n, fname, "table expected, got " .. type(opts))
end

--- Every quotation in text: an array of {start=, stop=, text=, kind=, line=, col=}.
-- Positions are Lua string positions (1-based, inclusive). The second result holds
-- diagnostics (unbalanced marks) as {pos=, line=, col=, message=}.
function M.quotes(text, opts)
  check_text(text, "quotes")
  check_opts(opts, 2, "quotes")
  return core.quotes(text, opts)
end

--- Quotes with their speakers, and the article's sources.
-- Returns {quotes=, sources=, unattributed=, diagnostics=}. Each quote has the fields of
-- M.quotes plus speaker = {name=, start=, stop=, mention=, role=, org=}, cue = {text=,
-- start=, stop=}, confidence (0..1) and rule (the rule that named the speaker); speaker
-- and cue are nil where the text gives none. Each source is {name=, role=, org=, kind=,
-- quotes = {indices into quotes}, words=}; unattributed lists the speech quotes nobody
-- was found for. opts.cues: extra cue patterns (PCRE2, case-insensitive), e.g. {"chimed"};
-- opts.indirect: also list reported speech without marks (kind "indirect").
function M.analyze(text, opts)
  check_text(text, "analyze")
  check_opts(opts, 2, "analyze")
  if opts and opts.cues ~= nil then
    argcheck(type(opts.cues) == "table", 2, "analyze", "opts.cues: table expected, got " .. type(opts.cues))
    for i, p in ipairs(opts.cues) do
      argcheck(type(p) == "string", 2, "analyze", ("opts.cues[%d]: string expected, got %s"):format(i, type(p)))
    end
  end
  local ok, res = pcall(core.analyze, text, opts)
  if not ok then
    -- a pattern that does not compile: blame the caller, with PCRE2's message
    local msg = tostring(res):match("%((cue pattern.*)%)$")
    if msg then argcheck(false, 2, "analyze", msg) end
    error(res, 2)
  end
  return res
end

--- Check the quotes of text against sources: an array whose items are paths (files
-- or folders), {name=, text=} tables or index objects. Returns the quotes of
-- M.quotes, each with a `check` table {verdict=, score=, splice=, speaker_mismatch=,
-- source={file=, start=, stop=, line=, col=, speaker=}, diff={{op=, text=}, ...}},
-- and an array of borrowed passages (opts.borrowed = words, e.g. 12).
-- Each quote's speaker, compared with the turns of a transcript, is the one the engine
-- resolves (as the CLI does), unless opts.speakers gives one name per quote.
function M.check(text, sources, opts)
  check_text(text, "check")
  argcheck(type(sources) == "table", 2, "check", "table of sources expected, got " .. type(sources))
  check_opts(opts, 3, "check")
  return core.check(text, sources, opts)
end

--- Archive indexes: M.index.build(output, paths [, {append=true}]) writes an index of
-- the files under paths and opens it; M.index.open(path) maps one. Both return an
-- object with :check(text [, opts]) (as M.check) and :close(), or nil and a message.
M.index = {}

function M.index.build(output, paths, opts)
  argcheck(type(output) == "string", 1, "build", "string expected, got " .. type(output))
  if type(paths) == "string" then paths = { paths } end
  argcheck(type(paths) == "table", 2, "build", "table of paths expected, got " .. type(paths))
  check_opts(opts, 3, "build")
  return core.index_build(output, paths, opts)
end

function M.index.open(path)
  argcheck(type(path) == "string", 1, "open", "string expected, got " .. type(path))
  return core.index_open(path)
end

return M
