-- :checkhealth verbatim. vim.health (0.8+: start/ok/..., or report_* in 0.8) or the
-- old `health` module of Neovim 0.7 (report_start/report_ok/...).
local M = {}

local function reporter()
  local h = vim.health
  if not h or not (h.start or h.report_start) then h = require("health") end
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
    info = h.info or h.report_info,
  }
end

local function firstline(s)
  return (tostring(s):match("^[^\n]*"))
end

function M.check()
  local h = reporter()
  local E = require("verbatim.nvim.engine")
  h.start("verbatim")
  if vim.fn.has("nvim-0.7") == 1 then
    h.ok("Neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor)
      .. "." .. tostring(vim.version().patch))
  else
    h.error("Neovim 0.7 or later is needed")
  end

  -- the native module
  local ok, core = pcall(require, "verbatim.core")
  if ok and type(core) == "table" then
    local where = vim.api.nvim_get_runtime_file("lua/verbatim/core.so", false)[1]
      or package.searchpath and package.searchpath("verbatim.core", package.cpath) or "?"
    h.ok(("native module verbatim.core %s loaded from %s"):format(tostring(core.version),
      vim.fn.fnamemodify(where, ":p")))
    local lua = (jit and jit.version) and (tostring(core.lua) .. ", running on " .. jit.version)
      or tostring(core.lua)
    h.info("built for " .. lua)
    -- the libraries the module was linked with (not those installed now)
    h.ok("PCRE2 " .. tostring(core.pcre2) .. " (linked into verbatim.core)")
    h.ok("utf8proc " .. tostring(core.utf8proc))
  else
    h.error("native module verbatim.core not loaded: " .. firstline(core), {
      "run `make nvim` in " .. E.root() .. " (needs a C compiler, make, the LuaJIT headers,"
        .. " libpcre2-8 and libutf8proc: `make deps` installs them on Debian)",
      "with lazy.nvim: build = \"make nvim\", then :Lazy build verbatim",
    })
  end

  -- the CLI
  if vim.fn.executable("verbatim") == 1 then
    local v = vim.fn.system({ "verbatim", "--version" })
    h.ok(("CLI on PATH: %s (%s)"):format(vim.fn.exepath("verbatim"), firstline(v)))
  else
    -- optional: the plugin runs the engine in Neovim; the CLI is for shells and pipelines
    local built = E.root() .. "/build/verbatim"
    h.info("CLI `verbatim` not on PATH (optional: the plugin does not use it); "
      .. (vim.fn.executable(built) == 1 and ("built at " .. built .. ": add it to PATH or run `make install`")
        or "`make install` installs it"))
  end

  -- configured sources
  local C = require("verbatim.nvim.config")
  local src = C.options.sources
  if type(src) == "function" then
    h.info("sources: a function, resolved per buffer at :Verbatim check")
  elseif type(src) ~= "table" or #src == 0 then
    h.info("no sources configured: :Verbatim check takes paths")
  else
    local files, err = require("verbatim.nvim.check").resolve(0, src)
    if files then
      h.ok(("%d configured source file(s) readable"):format(#files))
    else
      h.error(err:gsub("^verbatim: ", ""), { "fix `sources` in require(\"verbatim.nvim\").setup()" })
    end
  end
end

return M
