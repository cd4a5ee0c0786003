-- verbatim.safe: the API of verbatim whose functions return nil and a message when an
-- operation fails (a source that cannot be read, a corrupt index) instead of raising,
-- as lua-cjson's cjson.safe does; wrong arguments still raise. See lua/verbatim/init.lua.
return require("verbatim").safe
