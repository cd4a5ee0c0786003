-- The Lua leg of the gate test (tests/pandoc/run.sh, "one gate"): lua gate/check.lua
-- DRAFT SOURCE [STRICT_TERMS [FAIL_ON]] (STRICT_TERMS non-empty: on; FAIL_ON: opts.fail_on)
-- prints {"pass": …, "quotes": [[verdict, fails], …]} of vb.check, for run.sh to compare
-- with the CLI's and the filter's.
local vb = require("verbatim")
local f = assert(io.open(arg[1], "rb"))
local text = f:read("a")
f:close()
local fo = arg[4] ~= "" and arg[4] or nil
local qs, _, fails, draft = vb.check(text, { arg[2] }, { strict_terms = (arg[3] or "") ~= "", fail_on = fo })
assert(fails == not draft.pass, "the third result and the fourth agree")
local out = {}
for k, q in ipairs(qs) do out[k] = ('["%s", %s]'):format(q.check.verdict, tostring(q.check.fails)) end
io.write(('{"pass": %s, "quotes": [%s]}\n'):format(tostring(draft.pass), table.concat(out, ", ")))
