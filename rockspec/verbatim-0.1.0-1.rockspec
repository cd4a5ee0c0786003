-- LuaRocks build of verbatim: the Lua module verbatim.core (C), the Lua API (lua/verbatim/)
-- and the `verbatim` CLI, for whichever Lua LuaRocks is run for.
--
--   luarocks make rockspec/verbatim-0.1.0-1.rockspec                     (Lua 5.4 or default)
--   luarocks --lua-version 5.3 make --local rockspec/verbatim-0.1.0-1.rockspec
--
-- It lives in rockspec/ and not at the top on purpose: lazy.nvim runs luarocks by itself
-- when it finds a rockspec at a plugin's root, and Neovim users want `make nvim`.
-- Its version is the engine's (VB_VERSION in src/version.h): tests/lua/test_version.lua
-- fails when they differ, so a release renames this file and sets version and tag.
rockspec_format = "3.0"
package = "verbatim"
version = "0.1.0-1"

source = {
   -- `luarocks make` builds the checkout it is run in; this address is only used by
   -- `luarocks build/install` and must be the project's public git repository.
   url = "git+https://example.org/verbatim.git",
   tag = "v0.1.0",
}

description = {
   summary = "Find, attribute and check quotes in news articles",
   detailed = [[
verbatim finds the quotations in a news article, says who is quoted and lists the
article's sources, and checks quotes against transcripts and other source material.
A C11 engine with a Lua API (verbatim, verbatim.core) and a command-line tool.]],
   license = "MIT",   -- LICENSE; the SPDX name LuaRocks and luarocks.org expect
   labels = { "journalism", "text", "quotes" },
}

dependencies = {
   "lua >= 5.1, < 5.5",
}

-- Debian: libpcre2-dev (patterns), libutf8proc-dev (Unicode folding for check), libyaml-dev
-- (the project file) and, for the CLI's language server, libjansson-dev
external_dependencies = {
   PCRE2 = { header = "pcre2.h", library = "pcre2-8" },
   UTF8PROC = { header = "utf8proc.h", library = "utf8proc" },
   YAML = { header = "yaml.h", library = "yaml" },
   JANSSON = { header = "jansson.h", library = "jansson" },
   LIBZIP = { header = "zip.h", library = "zip" },
   EXPAT = { header = "expat.h", library = "expat" },
}

build = {
   type = "make",
   build_target = "cli module",
   -- passed to both `make cli module` and `make install`: the module is built against
   -- LuaRocks' Lua headers, in a folder named after their LUA_VERSION_NUM
   variables = {
      CC = "$(CC)",
      CFLAGS = "$(CFLAGS)",
      LIBFLAG = "$(LIBFLAG)",
      LUA_INCDIR = "$(LUA_INCDIR)",
      PCRE2_INCDIR = "$(PCRE2_INCDIR)",
      PCRE2_LIBDIR = "$(PCRE2_LIBDIR)",
      UTF8PROC_INCDIR = "$(UTF8PROC_INCDIR)",
      UTF8PROC_LIBDIR = "$(UTF8PROC_LIBDIR)",
      YAML_INCDIR = "$(YAML_INCDIR)",
      YAML_LIBDIR = "$(YAML_LIBDIR)",
      JANSSON_INCDIR = "$(JANSSON_INCDIR)",
      JANSSON_LIBDIR = "$(JANSSON_LIBDIR)",
      LIBZIP_INCDIR = "$(LIBZIP_INCDIR)",
      LIBZIP_LIBDIR = "$(LIBZIP_LIBDIR)",
      EXPAT_INCDIR = "$(EXPAT_INCDIR)",
      EXPAT_LIBDIR = "$(EXPAT_LIBDIR)",
   },
   install_variables = {
      INST_PREFIX = "$(PREFIX)",
      INST_BINDIR = "$(BINDIR)",
      INST_LIBDIR = "$(LIBDIR)",
      INST_LUADIR = "$(LUADIR)",
   },
}
