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

return T
