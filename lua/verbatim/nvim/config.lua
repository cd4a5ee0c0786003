-- verbatim.nvim.config: options, their validation and the highlight groups.
local C = {}

C.defaults = {
  -- filetypes where live mode attaches by itself
  filetypes = { "markdown", "quarto", "text", "pandoc", "rst", "asciidoc", "org", "mail" },
  -- filetypes read as Markdown: front matter, code, link targets and HTML are not prose
  markdown = { "markdown", "quarto", "pandoc", "rmd" },
  -- source material for :Verbatim check: paths or globs, or function(bufnr) -> paths
  sources = {},
  -- re-analyse while drafting and show speakers as virtual text
  live = false,
  -- milliseconds of quiet before live mode re-analyses
  debounce = 200,
  -- speaker after each quote (live mode), diagnostics' virtual text (:Verbatim check)
  virtual_text = true,
  -- sign on quotes without a speaker (live mode), diagnostics' signs (:Verbatim check)
  signs = true,
  -- diagnostic severity of each verdict that gets one
  severity = { altered = "WARN", not_found = "INFO", cleaned = "INFO", uncovered = "INFO" },
}

C.options = vim.deepcopy(C.defaults)

local severities = { ERROR = true, WARN = true, INFO = true, HINT = true }

local function severity_ok(v)
  if type(v) ~= "table" then return false end
  for k, s in pairs(v) do
    if not (k == "altered" or k == "not_found" or k == "cleaned" or k == "uncovered") or not severities[s] then
      return false
    end
  end
  return true
end

local function list_of_strings(v)
  if type(v) ~= "table" then return false end
  for _, s in ipairs(v) do
    if type(s) ~= "string" then return false end
  end
  return true
end

-- vim.validate's table form (0.7 to 0.10); 0.11 deprecates it for one call per value.
local function validate(spec)
  if vim.fn.has("nvim-0.11") == 0 then return vim.validate(spec) end
  local names = vim.tbl_keys(spec)
  table.sort(names)
  for _, name in ipairs(names) do
    local v = spec[name]
    if type(v[2]) == "function" then vim.validate(name, v[1], v[2], true, v[3])
    else vim.validate(name, v[1], v[2], v[3] == true) end
  end
end

--- Merge opts over the defaults; errors start with "verbatim: ".
function C.set(opts)
  if opts ~= nil and type(opts) ~= "table" then
    error("verbatim: setup() expects a table, got " .. type(opts), 0)
  end
  opts = opts or {}
  for k in pairs(opts) do
    if C.defaults[k] == nil then error(("verbatim: unknown option '%s'"):format(tostring(k)), 0) end
  end
  local ok, err = pcall(validate, {
    filetypes = { opts.filetypes, function(v) return v == nil or list_of_strings(v) end,
      "list of filetype names" },
    markdown = { opts.markdown, function(v) return v == nil or list_of_strings(v) end,
      "list of filetype names" },
    sources = { opts.sources, function(v)
      return v == nil or type(v) == "function" or type(v) == "string" or list_of_strings(v)
    end, "list of paths or function(bufnr)" },
    live = { opts.live, "boolean", true },
    debounce = { opts.debounce, function(v)
      return v == nil or (type(v) == "number" and v >= 0 and v == math.floor(v))
    end, "whole number of milliseconds" },
    virtual_text = { opts.virtual_text, "boolean", true },
    signs = { opts.signs, "boolean", true },
    severity = { opts.severity, function(v) return v == nil or severity_ok(v) end,
      "table {altered=, not_found=, cleaned=, uncovered=} of ERROR|WARN|INFO|HINT" },
  })
  if not ok then
    error("verbatim: " .. tostring(err):gsub("^[^\n]-:%d+: ", ""), 0)
  end
  local o = vim.tbl_deep_extend("force", vim.deepcopy(C.defaults), opts)
  -- lists replace, not merge
  if opts.filetypes then o.filetypes = vim.deepcopy(opts.filetypes) end
  if opts.markdown then o.markdown = vim.deepcopy(opts.markdown) end
  if type(opts.sources) == "string" then o.sources = { opts.sources }
  elseif opts.sources then o.sources = opts.sources end
  C.options = o
  return o
end

C.links = {
  VerbatimSpeaker = "Comment",              -- speaker virtual text
  VerbatimNoSpeaker = "DiagnosticUnderlineWarn", -- a quote nobody said (live mode)
  VerbatimNoSpeakerSign = "DiagnosticSignWarn",
  VerbatimTitle = "Title",                  -- header of :Verbatim sources
  VerbatimRole = "Comment",                 -- roles and organisations there
  VerbatimCount = "Number",
  VerbatimHint = "Comment",                 -- key hints of :Verbatim sources
  VerbatimPassage = "IncSearch",            -- the passage :Verbatim jump lands on
}

--- Link the groups with `default`, so a colorscheme or the user wins.
function C.highlights()
  for group, target in pairs(C.links) do
    vim.cmd(("highlight default link %s %s"):format(group, target))
  end
end

return C
