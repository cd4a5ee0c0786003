-- Live-mode cost on a 10,000-word draft (not a test: speed is never asserted in tests).
--   nvim --headless -u NONE -i NONE -n --cmd "set rtp^=." -c "luafile tests/nvim/bench_live.lua"
-- Prints the mean milliseconds of one re-analysis + redraw of marks (what live mode does
-- after each pause in typing), and of reading the buffer text alone.
local uv = vim.uv or vim.loop
local root = vim.fn.getcwd()
local para = vim.fn.readfile(root .. "/tests/nvim/fixtures/article.txt")
local lines, n = {}, 0
while n < 10000 do
  vim.list_extend(lines, para)
  n = select(2, table.concat(lines, " "):gsub("%S+", ""))
end
local buf = vim.api.nvim_get_current_buf()
vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
require("verbatim.nvim").setup({})
local L = require("verbatim.nvim.live")
local E = require("verbatim.nvim.engine")
L.attach(buf)
local runs = 50
local t0 = uv.hrtime()
for i = 1, runs do
  vim.api.nvim_buf_set_lines(buf, i, i, false, { "“A new quote,” she said." })
  L.refresh(buf)
end
local live = (uv.hrtime() - t0) / runs / 1e6
t0 = uv.hrtime()
for _ = 1, runs do E.buftext(buf) end
local text = (uv.hrtime() - t0) / runs / 1e6
local res = E.analyze(E.buftext(buf))
local _, words = E.buftext(buf):gsub("%S+", "")
io.stdout:write(("live refresh: %.2f ms (buffer text %.2f ms); %d words, %d quotes\n")
  :format(live, text, words, #res.quotes))
vim.cmd("qall!")
