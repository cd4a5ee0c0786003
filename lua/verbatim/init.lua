-- verbatim: quotes, speakers and quote checks for Lua, over the C engine verbatim.core.
-- Portable: the same in any Lua the module is built for (Neovim's side is verbatim.nvim).
--
-- Errors, one convention for every function (README, "Lua"):
--  * a wrong argument raises "bad argument #n to 'f' (...)" at the caller's line; so
--    does running out of memory ("verbatim: out of memory");
--  * an operation that fails (a source that cannot be read, an index that cannot be
--    opened or written, a cue pattern that exceeds PCRE2's match limit on this text)
--    raises "verbatim: <what failed>" here, and returns nil, "verbatim: <what failed>"
--    from require("verbatim.safe"), whose functions are otherwise the same.
-- The C functions check their arguments themselves: nothing here checks them again.
local core = require("verbatim.core")

-- The API over one set of C functions: verbatim.core's, or verbatim.core.safe's.
local function api(c)
  return {
    version = core.version,
    _VERSION = core._VERSION,                        -- "verbatim 0.1.0"
    core = core,

    --- prose(text [, format]): text with what is not prose (front matter, code, link
    -- targets and titles, HTML comments and tags, shortcodes) turned to spaces, line
    -- breaks kept: a string of the same length, so positions stay those of text. format
    -- is "markdown" (the default) or "text". What opts.format = "markdown" reads.
    prose = c.prose,

    --- quotes(text [, opts]): every quotation in text, an array of {start=, stop=, text=,
    -- kind=, line=, col=[, parts=]}. Positions are Lua string positions (1-based,
    -- inclusive). The second result holds diagnostics (unbalanced marks) as {pos=, line=,
    -- col=, message=}. opts.nested: also the quotes inside quotes. opts.format = "markdown":
    -- read text as Markdown or Quarto (prose()), "text" (the default) as it is; positions
    -- stay those of text. Cannot fail.
    quotes = c.quotes,

    --- analyze(text [, opts]): quotes with their speakers, and the article's sources.
    -- Returns {quotes=, sources=, unattributed=, diagnostics=}. Each quote has the fields
    -- of quotes() plus speaker = {name=, start=, stop=, mention=, role=, org=}, cue =
    -- {text=, start=, stop=}, confidence (0..1) and rule (the rule that named the
    -- speaker); speaker and cue are nil where the text gives none. Each source is
    -- {name=, role=, org=, kind=, quotes = {indices into quotes}, words=, quoted=,
    -- paraphrased=, paraphrases = {indices of its reported speech}}; unattributed lists
    -- the speech quotes nobody was found for. Reported speech without marks ("X said
    -- that …") is among the quotes, of kind "indirect"; opts.indirect = false leaves it
    -- out. opts.cues: extra cue patterns (PCRE2, case-insensitive), e.g. {"chimed"}, one
    -- that does not compile being a wrong argument; opts.format as in quotes().
    -- Fails when a cue pattern exceeds the match limit on this text.
    analyze = c.analyze,

    --- check(text, sources [, opts]): check the quotes of text against sources, an array
    -- whose items are paths (files or folders), {path=, speaker=} (files whose words are
    -- speaker's wherever no turn label says), {name=, text= [, speaker=]} tables or
    -- index objects (or one of them alone, as index.build takes one path). Returns the
    -- quotes of quotes(), each with a `check` table
    -- {verdict= (verbatim, faithful, cleaned, altered, not_found, uncovered), score=,
    -- confidence=, evidence_bits=, needed_bits=, splice=, speaker_mismatch=, quoted=,
    -- fails=, source={file=, start=, stop=, line=, col=, speaker=},
    -- diff={{op=, text= [, cleanup=true]}, ...}, diff_line=}; an array of borrowed
    -- passages (opts.borrowed = words, e.g. 12); whether the draft fails the gate; and
    -- the draft as a whole: {pass=, failed=, counts={verbatim=, faithful=, altered=,
    -- not_found=, cleaned=, uncovered=}, sources=, unattributed=, diagnostics=} (sources
    -- and the rest as analyze() gives them). The third result, pass and each quote's
    -- fails are the gate's word, the engine's one gate, which `verbatim check` exits by:
    -- opts.fail_on = "altered,not_found" (only these), "+uncovered" (add), "-not_found"
    -- (remove), or a table of names; opts.strict_terms counts scare quotes and titles.
    -- opts.html = NAME (or true) puts the audit page of `verbatim check --html` in the
    -- fourth result as html, the draft named NAME. Each quote's speaker, compared with
    -- the turns of a transcript, is the one the engine resolves (as the CLI does), unless
    -- opts.speakers gives one name per quote; opts.format as in quotes(). Fails when a
    -- source file cannot be read or holds more than opts.max_size bytes (default 256 MiB;
    -- 0: no limit), however little the text quotes; no sources, or a closed index among
    -- them, is a wrong argument.
    check = c.check,

    --- Archive indexes. index.build(output, paths [, {append=true, max_size=N}]) writes
    -- an index of the files under paths (one path or an array of paths or {path=,
    -- speaker=}) and opens it; index.open(path) maps one. Both return an object with
    -- :check(text [, opts]) (as check()) and :close() (also closed when collected), and
    -- fail when the index cannot be written or read, or (build) a file under paths does
    -- not open or is over max_size.
    -- An index opened through verbatim.safe fails softly in :check too.
    index = { build = c.index_build, open = c.index_open },

    --- config([path]): the project file (.verbatim.yaml) that governs path (a draft or a
    -- folder; default the working directory), found by walking up the folders; nil when
    -- there is none. A table of the keys the file sets (check, index, cues, strict,
    -- ["strict-terms"], ["fail-on"], borrowed, indirect, nested, ["max-size"], annotate,
    -- ["sources-section"], report, engine, cli, debounce; paths resolved against its
    -- folder) plus file, dir and warnings (unknown keys). Fails when the file does not
    -- parse or a value has the wrong type (README, "The project file").
    config = c.config,
  }
end

local M = api(core)
--- The same API with failures as nil, message (also require("verbatim.safe")).
M.safe = api(core.safe)
return M
