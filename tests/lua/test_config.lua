-- vb.config(path): the project file's settings as a Lua table (src/lua_config.c).
local vb = require("verbatim")
local h = require("helpers")
local eq = h.eq
local T = {}

-- a fresh folder under the system's temporary one, with files {name = text}
local function project(files)
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p '" .. dir .. "/drafts/deep'"))
  for name, text in pairs(files) do
    local f = assert(io.open(dir .. "/" .. name, "wb"))
    f:write(text)
    f:close()
  end
  return dir
end

local function cleanup(dir) os.execute("rm -rf '" .. dir .. "'") end

function T.keys_types_and_paths()
  local dir = project({ [".verbatim.yaml"] = "check: [talks, /abs/t.txt]\nindex: a.vbi\ncues: ['chimed in']\n"
    .. "strict: yes\nstrict-terms: false\nborrowed: true\nmax-size: 1M\nsources-section: Who spoke\nreport: r.json\n" })
  local c = vb.config(dir .. "/drafts/deep/story.md")
  cleanup(dir)
  eq(c.file, dir .. "/.verbatim.yaml", "file")
  eq(c.dir, dir, "dir")
  eq(#c.check, 2, "two sources")
  eq(c.check[1], dir .. "/talks", "relative to the file's folder")
  eq(c.check[2], "/abs/t.txt", "absolute stays")
  eq(c.index[1], dir .. "/a.vbi", "index")
  eq(c.cues[1], "chimed in", "cues as written")
  eq(c.strict, true, "strict")
  eq(c["strict-terms"], false, "strict-terms")
  eq(c.borrowed, 12, "borrowed: true is 12")
  eq(c["max-size"], 1048576, "max-size")
  eq(c["sources-section"], "Who spoke", "a title")
  eq(c.report, dir .. "/r.json", "report resolved")
  eq(c.annotate, nil, "unset keys are nil")
  eq(#c.warnings, 0, "no warnings")
end

function T.none_found_is_nil()
  local dir = project({})
  eq(vb.config(dir .. "/drafts"), nil, "no project file up to /")
  cleanup(dir)
end

function T.errors_follow_the_convention()
  local dir = project({ [".verbatim.yaml"] = "strict: maybe\ncolour: red\n" })
  h.raises("^verbatim: .*%.verbatim%.yaml:1:9: 'strict': true or false expected$", vb.config, dir)
  local r = { vb.safe.config(dir) }
  eq(r[1], nil, "safe: nil")
  assert(r[2]:find("'strict': true or false expected", 1, true), r[2])
  local f = assert(io.open(dir .. "/.verbatim.yaml", "wb"))
  f:write("colour: red\n")
  f:close()
  local c = vb.config(dir .. "/.verbatim.yaml")   -- the file itself
  cleanup(dir)
  assert(c.warnings[1]:find(":1:1: unknown key 'colour' (ignored)", 1, true), c.warnings[1])
  h.raises("bad argument #1 to .* %(string expected, got number%)", vb.config, 42)
end

return T
