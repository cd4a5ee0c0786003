-- vb.analyze: speakers, cues and sources, under every Lua the module is built for.
local vb = require("verbatim")
local T = {}
local h = require("helpers")
local LQ, RQ, eq, raises = h.LQ, h.RQ, h.eq, h.raises

local text = "Mayor Ruth Ames opened the bridge.\n\n" ..
  LQ .. "This is a great day," .. RQ .. " she said. " .. LQ .. "We waited ten years." .. RQ .. "\n\n" ..
  LQ .. "It cost too much," .. RQ .. " said Omar Kent, a budget analyst at the Civic Audit Office.\n\n" ..
  "The so-called " .. LQ .. "bridge tax" .. RQ .. " was dropped.\n\n" ..
  "Later that day nobody spoke.\n\n" .. LQ .. "What a long and strange week this has been for all of us." .. RQ

function T.result_shape()
  local r = vb.analyze(text)
  eq(type(r.quotes), "table", "quotes")
  eq(type(r.sources), "table", "sources")
  eq(type(r.unattributed), "table", "unattributed")
  eq(type(r.diagnostics), "table", "diagnostics")
  eq(#r.quotes, 5, "quote count")
end

function T.speaker_and_cue_positions()
  local r = vb.analyze(text)
  local q = r.quotes[1]
  eq(q.text, "This is a great day,", "text")
  eq(q.speaker.name, "Ruth Ames", "resolved name")
  eq(text:sub(q.speaker.start, q.speaker.stop), "she", "mention span")
  eq(q.speaker.role, "Mayor", "role")
  eq(q.cue.text, "said", "cue")
  eq(text:sub(q.cue.start, q.cue.stop), "said", "cue span")
  assert(q.confidence > 0 and q.confidence <= 1, "confidence in (0, 1]")
  eq(type(q.rule), "string", "rule")
  eq(r.quotes[2].speaker.name, "Ruth Ames", "continuation")
  eq(r.quotes[2].rule, "continuation", "continuation rule")
  local k = r.quotes[3]
  eq(k.speaker.name, "Omar Kent", "inverted")
  eq(k.speaker.role, "budget analyst", "appositive role")
  eq(k.speaker.org, "Civic Audit Office", "appositive org")
end

function T.terms_have_no_speaker()
  local r = vb.analyze(text)
  eq(r.quotes[4].kind, "term", "kind")
  eq(r.quotes[4].speaker, nil, "speaker")
  eq(r.quotes[4].cue, nil, "cue")
end

function T.sources_and_unattributed()
  local r = vb.analyze(text)
  eq(#r.sources, 2, "sources")
  eq(r.sources[1].name, "Ruth Ames", "first source")
  eq(r.sources[1].role, "Mayor", "role")
  eq(#r.sources[1].quotes, 2, "her quotes")
  eq(r.sources[1].quotes[1], 1, "1-based index")
  eq(r.sources[1].words, 9, "words quoted")
  eq(r.sources[2].org, "Civic Audit Office", "org")
  eq(#r.unattributed, 1, "unattributed")
  eq(r.unattributed[1], 5, "the last quote")
end

function T.extra_cue_patterns()
  local s = LQ .. "Lovely weather," .. RQ .. " chirps Bo Lane."
  local r = vb.analyze(s)
  eq(r.quotes[1].speaker, nil, "no speaker without the pattern")
  r = vb.analyze(s, { cues = { "chirp(ed|s)?" } })
  eq(r.quotes[1].speaker.name, "Bo Lane", "speaker with the pattern")
  eq(r.quotes[1].cue.text, "chirps", "cue")
end

function T.runaway_cue_pattern()
  -- nested repeats on a long run of a's that ends in b backtrack without end: PCRE2's match
  -- limit stops them, and the error names the pattern rather than blaming memory
  local s = "He said it. " .. string.rep("a", 5000) .. "b"
  raises("verbatim: cue pattern 2: match limit exceeded", vb.analyze, s, { cues = { "chirped", "(a+)+$" } })
  raises("verbatim: cue pattern 1: match limit exceeded", vb.analyze, s, { cues = { "(a|aa)+$" } })
  -- a failure of this text, not a wrong argument: verbatim.safe returns nil, message
  local none, msg = vb.safe.analyze(s, { cues = { "(a|aa)+$" } })
  eq(none, nil, "safe result")
  eq(msg, "verbatim: cue pattern 1: match limit exceeded", "safe message")
  -- the same patterns on text they cannot run away on still work
  local r = vb.analyze("He said it. aaa", { cues = { "chirped", "(a+)+$" } })
  eq(type(r.quotes), "table", "a short run")
end

function T.indirect_by_default()
  local s = "Jessica Vaughan said the new rule sounds a lot like an older program."
  local r = vb.analyze(s)
  eq(#r.quotes, 1, "one item")
  eq(r.quotes[1].kind, "indirect", "kind")
  eq(r.quotes[1].text, "the new rule sounds a lot like an older program", "text")
  eq(r.quotes[1].speaker.name, "Jessica Vaughan", "speaker")
  eq(r.quotes[1].cue.text, "said", "cue")
  eq(r.quotes[1].rule, "subject-cue-clause", "rule")
  eq(r.sources[1].quoted, 0, "quoted statements")
  eq(r.sources[1].paraphrased, 1, "paraphrased statements")
  eq(r.sources[1].paraphrases[1], 1, "the item, 1-based")
  eq(#vb.analyze(s, { indirect = true }).quotes, 1, "indirect = true: the same")
  eq(#vb.analyze(s, { indirect = false }).quotes, 0, "indirect = false leaves it out")
  raises("opts.indirect: boolean expected, got string", vb.analyze, s, { indirect = "no" })
end

function T.bad_arguments()
  raises("bad argument #1 to '[^']*' %(string expected, got nil%)", vb.analyze, nil)
  raises("bad argument #1 to '[^']*' %(string expected, got table%)", vb.analyze, {})
  raises("bad argument #2 to '[^']*' %(table expected, got string%)", vb.analyze, "x", "y")
  raises("bad argument #2 to '[^']*' %(opts.cues: table expected, got number%)", vb.analyze, "x", { cues = 3 })
  raises("bad argument #2 to '[^']*' %(opts.cues%[2%]: string expected, got boolean%)", vb.analyze, "x", { cues = { "a", true } })
  raises("bad argument #2 to '[^']*' %(cue pattern 1: .*parenthesis", vb.analyze, "x", { cues = { "(said" } })
  raises("bad argument #2 to '[^']*' %(cue pattern 1: empty pattern", vb.analyze, "x", { cues = { "" } })
end

function T.hostile_text()
  local r = vb.analyze("")
  eq(#r.quotes, 0, "empty")
  r = vb.analyze("\255\254 \"a\0b\" said \195 " .. LQ .. " x")
  eq(type(r.quotes), "table", "bad bytes")
  local many = string.rep(LQ .. "yes," .. RQ .. " he said, ", 5000)
  r = vb.analyze(many)
  eq(#r.quotes, 5000, "thousands of quotes")
  r, many = nil, nil
  collectgarbage()   -- leave no big heap behind for the next file's collector-timing tests
end

function T.errors_do_not_leak()
  -- a failing pattern after a good one: the compiled ones are freed with the box
  for _ = 1, 200 do pcall(vb.analyze, "x", { cues = { "ok", "(" } }) end
  collectgarbage()
end

function T.name_over_a_line_break()
  local t = "The board met at noon.\n\n" .. LQ .. "We start in May," .. RQ .. " said Chief Engineer Lena\nHartmann, who runs the works.\n\n" ..
    LQ .. "Not soon enough," .. RQ .. " Hartmann said."
  local r = vb.analyze(t)
  local q = r.quotes[1]
  eq(q.speaker.name, "Lena Hartmann", "the break is one space")
  eq(t:sub(q.speaker.start, q.speaker.stop), "Chief Engineer Lena\nHartmann", "the mention stays the text")
  eq(q.speaker.role, "Chief Engineer", "role")
  eq(#r.sources, 1, "one source")
  eq(r.sources[1].name, "Lena Hartmann", "sources name")
  eq(#r.sources[1].quotes, 2, "both quotes")
end

function T.office_word_before_a_name()
  local t = LQ .. "The roads come first," .. RQ .. " said Councillor Tomasz Wierzbicki.\n\n" ..
    LQ .. "So do the schools," .. RQ .. " said Dennis Walter Brown."
  local r = vb.analyze(t)
  eq(r.quotes[1].speaker.name, "Tomasz Wierzbicki", "title apart")
  eq(r.quotes[1].speaker.role, "Councillor", "role")
  eq(r.quotes[2].speaker.name, "Dennis Walter Brown", "a first name is no title")
  eq(r.quotes[2].speaker.role, nil, "no role")
end

return T
