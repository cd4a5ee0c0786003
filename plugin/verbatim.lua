-- verbatim: quotes, speakers and quote checks while drafting. Defines :Verbatim and
-- loads nothing else: the code and the native engine load on first use.
if vim.g.loaded_verbatim then return end
vim.g.loaded_verbatim = true

if vim.fn.has("nvim-0.7") == 0 then
  vim.api.nvim_echo({ { "verbatim: needs Neovim 0.7 or later", "WarningMsg" } }, true, {})
  return
end

vim.api.nvim_create_user_command("Verbatim", function(a)
  require("verbatim.nvim").command(a)
end, {
  nargs = "*",
  bar = true,
  desc = "verbatim: quotes, sources, check, jump, clear, live",
  complete = function(arglead, cmdline)
    return require("verbatim.nvim").complete(arglead, cmdline)
  end,
})
