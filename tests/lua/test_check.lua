local vb = require("verbatim")
local T = {}
local h = require("helpers")
local eq, read = h.eq, h.read

local DIR = "tests/fixtures/check/"
local SRC = DIR .. "sources"

local function verdicts(qs)
  local v = {}
  for i, q in ipairs(qs) do v[i] = q.check.verdict end
  return table.concat(v, ",")
end

function T.check_against_a_folder()
  local text = read(DIR .. "draft.txt")
  local qs = vb.check(text, { SRC })
  eq(verdicts(qs), "verbatim,altered,faithful,faithful,not_found", "verdicts")
  local c = qs[1].check
  assert(c.source.file:find("hearing.txt$"), c.source.file)
  eq(c.source.speaker, "MR. OKAFOR", "speaker")
  eq(c.source.line, 5, "line")
  local src = read(SRC .. "/hearing.txt")
  eq(src:sub(c.source.start, c.source.start + 5), "Thirty", "source start is a Lua position")
  eq(src:sub(c.source.stop - 3, c.source.stop), "mind", "source stop is inclusive")
  assert(qs[4].check.source.file:find("more/report.txt$"), "recursive folder")
end

function T.diff_of_an_altered_quote()
  local qs = vb.check(read(DIR .. "draft.txt"), { SRC })
  local d = qs[2].check.diff
  local ops = {}
  for _, p in ipairs(d) do ops[#ops + 1] = p.op .. p.text end
  eq(table.concat(ops, "|"), "=The bridge will be finished by the end of|-next|+this|=year", "diff")
  assert(qs[2].check.score < 1)
end

function T.in_memory_sources_and_speakers()
  local text = "Lee said \u{201C}the bridge will be finished by the end of next year.\u{201D}"
  local qs = vb.check(text, { { name = "t.txt", text = read(SRC .. "/hearing.txt") } }, { speakers = { "Mr. Okafor" } })
  eq(qs[1].check.verdict, "verbatim")
  eq(qs[1].check.source.file, "t.txt")
  eq(qs[1].check.speaker_mismatch, true, "the transcript gives these words to Ms. Lee")
  qs = vb.check(text, { { name = "t.txt", text = read(SRC .. "/hearing.txt") } }, { speakers = { "Jane Lee" } })
  eq(qs[1].check.speaker_mismatch, false)
end

-- without opts.speakers, the speakers the engine resolves are compared, as the CLI does
function T.speakers_from_attribution_by_default()
  local src = { { name = "t.txt", text = read(SRC .. "/hearing.txt") } }
  local qs = vb.check("\u{201C}The bridge will be finished by the end of next year,\u{201D} said Adam Okafor.", src)
  eq(qs[1].check.verdict, "verbatim")
  eq(qs[1].check.speaker_mismatch, true, "the transcript gives these words to Ms. Lee")
  qs = vb.check("\u{201C}The bridge will be finished by the end of next year,\u{201D} said Jane Lee.", src)
  eq(qs[1].check.speaker_mismatch, false)
end

function T.borrowed_prose()
  local qs, borrowed = vb.check(read(DIR .. "borrowed.txt"), { SRC }, { borrowed = 12 })
  eq(#qs, 0)
  eq(#borrowed, 1)
  assert(borrowed[1].words >= 12)
  assert(borrowed[1].source.file:find("report.txt$"))
end

function T.index_build_open_check_close()
  local path = os.tmpname()
  local idx = assert(vb.index.build(path, { SRC }))
  local qs = idx:check(read(DIR .. "draft.txt"))
  eq(verdicts(qs), "verbatim,altered,faithful,faithful,not_found", "through the index")
  idx:close()
  local ok, err = pcall(idx.check, idx, "x")
  assert(not ok and err:find("closed"), err)
  local again = assert(vb.index.open(path))
  eq(again:check(read(DIR .. "clean.txt"))[1].check.verdict, "verbatim")
  again = nil
  collectgarbage()                    -- __gc closes it
  h.raises("^[^:]*test_check.lua:%d+: verbatim: .*draft.txt: not a verbatim index", function()
    local x = vb.index.open(DIR .. "draft.txt")
    return x
  end)
  local none, msg = vb.safe.index.open(DIR .. "draft.txt")
  eq(none, nil)
  assert(msg:find("^verbatim: .*draft.txt: not a verbatim index"), msg)
  os.remove(path)
end

function T.bad_arguments_are_clear_errors()
  local raises = h.raises
  raises("bad argument #2 to '[^']*' %(source or table of sources expected, got nil%)", vb.check, "x", nil)
  raises("bad argument #2 to '[^']*' %(no sources%)", vb.check, "x", {})
  raises("bad argument #2 to '[^']*' %(source 1: path, {path=, speaker=}, {name=, text=} or index expected, got number%)", vb.check, "x", { 42 })
  raises("bad argument #2 to '[^']*' %(source 1: text: string expected, got nil%)", vb.check, "x", { { name = "n" } })
  raises("bad argument #2 to '[^']*' %(source 2: text: string expected, got number%)", vb.check, "x", { { text = "y" }, { name = "n", text = 5 } })
  raises("bad argument #1 to '[^']*' %(string expected, got number%)", vb.index.open, 5)
  raises("bad argument #2 to '[^']*' %(path 2: string expected, got boolean%)", vb.index.build, os.tmpname(), { SRC, true })
  raises("bad argument #3 to '[^']*' %(opts.speakers: table expected, got string%)", vb.check, "x", { { text = "y" } }, { speakers = "Ann" })
  for _, w in ipairs({ 2.5, -1, 1, 1e300, 0/0, "12", {} }) do
    raises("bad argument #3 to '[^']*' %(opts.borrowed: ", vb.check, "x", { { text = "y" } }, { borrowed = w })
  end
end

-- the source table is read raw (no __index), and its text stays referenced by the
-- check even when a finaliser run during it drops the caller's reference
function T.text_sources_are_read_raw_and_kept()
  local text = read(DIR .. "draft.txt")
  local src = setmetatable({ name = "hearing" }, { __index = function() error("metamethod called") end })
  local ok, err = pcall(vb.check, text, { src })
  assert(not ok and err:find("source 1: text: string expected, got nil"), err)
  local hearing = read(SRC .. "/hearing.txt")
  local s = { name = "hearing", text = hearing .. "" }
  hearing = nil
  local qs = vb.check(text, { s }, { borrowed = false })
  eq(qs[1].check.verdict, "verbatim")
  eq(qs[1].check.source.file, "hearing")
  qs = vb.check(text, { s }, { borrowed = 12 })
  eq(qs[1].check.verdict, "verbatim")
end

-- one engine call: each checked quote carries its speaker, cue and rule, as vb.analyze
-- gives them, and the diff line every host prints (the CLI's, rendered in C)
function T.checked_quotes_carry_speaker_cue_and_diff_line()
  local text = read(DIR .. "draft.txt")
  local qs = vb.check(text, { SRC })
  local an = vb.analyze(text)
  eq(#qs, #an.quotes, "the same quotes")
  for i, q in ipairs(qs) do
    local a = an.quotes[i]
    eq(q.kind, a.kind, "kind " .. i)
    eq(q.speaker and q.speaker.name, a.speaker and a.speaker.name, "speaker " .. i)
    eq(q.cue and q.cue.text, a.cue and a.cue.text, "cue " .. i)
    eq(q.rule, a.rule, "rule " .. i)
  end
  eq(qs[2].check.diff_line, "The bridge will be finished by the end of [-next-] {+this+} year", "diff line")
  assert(not qs[1].check.diff_line:find("[-", 1, true) and not qs[1].check.diff_line:find("{+", 1, true),
    "a verbatim quote's line marks no change")
end

-- opts.cues and opts.indirect read the draft as vb.analyze does
function T.check_takes_the_analysis_options()
  local src = { { name = "t.txt", text = read(SRC .. "/hearing.txt") } }
  local text = "\u{201C}The bridge will be finished by the end of next year,\u{201D} Jane Lee chortles."
  local plain = vb.check(text, src)
  local cued = vb.check(text, src, { cues = { "chortles" } })
  eq(cued[1].speaker and cued[1].speaker.name, "Jane Lee", "a user cue names the speaker")
  eq(cued[1].cue and cued[1].cue.text, "chortles")
  assert(not (plain[1].cue and plain[1].cue.text == "chortles"), "without the pattern there is no such cue")
  assert(not pcall(vb.check, text, src, { cues = { "(" } }), "a pattern that does not compile is an argument error")
end

-- the gate is the engine's: each quote's check.fails and the draft's pass, as the CLI's
-- exit status and its --json "fails"/"pass" (tests/cli/test_output.sh) give them
function T.the_gate_comes_from_the_engine()
  local qs, borrowed, fails, gate = vb.check(read(DIR .. "misattributed.txt"), { SRC })
  eq(fails, true, "the third result: the draft fails the gate")
  eq(#borrowed, 0, "borrowed")
  eq(verdicts(qs), "verbatim,verbatim", "verdicts")
  eq(qs[1].check.speaker_mismatch, true, "the first is MS. LEE's words")
  eq(qs[1].check.fails, true, "a quote given to another speaker fails")
  eq(qs[2].check.fails, false, "the right speaker passes")
  eq(gate.pass, false, "the draft fails")
  eq(gate.failed, 1, "one quote fails")
  eq(gate.counts.verbatim, 2, "counts")
  -- the people quoted, as analyze() lists them: one call gives a host everything
  local an = vb.analyze(read(DIR .. "misattributed.txt"))
  eq(#gate.sources, #an.sources, "sources")
  for k, src in ipairs(an.sources) do eq(gate.sources[k].name, src.name, "source " .. k) end
  eq(#gate.diagnostics, #an.diagnostics, "diagnostics")
  qs, borrowed, fails, gate = vb.check(read(DIR .. "clean.txt"), { SRC })
  eq(gate.pass, true, "a clean draft passes")
  eq(fails, false, "... and does not fail")
  -- scare quotes and titles count only with strict_terms
  qs, borrowed, fails, gate = vb.check(read(DIR .. "terms.txt"), { SRC })
  eq(gate.pass, true, "terms do not count")
  eq(qs[2].check.fails, false, "a title not found does not fail")
  qs, borrowed, fails, gate = vb.check(read(DIR .. "terms.txt"), { SRC }, { strict_terms = true })
  eq(gate.pass, false, "strict_terms: they do")
  eq(qs[2].check.fails, true, "strict_terms: the title fails")
  h.raises("opts.strict_terms", vb.check, "x", { SRC }, { strict_terms = "yes" })
  -- borrowed prose fails the draft, as the CLI's --borrowed does
  qs, borrowed, fails, gate = vb.check(read(DIR .. "borrowed.txt"), { SRC }, { borrowed = 12 })
  assert(#borrowed > 0, "a borrowed run")
  eq(gate.pass, false, "borrowed prose fails the draft")
  eq(fails, true, "... the third result too")
end

-- opts.html: the audit page the CLI's --html writes, from the same call
function T.the_audit_page_from_the_same_call()
  local text = read(DIR .. "draft.txt")
  local qs, _, _, gate = vb.check(text, { SRC }, { html = "draft <1>.txt" })
  assert(gate.html:find("^<!DOCTYPE html>"), "a page")
  assert(gate.html:find("<title>Quote check: draft &lt;1&gt;.txt</title>", 1, true), "the name, escaped")
  local n = 0
  for v in gate.html:gmatch('<mark class="q v%-([%w_]+)') do n = n + 1; eq(v, qs[n].check.verdict, "mark " .. n) end
  eq(n, #qs, "a mark a quote")
  assert(gate.html:find("<del>next</del>", 1, true), "the diff")
  local _, _, _, g2 = vb.check(text, { SRC })
  eq(g2.html, nil, "no page unless asked")
  h.raises("opts.html", vb.check, text, { SRC }, { html = 3 })
end

-- the gate, as the CLI's --fail-on: which quotes fail, and whether the draft does
local EV = "tests/fixtures/evidence/"
function T.gate_policy_and_given_speakers()
  local draft = read(EV .. "draft.txt")
  local src = { EV .. "interview.txt", { path = EV .. "speech.txt", speaker = "Rosa Imbert" } }
  local qs, _, fails = vb.check(draft, src)
  eq(verdicts(qs), "verbatim,verbatim,cleaned,verbatim,verbatim,verbatim,verbatim,altered,uncovered", "verdicts")
  eq(fails, true, "an altered and a misattributed quote fail by default")
  eq(qs[4].check.source.speaker, "Rosa Imbert", "{path=, speaker=} gives the speech to its speaker")
  eq(qs[7].check.speaker_mismatch, true)
  eq(qs[7].check.fails, true)
  eq(qs[9].check.fails, false, "uncovered passes by default")
  local cleanup = 0
  for _, p in ipairs(qs[3].check.diff) do if p.cleanup then cleanup = cleanup + 1 end end
  eq(cleanup, 2, "the dropped uh and the false start")
  for _, q in ipairs(qs) do assert(q.check.confidence >= 0 and q.check.confidence <= 1, "confidence") end
  _, _, fails = vb.check(draft, src, { fail_on = "-altered,-misattributed" })
  eq(fails, false, "opts.fail_on removes classes")
  qs, _, fails = vb.check(draft, src, { fail_on = { "uncovered" } })
  eq(fails, true, "a table of classes")
  eq(qs[9].check.fails, true)
  eq(qs[8].check.fails, false)
  assert(not pcall(vb.check, draft, src, { fail_on = "bogus" }), "an unknown class is an argument error")
  assert(not pcall(vb.check, draft, { { path = EV .. "speech.txt", speaker = 3 } }), "a speaker is a string")
end

return T
