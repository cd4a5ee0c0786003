-- The version is defined once, VB_VERSION in src/version.h, which the CLI and verbatim.core
-- report; the files that must carry it as text (the rockspec, the pandoc filter, the
-- Quarto extension) are checked equal to it here.
local core = require("verbatim.core")
local T = {}
local h = require("helpers")
local eq = h.eq

-- The one capture of pattern in file (an error when there is none).
local function field(path, pattern)
  local v = h.read(path):match(pattern)
  assert(v, path .. ": no " .. pattern)
  return v
end

function T.the_module_reports_the_c_version()
  local c = field("src/version.h", '#define VB_VERSION "([^"]+)"')
  eq(core.version, c, "verbatim.core.version")
  eq(require("verbatim").version, c, "verbatim.version")
  assert(c:find("^%d+%.%d+%.%d+$"), "x.y.z: " .. c)
end

function T.the_rockspec_carries_it()
  local ls = io.popen("ls rockspec")
  local names = ls:read("*a")
  ls:close()
  local file = names:match("(verbatim%-[^\n]+%.rockspec)")
  assert(file and not names:find("%.rockspec.*%.rockspec"), "one rockspec in rockspec/: " .. names)
  eq(file, "verbatim-" .. core.version .. "-1.rockspec", "file name")
  eq(field("rockspec/" .. file, '\nversion = "([^"]+)"'), core.version .. "-1", "version")
  eq(field("rockspec/" .. file, '\n%s*tag = "([^"]+)"'), "v" .. core.version, "source tag")
end

function T.the_filter_carries_it()
  eq(field("lua/verbatim/filter.lua", '\nlocal VERSION = "([^"]+)"'), core.version, "filter.lua")
end

function T.the_quarto_extension_carries_it()
  eq(field("_extensions/verbatim/_extension.yml", "\nversion: ([^\n]+)"), core.version, "_extension.yml")
end

-- one licence, named alike in LICENSE (what GitHub and Debian's licensecheck read) and the
-- rockspec (an SPDX identifier, as luarocks.org shows it)
function T.the_licence_is_named_alike()
  local text = h.read("LICENSE")
  assert(text:find("^MIT License\n") and text:find("Permission is hereby granted, free of charge"), "LICENSE is the MIT text")
  local ls = io.popen("ls rockspec")
  local file = ls:read("*a"):match("(verbatim%-[^\n]+%.rockspec)")
  ls:close()
  eq(field("rockspec/" .. file, '\n%s*license = "([^"]+)"'), "MIT", "rockspec license")
end

return T
