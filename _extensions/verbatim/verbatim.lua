--[[ verbatim.lua: the Quarto extension's filter, a shim over the verbatim pandoc filter
(lua/verbatim/filter.lua), so that there is one filter to maintain. It loads, in order:

  1. the installed filter, verbatim/filter.lua on package.path (`make install`,
     `luarocks make rockspec/verbatim-*.rockspec`, or LUA_PATH);
  2. the filter of the source tree this extension sits in: ../../lua/verbatim/filter.lua.

and returns its filters. The filter finds the engine (module or CLI) from its own place,
not from this file's. Options and usage: README.md, "pandoc and Quarto".
]]

local function dirname(path)
  return path and path:match("^(.*)[/\\][^/\\]*$") or "."
end

local tried = {}
local installed = package.searchpath and package.searchpath("verbatim.filter", package.path)
tried[1] = "verbatim/filter.lua on package.path"
local tree = dirname(PANDOC_SCRIPT_FILE) .. "/../../lua/verbatim/filter.lua"
tried[2] = tree

local path = installed
if not path then
  local f = io.open(tree, "rb")
  if f then f:close() path = tree end
end
if not path then
  error("verbatim: the pandoc filter was not found; looked for " .. table.concat(tried, " and ") ..
    " (install verbatim with `make install` or luarocks, or use the extension inside a verbatim checkout)", 0)
end

local chunk, err = loadfile(path)
if not chunk then error("verbatim: " .. tostring(err), 0) end
return chunk()
