-- The plugin file, setup() and its validation, completion, highlights, :help, :checkhealth.
local H = require("helpers")
local T = {}

-- in a fresh Neovim: this one has loaded everything by the time a test runs
function T.plugin_defines_the_command_and_loads_nothing_heavy()
  local probe = "lua io.stdout:write(vim.inspect({cmd = vim.api.nvim_get_commands({}).Verbatim ~= nil,"
    .. " core = package.loaded['verbatim.core'] ~= nil, nvim = package.loaded['verbatim.nvim'] ~= nil,"
    .. " api = package.loaded['verbatim'] ~= nil}))"
  local out = vim.fn.system({ vim.v.progpath, "--headless", "-u", "NONE", "-i", "NONE", "-n",
    "--cmd", "set rtp^=" .. H.root, "-c", "source " .. H.root .. "/plugin/verbatim.lua",
    "-c", probe, "-c", "qall!" })
  local got = loadstring("return " .. out)()
  H.eq(got.cmd, true, ":Verbatim defined")
  H.eq(got.core, false, "core loaded by the plugin file")
  H.eq(got.nvim, false, "verbatim.nvim loaded by the plugin file")
  H.eq(got.api, false, "verbatim loaded by the plugin file")
end

-- require("verbatim") is the portable Lua API, the same as outside Neovim: the C
-- functions, and nothing of the editor's
function T.verbatim_is_the_portable_api()
  local vb, core = require("verbatim"), require("verbatim.core")
  H.eq(vb.check, core.check, "vb.check is the C function")
  H.eq(vb.setup, nil, "no setup() in the portable API")
  H.eq(type(require("verbatim.nvim").setup), "function", "setup() is verbatim.nvim's")
end

function T.completion_offers_subcommands_files_and_live_states()
  local got = vim.fn.getcompletion("Verbatim ", "cmdline")
  H.eq(table.concat(got, " "), "quotes sources check jump clear live", "subcommands")
  H.eq(table.concat(vim.fn.getcompletion("Verbatim c", "cmdline"), " "), "check clear", "prefix")
  local files = vim.fn.getcompletion("Verbatim check " .. H.fixture("council-t"), "cmdline")
  H.eq(#files, 1, "file completion count")
  H.truthy(files[1]:find("council%-transcript%.txt$"), "file completion: " .. tostring(files[1]))
  H.eq(table.concat(vim.fn.getcompletion("Verbatim live o", "cmdline"), " "), "on off", "live")
end

local function setup_error(opts)
  local ok, err = pcall(require("verbatim.nvim").setup, opts)
  H.eq(ok, false, "setup(" .. vim.inspect(opts) .. ") accepted")
  H.truthy(tostring(err):find("^verbatim: "), "error prefix: " .. tostring(err))
  return err
end

function T.setup_validates_its_options()
  H.truthy(setup_error({ live = "yes" }):find("live"), "names live")
  H.truthy(setup_error({ filetypes = 3 }):find("filetypes"), "names filetypes")
  H.truthy(setup_error({ filetypes = { "markdown", 4 } }):find("filetypes"), "list items")
  H.truthy(setup_error({ sources = 12 }):find("sources"), "names sources")
  H.truthy(setup_error({ virtual_text = 1 }):find("virtual_text"), "names virtual_text")
  H.truthy(setup_error({ signs = "no" }):find("signs"), "names signs")
  H.truthy(setup_error({ debounce = -5 }):find("debounce"), "names debounce")
  H.truthy(setup_error({ severity = { altered = "LOUD" } }):find("severity"), "names severity")
  H.truthy(setup_error({ livee = true }):find("unknown option 'livee'"), "typo caught")
  H.truthy(setup_error("live"):find("table"), "non-table opts")
  -- good options are taken, lists replace the defaults
  require("verbatim.nvim").setup({ filetypes = { "markdown" }, sources = "notes/*.txt", debounce = 50 })
  local o = require("verbatim.nvim").options()
  H.eq(table.concat(o.filetypes, ","), "markdown", "filetypes replaced")
  H.eq(o.sources[1], "notes/*.txt", "a single source string")
  H.eq(o.debounce, 50, "debounce")
  H.eq(o.virtual_text, true, "default kept")
  require("verbatim.nvim").setup()
  H.eq(#require("verbatim.nvim").options().filetypes > 1, true, "setup() restores defaults")
end

local function hl(group)
  return vim.api.nvim_exec("highlight " .. group, true)
end

function T.highlight_groups_are_default_links()
  vim.cmd("highlight VerbatimSpeaker guifg=#ff0000 ctermfg=1")
  require("verbatim.nvim").setup({})
  H.truthy(hl("VerbatimNoSpeaker"):find("links to DiagnosticUnderlineWarn"), hl("VerbatimNoSpeaker"))
  local mine = hl("VerbatimSpeaker")
  H.truthy(mine:find("guifg=#ff0000") and not mine:find("links to"), "user colours kept: " .. mine)
end

function T.unknown_subcommand_says_what_exists()
  local notes = H.notes(function() vim.cmd("Verbatim frobnicate") end)
  H.eq(#notes, 1, "notifications")
  H.truthy(notes[1].msg:find("unknown subcommand 'frobnicate'"), notes[1].msg)
  H.truthy(notes[1].msg:find("quotes, sources, check, jump, clear"), notes[1].msg)
  H.eq(notes[1].level, vim.log.levels.ERROR, "level")
end

-- :help verbatim parses (helptags in a scratch copy) and covers each command and option.
function T.help_file_parses_and_documents_everything()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  vim.fn.writefile(vim.fn.readfile(H.root .. "/doc/verbatim.txt"), dir .. "/verbatim.txt")
  local msg = vim.api.nvim_exec("helptags " .. vim.fn.fnameescape(dir), true)
  H.eq(msg, "", "helptags output")
  local tags = {}
  for _, l in ipairs(vim.fn.readfile(dir .. "/tags")) do tags[l:match("^[^\t]+")] = true end
  for _, t in ipairs({ "verbatim", ":Verbatim", "verbatim-setup", "verbatim-options",
    "verbatim-highlights", "verbatim-live", "verbatim-health" }) do
    H.truthy(tags[t], "tag " .. t)
  end
  for _, sub in ipairs(require("verbatim.nvim").subcommands) do
    H.truthy(tags[":Verbatim-" .. sub], "tag :Verbatim-" .. sub)
  end
  for key in pairs(require("verbatim.nvim.config").defaults) do
    H.truthy(tags["verbatim-opt-" .. key], "tag verbatim-opt-" .. key)
  end
  for group in pairs(require("verbatim.nvim.config").links) do
    H.truthy(tags["hl-" .. group], "tag hl-" .. group)
  end
  vim.fn.delete(dir, "rf")
end

function T.checkhealth_reports_the_module_and_sources()
  require("verbatim.nvim").setup({ sources = { H.fixture("council-transcript.txt"), "/nonexistent/notes.txt" } })
  vim.cmd("silent checkhealth verbatim")
  local out = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  H.truthy(out:find("OK:? native module verbatim%.core"), "native module ok:\n" .. out)
  H.truthy(out:find("Lua 5%.1"), "names the Lua it was built for:\n" .. out)
  H.truthy(out:find("OK:? PCRE2 10%.%d+ [%d-]+ %(linked into verbatim%.core%)"), "PCRE2 from the module:\n" .. out)
  H.truthy(out:find("OK:? utf8proc %d+%.%d+"), "utf8proc from the module:\n" .. out)
  H.truthy(out:find("CLI"), "reports the CLI:\n" .. out)
  H.truthy(out:find("ERROR:? cannot read source /nonexistent/notes%.txt"), "unreadable source:\n" .. out)
  require("verbatim.nvim").setup({ sources = { H.fixture("council-transcript.txt") } })
  vim.cmd("bwipeout! | silent checkhealth verbatim")
  out = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  H.truthy(out:find("1 configured source file%(s%) readable"), "readable source:\n" .. out)
end

-- `make nvim` built doc/tags: :help verbatim opens the plugin's help at once
function T.help_works_after_make_nvim()
  H.truthy(vim.fn.filereadable(H.root .. "/doc/tags") == 1, "doc/tags built")
  vim.cmd("help verbatim-opt-markdown")
  H.truthy(vim.api.nvim_buf_get_name(0):find("doc/verbatim%.txt$"), "help buffer: " .. vim.api.nvim_buf_get_name(0))
  H.truthy(vim.api.nvim_get_current_line():find("verbatim-opt-markdown", 1, true), vim.api.nvim_get_current_line())
  vim.cmd("helpclose")
end

-- the CLI is optional: without it on PATH, checkhealth says so without a warning
function T.checkhealth_does_not_warn_about_the_optional_cli()
  local path = vim.env.PATH
  vim.env.PATH = "/nonexistent"
  local ok, err = pcall(vim.cmd, "silent checkhealth verbatim")
  vim.env.PATH = path
  if not ok then error(err, 0) end
  local out = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  H.truthy(out:find("CLI `verbatim` not on PATH %(optional"), "CLI line:\n" .. out)
  H.truthy(not out:find("WARN"), "no warning:\n" .. out)
end

return T
