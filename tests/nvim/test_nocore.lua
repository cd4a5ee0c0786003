-- Run by run.sh on copies of the plugin without lua/verbatim/core.so and with a broken
-- one: the plugin loads, setup() works and every command says how to build the module.
local H = require("helpers")
local T = {}

-- run.sh runs this file with no core.so (VB_NOCORE=1) and with a broken one (=broken)
function T.core_is_really_absent_or_broken()
  local want = os.getenv("VB_NOCORE") == "broken" and 1 or 0
  H.eq(#vim.api.nvim_get_runtime_file("lua/verbatim/core.so", true), want, "core.so files on rtp")
  H.eq((pcall(require, "verbatim.core")), false, "verbatim.core loads")
end

function T.setup_works_without_the_core()
  require("verbatim.nvim").setup({ live = true })
  H.truthy(vim.api.nvim_get_commands({}).Verbatim, ":Verbatim defined")
end

-- the portable API has no Neovim stand-in: without its module it fails as in any Lua
function T.the_portable_api_fails_without_the_core()
  package.loaded["verbatim"] = nil    -- as after a failed require in an earlier test
  local ok, err = pcall(require, "verbatim")
  H.eq(ok, false, "require('verbatim') without verbatim.core")
  H.truthy(tostring(err):find("core", 1, true), tostring(err))
end

-- `make nvim` run while Neovim is open: the next command finds the module (a failed
-- require must not stay cached). In a child Neovim, on a copy of this plugin copy.
function T.a_module_built_meanwhile_is_picked_up()
  local built = assert(os.getenv("VB_BUILT"), "VB_BUILT unset")
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  vim.fn.system({ "cp", "-R", H.root .. "/lua", H.root .. "/plugin", dir })
  local probe = ("lua local E = require('verbatim.nvim.engine'); local before = E.load();"
    .. " vim.fn.system({'cp', %q, %q}); local after = E.load();"
    .. " io.stdout:write(tostring(before == nil) .. ' ' .. tostring(type(after) == 'table' and after.quotes ~= nil))")
    :format(built, dir .. "/lua/verbatim/core.so")
  local out = vim.fn.system({ vim.v.progpath, "--headless", "-u", "NONE", "-i", "NONE", "-n",
    "--cmd", "set rtp^=" .. dir, "--cmd", "lua package.cpath = ''", "-c", probe, "-c", "qall!" })
  vim.fn.delete(dir, "rf")
  H.eq(out, "true true", "not loaded before, loaded after the build")
end

function T.every_command_says_to_run_make_nvim()
  local buf = H.open("article.txt")
  vim.api.nvim_win_set_cursor(0, { 7, 3 })
  for _, sub in ipairs(require("verbatim.nvim").subcommands) do
    if sub ~= "clear" then
      local cmd = "Verbatim " .. sub .. (sub == "check" and (" " .. H.fixture("council-transcript.txt")) or "")
      local notes = H.notes(function() vim.cmd(cmd) end)
      H.eq(#notes, 1, cmd .. " notifications")
      H.eq(notes[1].level, vim.log.levels.ERROR, cmd .. " level")
      H.truthy(notes[1].msg:find("make nvim", 1, true), cmd .. ": " .. notes[1].msg)
      H.truthy(not notes[1].msg:find("traceback"), cmd .. " leaks a traceback")
    end
  end
  -- clear has nothing to do and must not fail
  vim.cmd("Verbatim clear")
  H.eq(vim.api.nvim_get_current_buf(), buf, "still in the article")
end

function T.live_mode_on_a_filetype_explains_once()
  local notes = H.notes(function()
    require("verbatim.nvim").setup({ live = true, filetypes = { "text" } })
    H.open("article.txt")
    vim.bo.filetype = "text"
  end)
  H.eq(#notes, 1, "notifications")
  H.truthy(notes[1].msg:find("make nvim", 1, true), notes[1].msg)
  -- more drafts opened: nothing more said
  notes = H.notes(function()
    H.open("council.txt")
    vim.bo.filetype = "text"
  end)
  H.eq(#notes, 0, "notifications for a second draft")
end

-- one line, short enough not to make Neovim wait for ENTER, no traceback: what to run
-- and where (the needs are in :checkhealth)
function T.the_advice_is_one_short_line()
  local notes = H.notes(function() vim.cmd("Verbatim quotes") end)
  H.eq(#notes, 1, "notifications")
  local msg = notes[1].msg
  H.truthy(not msg:find("\n"), "one line: " .. msg)
  H.truthy(#msg <= 100 + #vim.fn.fnamemodify(H.root, ":~"), "short: " .. msg)
  H.truthy(msg:find("run `make nvim` in", 1, true) and msg:find(vim.fn.fnamemodify(H.root, ":~"), 1, true), msg)
  H.truthy(not msg:find("traceback") and not msg:find("%.lua:%d+"), msg)
end

-- a Markdown draft opened with live mode on (the lazy.nvim case): one line, no error
-- raised out of the FileType autocommand
function T.a_markdown_draft_in_live_mode_explains_once()
  require("verbatim.nvim").setup({ live = true })
  vim.cmd("filetype on")
  local ok, notes = pcall(H.notes, function()
    vim.cmd("edit " .. vim.fn.fnameescape(H.root .. "/tests/fixtures/markdown/draft.md"))
  end)
  vim.cmd("filetype off")
  H.truthy(ok, "no error: " .. tostring(notes))
  H.eq(vim.bo.filetype, "markdown", "filetype")
  H.eq(#notes, 1, "notifications: " .. vim.inspect(notes))
  H.truthy(not notes[1].msg:find("\n") and notes[1].msg:find("make nvim", 1, true), notes[1].msg)
end

function T.checkhealth_explains()
  vim.cmd("silent checkhealth verbatim")
  local out = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  H.truthy(out:find("ERROR:? native module verbatim%.core not loaded"), out)
  H.truthy(out:find("make nvim", 1, true), out)
end

return T
