-- `verbatim lsp` with Neovim's own LSP client (vim.lsp.start where there is one, 0.8+;
-- vim.lsp.start_client and buf_attach_client on 0.7): the fixture draft of tests/lsp,
-- whose project file names its transcript. Diagnostics, hover, a code action run through
-- vim.lsp.buf.code_action (vim.ui.select answered), go to definition.
local H = require("helpers")
local T = {}

local exe = H.root .. "/build/verbatim"
local proj = H.root .. "/tests/lsp/fixtures/project"

local function start(buf)
  local cfg = { name = "verbatim", cmd = { exe, "lsp" }, root_dir = proj }
  local id
  if vim.lsp.start then
    id = vim.lsp.start(cfg, { bufnr = buf })
  else
    id = vim.lsp.start_client(cfg)
    vim.lsp.buf_attach_client(buf, id)
  end
  H.truthy(id, "client started")
  return vim.lsp.get_client_by_id(id), id
end

-- 0.11 made the client's functions methods (client:stop()); 0.7 has only client.stop()
local methods = vim.fn.has("nvim-0.11") == 1

local function stop(id)
  local c = vim.lsp.get_client_by_id(id)
  if c then
    if methods then c:stop() else c.stop() end
  end
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
end

-- the position of the first byte of s on (0-based) row, as the client counts
local function at(client, buf, s)
  local lnum, col = H.find(buf, s)
  local line = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum, false)[1]
  local ch = col - 1
  if client.offset_encoding ~= "utf-8" then ch = vim.str_utfindex(line, col - 1) end
  return { line = lnum - 1, character = ch }, lnum - 1
end

local function request(client, buf, method, params)
  local r, err
  if methods then r, err = client:request_sync(method, params, 10000, buf)
  else r, err = client.request_sync(method, params, 10000, buf) end
  H.truthy(r, method .. ": " .. tostring(err))
  H.truthy(not r.err, method .. ": " .. vim.inspect(r.err))
  return r.result
end

local function diagnostics(buf)
  vim.wait(10000, function() return #vim.diagnostic.get(buf) >= 5 end, 20)
  local d = vim.diagnostic.get(buf)
  table.sort(d, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return d
end

function T.diagnostics_hover_definition_and_a_code_action()
  vim.cmd("edit " .. vim.fn.fnameescape(proj .. "/drafts/seawall.txt"))
  local buf = vim.api.nvim_get_current_buf()
  local client, id = start(buf)
  local ok, err = pcall(function()
    local d = diagnostics(buf)
    local by = {}
    for _, x in ipairs(d) do by[x.code] = by[x.code] or {} table.insert(by[x.code], x) end
    H.truthy(by.altered and by.not_found and by.speaker_mismatch and by.unclosed and by.no_speaker,
      "codes: " .. vim.inspect(vim.tbl_keys(by)))
    local alt = by.altered[1]
    local _, row = at(client, buf, "“Every winter")
    H.eq(alt.lnum, row, "altered quote's line")
    H.eq(alt.severity, vim.diagnostic.severity.ERROR, "altered fails the gate")
    H.truthy(alt.message:find("[-little-] {+lot+}", 1, true), "diff line in: " .. alt.message)
    H.eq(by.unclosed[1].lnum, 12, "unclosed mark's line")
    H.eq(by.unclosed[1].severity, vim.diagnostic.severity.WARN, "unclosed is a warning")
    H.eq(by.speaker_mismatch[1].lnum, 8, "quote given to another speaker")
    H.truthy(by.speaker_mismatch[1].message:find("OKAFOR, not Lena Brandt", 1, true), by.speaker_mismatch[1].message)

    -- hover on the altered quote
    local p = at(client, buf, "Every winter")
    local h = request(client, buf, "textDocument/hover", { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = p })
    local v = h.contents.value
    for _, want in ipairs({ "Grace Okafor", "chair", "cue *said*", "rule `cue-after`", "altered", "council.txt:5:77" }) do
      H.truthy(v:find(want, 1, true), ("hover has %q: %s"):format(want, v))
    end

    -- go to definition: the transcript's passage
    local def = request(client, buf, "textDocument/definition",
      { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = at(client, buf, "The work can start") })
    def = def.uri and def or def[1]
    H.truthy(def.uri:find("/sources/council.txt$"), "definition: " .. vim.inspect(def))
    H.eq(def.range.start.line, 8, "the passage's line in the transcript")

    -- a code action, the way a user runs one: give Okafor her name and role at first mention
    local pos = at(client, buf, "has never been")
    vim.api.nvim_win_set_cursor(0, { pos.line + 1, H.find(buf, "has never been") and select(2, H.find(buf, "has never been")) - 1 })
    local select_orig, chosen = vim.ui.select, nil
    vim.ui.select = function(items, opts, on_choice)
      for i, item in ipairs(items) do
        local action = item.action or item[2] or item
        local title = action.title or (type(item) == "table" and item.title) or ""
        if title:find("^Introduce Grace Okafor") then chosen = title return on_choice(item, i) end
      end
      on_choice(nil)
    end
    local ok2, err2 = pcall(vim.lsp.buf.code_action)
    vim.wait(5000, function() return chosen ~= nil and vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1]:find("^Grace Okafor, chair") ~= nil end, 20)
    vim.ui.select = select_orig
    H.truthy(ok2, "code_action: " .. tostring(err2))
    H.truthy(chosen, "the Introduce action was offered")
    local line = vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1]
    H.truthy(line:find("^Grace Okafor, chair, Harbour Residents, told the council"), "after the action: " .. line)
  end)
  stop(id)
  vim.cmd("silent! bwipeout!")                   -- the fixture is never written
  if not ok then error(err, 0) end
end

return T
