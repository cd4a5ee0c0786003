--[[ verbatim.lua: the Quarto extension's filter, a shim over the verbatim pandoc filter
(lua/verbatim/filter.lua), so that there is one filter to maintain. It loads, in order:

  1. the installed filter, verbatim/filter.lua on package.path (`luarocks make
     rockspec/verbatim-*.rockspec`, `make install` for this Lua, or LUA_PATH);
  2. the filter `make install` puts among pandoc's filters, whatever Lua it was built
     for: verbatim.lua in the filters folder of pandoc's user data directory,
     ~/.local/share/pandoc/filters, /usr/local/share/pandoc/filters or
     /usr/share/pandoc/filters (Quarto's way: its pandoc is static and runs Lua 5.4,
     so the filter runs the CLI of the same prefix);
  3. the filter of the source tree this extension sits in: ../../lua/verbatim/filter.lua.

and returns its filters. The filter finds the engine (module or CLI) from its own place,
not from this file's. Options and usage: README.md, "pandoc and Quarto".
]]

local function dirname(path)
  return path and path:match("^(.*)[/\\][^/\\]*$") or "."
end

local function readable(p)
  local f = p and io.open(p, "rb")
  if f then f:close() return true end
  return false
end

local tried = { "verbatim/filter.lua on package.path" }
local path = package.searchpath and package.searchpath("verbatim.filter", package.path)
local dirs = {}
if PANDOC_STATE and PANDOC_STATE.user_data_dir then dirs[#dirs + 1] = PANDOC_STATE.user_data_dir .. "/filters" end
if os.getenv("HOME") then dirs[#dirs + 1] = os.getenv("HOME") .. "/.local/share/pandoc/filters" end
dirs[#dirs + 1] = "/usr/local/share/pandoc/filters"
dirs[#dirs + 1] = "/usr/share/pandoc/filters"
for _, d in ipairs(dirs) do
  if path then break end
  tried[#tried + 1] = d .. "/verbatim.lua"
  if readable(d .. "/verbatim.lua") then path = d .. "/verbatim.lua" end
end
local tree = dirname(PANDOC_SCRIPT_FILE) .. "/../../lua/verbatim/filter.lua"
if not path then
  tried[#tried + 1] = tree
  if readable(tree) then path = tree end
end
-- one line and pandoc's exit status for a failed filter, not a Lua traceback
local function stop(msg)
  io.stderr:write("verbatim: ", msg, "\n")
  os.exit(83)
end
if not path then
  stop("the pandoc filter was not found; looked for " .. table.concat(tried, ", ") ..
    " (install verbatim with `make install` or luarocks, or use the extension inside a verbatim checkout)")
end

local chunk, err = loadfile(path)
if not chunk then stop(tostring(err)) end
return chunk()
