-- verbatim.core's library fields: the versions of PCRE2 and utf8proc it was linked with.
local core = require("verbatim.core")
local T = {}
local h = require("helpers")
local eq = h.eq

function T.pcre2_is_a_version_string()
  eq(type(core.pcre2), "string", "type")
  -- PCRE2 numbers its releases 10.x and adds the release date
  assert(core.pcre2:find("^10%.%d+ %d%d%d%d%-%d%d%-%d%d$"), "10.x yyyy-mm-dd: " .. core.pcre2)
end

function T.utf8proc_is_a_version_string()
  eq(type(core.utf8proc), "string", "type")
  assert(core.utf8proc:find("^%d+%.%d+%.%d+$"), "x.y.z: " .. core.utf8proc)
end

return T
