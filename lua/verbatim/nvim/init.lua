-- verbatim.nvim: the Neovim side of verbatim: require("verbatim.nvim").setup(opts), and
-- plugin/verbatim.lua routes :Verbatim here. Each concern is its own module. It works
-- without the native module (verbatim.core): setup() does not load it, and each command
-- that needs it says how to build it (verbatim.nvim.engine).
local C = require("verbatim.nvim.config")
local M = {}

local function live() return require("verbatim.nvim.live") end
local function check() return require("verbatim.nvim.check") end
local function quotes() return require("verbatim.nvim.quotes") end

--- Validate and apply options (see :help verbatim-options). Callable again.
function M.setup(opts)
  C.set(opts)
  C.highlights()
  local group = vim.api.nvim_create_augroup("verbatim_hl", { clear = true })
  vim.api.nvim_create_autocmd("ColorScheme", { group = group, callback = C.highlights })
  local L = live()
  L.disable_auto()
  if C.options.live then L.enable_auto() end
  return M
end

M.options = function() return C.options end

local subcommands = {
  quotes = function() quotes().cmd_quotes() end,
  sources = function() quotes().cmd_sources() end,
  check = function(args) check().cmd_check(args) end,
  jump = function(_, a) check().cmd_jump(a.mods) end,
  clear = function()
    local buf = vim.api.nvim_get_current_buf()
    check().clear(buf)
    live().clear(buf)
  end,
  live = function(args)
    local L, buf = live(), vim.api.nvim_get_current_buf()
    local what = args[1] or "toggle"
    if what == "toggle" then what = L.attached(buf) and "off" or "on" end
    if what == "on" then L.attach(buf, true)
    elseif what == "off" then L.detach(buf)
    else
      require("verbatim.nvim.engine").error("verbatim: live takes on, off or toggle, not " .. what)
    end
  end,
}

M.subcommands = { "quotes", "sources", "check", "jump", "clear", "live" }

--- :Verbatim {sub} [args]: a (nvim_create_user_command) callback table.
function M.command(a)
  C.highlights()
  local args = a.fargs or vim.split(a.args or "", "%s+", { trimempty = true })
  local sub = table.remove(args, 1)
  local f = sub and subcommands[sub]
  if not f then
    return require("verbatim.nvim.engine").error(("verbatim: %s; use one of: %s"):format(
      sub and ("unknown subcommand '" .. sub .. "'") or "which subcommand?",
      table.concat(M.subcommands, ", ")))
  end
  f(args, a)
end

--- Completion: subcommands, then files for check, on/off/toggle for live.
function M.complete(arglead, cmdline)
  local words = vim.split((cmdline:gsub("^%s*%S+", "", 1)), "%s+", { trimempty = true })
  if #words == 0 or (#words == 1 and arglead ~= "") then
    return vim.tbl_filter(function(s) return s:sub(1, #arglead) == arglead end, M.subcommands)
  end
  if words[1] == "check" then return vim.fn.getcompletion(arglead, "file") end
  if words[1] == "live" then
    return vim.tbl_filter(function(s) return s:sub(1, #arglead) == arglead end,
      { "on", "off", "toggle" })
  end
  return {}
end

return M
