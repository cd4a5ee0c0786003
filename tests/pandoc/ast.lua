-- tests/pandoc/ast.lua, run after the verbatim filter by run.sh: writes the document as the
-- filter left it to $VB_AST in pandoc's native format, so that the golden files compare the
-- filter's AST and not what one version of pandoc's HTML writer makes of it. Left out, as the
-- HTML goldens did: what the later engine stages decide (kinds, speakers, tooltips and the
-- Sources section), so that these files pin where the quote spans go.
local later = { ["data-kind"] = true, ["data-speaker"] = true, title = true }

local strip = {
  Span = function(el)
    local kept = {}
    for k, v in pairs(el.attributes) do
      if not later[k] then kept[#kept + 1] = { k, v } end
    end
    el.attributes = kept
    return el
  end,
  Div = function(el)
    if el.identifier == "verbatim-sources" then return {} end
  end,
}

function Pandoc(doc)
  local out = doc:walk(strip)
  local f = assert(io.open(assert(os.getenv("VB_AST"), "VB_AST unset"), "w"))
  f:write(pandoc.write(pandoc.Pandoc(out.blocks), "native"), "\n")
  f:close()
end
