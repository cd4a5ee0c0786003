-- The project file in Neovim: :Verbatim check with no paths and no `sources` in setup()
-- checks against the .verbatim.yaml's check: (the fixture project of tests/lsp).
local H = require("helpers")
local T = {}

local proj = H.root .. "/tests/lsp/fixtures/project"

function T.check_reads_the_project_files_sources()
  vim.cmd("edit " .. vim.fn.fnameescape(proj .. "/drafts/seawall.txt"))
  local buf = vim.api.nvim_get_current_buf()
  local notes = H.notes(function() vim.cmd("Verbatim check") end)
  local d = vim.diagnostic.get(buf, { namespace = vim.api.nvim_get_namespaces().verbatim })
  local altered
  for _, x in ipairs(d) do
    if x.message:find("[-little-] {+lot+}", 1, true) then altered = x end
  end
  H.truthy(altered, "the altered quote, checked against sources/council.txt: " .. vim.inspect(notes))
  H.eq(altered.lnum, 4, "its line")
end

function T.a_broken_project_file_is_reported()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  vim.fn.writefile({ "check: [talks" }, dir .. "/.verbatim.yaml")
  vim.fn.writefile({ "“Something,” Ann Lee said." }, dir .. "/d.txt")
  vim.cmd("edit " .. vim.fn.fnameescape(dir .. "/d.txt"))
  local notes = H.notes(function() vim.cmd("Verbatim check") end)
  vim.fn.delete(dir, "rf")
  H.truthy(notes[1] and notes[1].msg:find(".verbatim.yaml:2:1:", 1, true), "the error names the place: " .. vim.inspect(notes))
end

-- The project's fail-on: is the gate Neovim flags by, as `verbatim check` exits by it: a
-- quote no source covers gets a diagnostic only when the policy fails it.
function T.fail_on_decides_what_is_flagged()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir .. "/talks", "p")
  vim.fn.writefile({ "LUND: The harbour board met on Monday about the lights." }, dir .. "/talks/t.txt")
  vim.fn.writefile({ "“The harbour board met on Monday about the lights,” Ida Lund said.", "",
    "“Nobody told the ferry crews about the closures,” Per Holm said." }, dir .. "/d.txt")
  local function flagged(yaml)
    vim.fn.writefile(yaml, dir .. "/.verbatim.yaml")
    vim.cmd("silent! bwipeout! " .. vim.fn.fnameescape(dir .. "/d.txt"))
    vim.cmd("edit " .. vim.fn.fnameescape(dir .. "/d.txt"))
    local buf = vim.api.nvim_get_current_buf()
    H.notes(function() vim.cmd("Verbatim check") end)
    local lines = {}
    for _, x in ipairs(vim.diagnostic.get(buf, { namespace = vim.api.nvim_get_namespaces().verbatim })) do
      lines[#lines + 1] = x.lnum .. ":" .. tostring(x.code)
    end
    table.sort(lines)
    return table.concat(lines, " ")
  end
  local default = flagged({ "check: talks" })
  local strict = flagged({ "check: talks", "fail-on: [+uncovered]" })
  vim.fn.delete(dir, "rf")
  H.eq(default, "", "the default gate passes a quote no source covers")
  H.eq(strict, "2:uncovered", "fail-on: [+uncovered] flags it")
end

return T
