# verbatim: C engine, CLI and Lua module.
#   make              CLI (build/verbatim) and the Lua 5.4 module (build/lua5.4/verbatim/core.so)
#   make LUA=5.3      the module for Lua 5.3;  make LUA=jit  for LuaJIT;  make lua-all  all three
#   make nvim         the LuaJIT module where Neovim finds it (lua/verbatim/core.so)
#   make test | test-hosts | test-report | check-asan | bench | fuzz | deps | pictures | install PREFIX=...

LUA ?= 5.4
CC ?= cc
PKG_CONFIG ?= pkg-config
PREFIX ?= /usr/local
# -O3: about 0.7% fewer instructions than -O2 in vb_analyze (callgrind); without its loop
# vectorizer 0.35% fewer again and 3.7% fewer I1 misses (the loops it widens are short)
CFLAGS ?= -O3 -fno-tree-vectorize -fno-semantic-interposition -g
# a Lua C module: a shared object; on macOS a bundle whose Lua symbols the interpreter
# provides when it loads it (as LuaRocks builds modules there)
UNAME_S ?= $(shell uname -s)
ifeq ($(UNAME_S),Darwin)
LIBFLAG ?= -bundle -undefined dynamic_lookup
else
LIBFLAG ?= -shared
endif
WARN = -std=c11 -Wall -Wextra -pedantic -Wshadow -Wmissing-prototypes -Wcast-qual -Wstrict-prototypes -Wredundant-decls
BUILD ?= build

# ---------------------------------------------------------------- Lua flavours
# Each Lua gets its own folder build/<tag>/ so that 5.4, 5.3 and LuaJIT objects never mix.
# Headers come from pkg-config; LuaRocks passes LUA_INCDIR instead, and then the tag is
# taken from the headers themselves (lua-<LUA_VERSION_NUM>): a rock built for 5.3 after one
# for 5.4 must not reuse its objects.
lua_pc = $(if $(filter jit,$1),luajit,lua$1)
lua_dir = $(if $(filter jit,$1),5.1,$1)
lua_inc = $(patsubst -I%,%,$(filter -I%,$(shell $(PKG_CONFIG) --cflags $(call lua_pc,$1) 2>/dev/null)))
ifneq ($(filter command line environment,$(origin LUA_INCDIR)),)
HASH := \#
LUA_ABI := $(shell printf '$(HASH)include "lua.h"\nLUA_VERSION_NUM\n' | $(CC) -E -P -I'$(LUA_INCDIR)' - 2>/dev/null | tail -n 1)
LUA_TAG := lua-$(LUA_ABI)
INC_$(LUA_TAG) := $(LUA_INCDIR)
else
LUA_TAG := $(call lua_pc,$(LUA))
LUA_INCDIR := $(call lua_inc,$(LUA))
endif
INC_lua5.4 = $(call lua_inc,5.4)
INC_lua5.3 = $(call lua_inc,5.3)
INC_luajit = $(call lua_inc,jit)
LUA_BIN = $(call lua_pc,$(LUA))

# PCRE2, utf8proc, libyaml and jansson: the folders LuaRocks found for external_dependencies win over pkg-config
ifneq ($(PCRE2_INCDIR),)
override PCRE_CFLAGS := -I$(PCRE2_INCDIR)
override PCRE_LIBS := $(if $(PCRE2_LIBDIR),-L$(PCRE2_LIBDIR)) -lpcre2-8
endif
ifneq ($(UTF8PROC_INCDIR),)
override UTF8PROC_CFLAGS := -I$(UTF8PROC_INCDIR)
override UTF8PROC_LIBS := $(if $(UTF8PROC_LIBDIR),-L$(UTF8PROC_LIBDIR)) -lutf8proc
endif

ifneq ($(YAML_INCDIR),)
override YAML_CFLAGS := -I$(YAML_INCDIR)
override YAML_LIBS := $(if $(YAML_LIBDIR),-L$(YAML_LIBDIR)) -lyaml
endif
ifneq ($(JANSSON_INCDIR),)
override JANSSON_CFLAGS := -I$(JANSSON_INCDIR)
override JANSSON_LIBS := $(if $(JANSSON_LIBDIR),-L$(JANSSON_LIBDIR)) -ljansson
endif

# install folders (LuaRocks passes INST_*: see rockspec/verbatim-*.rockspec)
INST_PREFIX ?= $(PREFIX)
INST_BINDIR ?= $(INST_PREFIX)/bin
INST_LIBDIR ?= $(INST_PREFIX)/lib/lua/$(call lua_dir,$(LUA))
INST_LUADIR ?= $(INST_PREFIX)/share/lua/$(call lua_dir,$(LUA))
INST_MANDIR ?= $(INST_PREFIX)/share/man/man1

PCRE_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE_LIBS := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
UTF8PROC_CFLAGS := $(shell $(PKG_CONFIG) --cflags libutf8proc 2>/dev/null)
UTF8PROC_LIBS := $(shell $(PKG_CONFIG) --libs libutf8proc 2>/dev/null || echo -lutf8proc)
# libyaml reads the project file (src/config.c, the engine); jansson is the language
# server's JSON (src/lsp_*.c, the CLI only: the engine and the module never see it)
YAML_CFLAGS := $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || echo -lyaml)
JANSSON_CFLAGS := $(shell $(PKG_CONFIG) --cflags jansson 2>/dev/null)
JANSSON_LIBS := $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null || echo -ljansson)
# transcripts as they arrive (decode.c, markup.c): .docx is a ZIP (libzip) of XML (expat)
FORMAT_CFLAGS := $(shell $(PKG_CONFIG) --cflags libzip expat 2>/dev/null)
FORMAT_LIBS := $(shell $(PKG_CONFIG) --libs libzip expat 2>/dev/null || echo -lzip -lexpat)
ifneq ($(LIBZIP_INCDIR)$(EXPAT_INCDIR),)
override FORMAT_CFLAGS := $(if $(LIBZIP_INCDIR),-I$(LIBZIP_INCDIR)) $(if $(EXPAT_INCDIR),-I$(EXPAT_INCDIR))
override FORMAT_LIBS := $(if $(LIBZIP_LIBDIR),-L$(LIBZIP_LIBDIR)) -lzip $(if $(EXPAT_LIBDIR),-L$(EXPAT_LIBDIR)) -lexpat
endif

# The module carries its own utf8proc, its symbols hidden (--exclude-libs): when a host
# program has a copy of its own (Neovim 0.12 exports its utf8proc 2.11), the dynamic linker
# would otherwise bind the module's calls to the host's copy, since the executable comes
# first. -Bsymbolic would not do: it binds only the symbols the module itself defines. Used
# when the static libutf8proc.a is there (Debian ships it, position-independent) and the
# linker is GNU's or LLVM's; elsewhere the shared library (on Darwin the two-level namespace
# binds to it anyway). `make test-link` tests it.
UTF8PROC_A ?= $(if $(UTF8PROC_LIBDIR),$(wildcard $(UTF8PROC_LIBDIR)/libutf8proc.a),$(filter /%,$(shell $(CC) -print-file-name=libutf8proc.a 2>/dev/null)))
MODULE_UTF8PROC = $(if $(and $(UTF8PROC_A),$(filter-out Darwin,$(UNAME_S))),$(UTF8PROC_A) -Wl$(comma)--exclude-libs$(comma)libutf8proc.a,$(UTF8PROC_LIBS))
comma := ,

CLI_SRC = $(wildcard src/cli*.c src/lsp_*.c)
BIND_SRC = $(wildcard src/lua_*.c)
ENGINE_SRC = $(filter-out $(CLI_SRC) $(BIND_SRC),$(wildcard src/*.c))
ENGINE_OBJ = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(ENGINE_SRC))
CLI_OBJ = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(CLI_SRC))
HEADERS = $(wildcard src/*.h)
ENGINE_LIB = $(BUILD)/libverbatim.a
MODULE = $(BUILD)/$(LUA_TAG)/verbatim/core.so
EXTRA_LIBS ?=
LIBS = $(PCRE_LIBS) $(UTF8PROC_LIBS) $(FORMAT_LIBS) $(YAML_LIBS) $(EXTRA_LIBS) -lm
MODULE_LIBS = $(PCRE_LIBS) $(MODULE_UTF8PROC) $(FORMAT_LIBS) $(YAML_LIBS) $(EXTRA_LIBS) -lm
ALL_CFLAGS = $(WARN) $(CFLAGS) -fPIC $(PCRE_CFLAGS) $(UTF8PROC_CFLAGS) $(FORMAT_CFLAGS) $(YAML_CFLAGS) $(CPPFLAGS) $(VB_DEFS)

.PHONY: all cli module lua-all nvim install-pandoc install-man test test-c test-lua test-cli check-asan bench fuzz deps install clean
all: cli module

cli: $(BUILD)/verbatim
module: $(MODULE)

$(BUILD)/obj/%.o: src/%.c $(HEADERS) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

$(ENGINE_LIB): $(ENGINE_OBJ)
	rm -f $@ && $(AR) rcs $@ $^
$(BUILD)/verbatim: $(CLI_OBJ) $(ENGINE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(ENGINE_LIB) $(JANSSON_LIBS) $(LIBS)
$(patsubst src/%.c,$(BUILD)/obj/%.o,$(wildcard src/lsp_*.c)): ALL_CFLAGS += $(JANSSON_CFLAGS)

# One set of rules per Lua (no recursive make, so `make -j lua-all test` is safe).
# The module never links liblua: the host interpreter provides the Lua API symbols.
define lua_module
$(BUILD)/$1/obj/%.o: src/%.c $(HEADERS) | $(BUILD)/$1/obj
	@test -n "$$(INC_$1)" || { echo "no Lua headers for $1: run 'make deps' or pass LUA_INCDIR=" >&2; exit 1; }
	$$(CC) $$(ALL_CFLAGS) -I$$(INC_$1) -c $$< -o $$@
$(BUILD)/$1/verbatim/core.so: $(patsubst src/%.c,$(BUILD)/$1/obj/%.o,$(BIND_SRC)) $(ENGINE_LIB) | $(BUILD)/$1/verbatim
	$$(CC) $$(LIBFLAG) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$(filter %.o,$$^) $(ENGINE_LIB) $$(MODULE_LIBS)
$(BUILD)/$1/obj $(BUILD)/$1/verbatim:
	mkdir -p $$@
endef
$(foreach t,$(sort lua5.4 lua5.3 luajit $(LUA_TAG)),$(eval $(call lua_module,$t)))

lua-all: $(BUILD)/lua5.4/verbatim/core.so $(BUILD)/lua5.3/verbatim/core.so $(BUILD)/luajit/verbatim/core.so

# Neovim loads lua/verbatim/core.so from the plugin folder (LuaJIT)
# and the help's tags (doc/tags, git-ignored), so that :help verbatim works at once; by
# the Neovim that runs the build (a plugin manager's), else the first on PATH
NVIM ?= nvim
nvim: cli lua/verbatim/core.so doc/tags
lua/verbatim/core.so: $(BUILD)/luajit/verbatim/core.so
	cp $(BUILD)/luajit/verbatim/core.so lua/verbatim/core.so
doc/tags: doc/verbatim.txt
	@if command -v $(NVIM) >/dev/null 2>&1; then \
	  $(NVIM) --headless -u NONE -i NONE -n -c 'helptags doc' -c 'qall!' </dev/null && test -f doc/tags; \
	else echo "note: no $(NVIM) to build doc/tags: run :helptags doc in Neovim"; fi

# the pandoc filter: installed as PREFIX/share/pandoc/filters/verbatim.lua (it finds the
# module and the CLI of that prefix); the Quarto extension (_extensions/verbatim/) is a
# shim that loads the installed filter or this tree's, so there is nothing to copy
PANDOC_FILTERDIR ?= $(if $(INST_PREFIX),$(INST_PREFIX),$(PREFIX))/share/pandoc/filters
install: install-pandoc install-man
install-pandoc:
	install -d $(DESTDIR)$(PANDOC_FILTERDIR)
	install -m 644 lua/verbatim/filter.lua $(DESTDIR)$(PANDOC_FILTERDIR)/verbatim.lua

# ---------------------------------------------------------------- tests
C_TESTS = $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))
$(BUILD)/tests/%: tests/%.c $(ENGINE_LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Isrc $< -o $@ $(ENGINE_LIB) $(LIBS) $$($(PKG_CONFIG) --libs cmocka)

# every suite: C (cmocka), Lua (each build), CLI, Neovim and pandoc (each skipped with a note
# only when its tool is missing; .ci/run installs them all), and the Neovim and pandoc
# suites again on newer Debian's versions (test-hosts)
test: test-c test-lua test-cli test-lsp test-link test-layout test-nvim test-pandoc test-report test-hosts
test-c: $(C_TESTS)
	@fail=0; for t in $(C_TESTS); do echo "== $$t"; $$t || fail=1; done; exit $$fail
test-lua: lua-all
	@fail=0; for tag in lua5.4 lua5.3 luajit; do echo "== tests/lua with $$tag"; \
	  if ldd $(BUILD)/$$tag/verbatim/core.so | grep -q 'libluajit\|liblua'; then \
	    echo "FAIL: $(BUILD)/$$tag/verbatim/core.so links liblua" >&2; fail=1; fi; \
	  LUA_CPATH="$(BUILD)/$$tag/?.so" LUA_PATH="lua/?.lua;lua/?/init.lua;tests/lua/?.lua" \
	    $$tag tests/lua/run.lua $(wildcard tests/lua/test_*.lua) || fail=1; done; exit $$fail
# the shape of src/: file and function lengths, no call cycles between files (tools/layout.py)
test-layout: cli module
	@echo "== tools/layout.py"; python3 tools/layout.py $(BUILD)
# the module's utf8proc cannot be taken over by a host's copy (MODULE_UTF8PROC)
test-link: lua-all $(BUILD)/tests/host_utf8proc.so
	@echo "== tests/link"; if [ -z "$(findstring exclude-libs,$(MODULE_UTF8PROC))" ]; then \
	  echo "link: skipped (no static libutf8proc.a: the module uses the shared one)"; else \
	  sh tests/link/run.sh $(BUILD)/tests/host_utf8proc.so $(BUILD)/lua5.4/verbatim/core.so \
	    $(BUILD)/lua5.3/verbatim/core.so $(BUILD)/luajit/verbatim/core.so; fi
$(BUILD)/tests/host_utf8proc.so: tests/link/host_utf8proc.c | $(BUILD)/tests
	$(CC) $(WARN) $(CFLAGS) -fPIC -shared -o $@ $<
test-cli: cli
	@sh tests/cli/run.sh $(BUILD)/verbatim
# the language server with the scripted client (tests/lsp/client.py)
test-lsp: cli
	@echo "== tests/lsp"; python3 tests/lsp/run.py $(BUILD)/verbatim
test-nvim: nvim
	@if [ -f tests/nvim/run.sh ]; then sh tests/nvim/run.sh; fi
test-pandoc: cli module
	@if [ -f tests/pandoc/run.sh ]; then sh tests/pandoc/run.sh; fi
# the audit page and the review style in headless Chromium (skipped, saying so, without it)
test-report: cli module
	@sh tests/report/run.sh
# the README's pictures (doc/*.png), taken by headless Chromium
pictures: cli module
	@sh tools/pictures.sh

# The Neovim and pandoc suites on other hosts: the versions of each Debian suite in HOSTS,
# unpacked beside the system's into build/hosts/SUITE by tools/hosts.sh (and reused there):
# Debian 13 (trixie: Neovim 0.10, pandoc 3.1) and unstable (sid: Neovim 0.12, pandoc 3.11
# when this was written). A suite is skipped with a note when the Debian archive cannot be
# reached or serve it, or patchelf is missing.
HOSTS ?= trixie sid
test-hosts: nvim cli module
	@fail=0; for s in $(HOSTS); do \
	  out=$$(sh tools/hosts.sh $(BUILD)/hosts/$$s $$s); rc=$$?; \
	  case $$rc in 0) ;; 3|4) echo "== Debian $$s hosts: $$out"; continue ;; \
	    *) echo "FAIL: tools/hosts.sh ($$s) exited $$rc" >&2; fail=1; continue ;; esac; \
	  set -- $$out; \
	  echo "== tests/nvim with Neovim $$2 (Debian $$s)"; NVIM=$$3 sh tests/nvim/run.sh || fail=1; \
	  echo "== tests/pandoc with pandoc $$5 (Debian $$s)"; PANDOC=$$6 sh tests/pandoc/run.sh || fail=1; \
	done; exit $$fail

.PHONY: test-nvim test-pandoc test-report pictures test-hosts test-link test-layout test-lua-asan test-lsp fuzz-seeds
# C, CLI, language server and Lua tests with AddressSanitizer (leaks included) and UBSan. The Lua
# interpreters are not built with ASan: they preload clang's runtime for the module.
check-asan:
	$(MAKE) BUILD=build/asan CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" test-c test-cli test-lsp test-lua-asan
ASAN_RT = $(shell clang -print-file-name=libclang_rt.asan-$$(uname -m).so 2>/dev/null)
test-lua-asan: $(BUILD)/lua5.4/verbatim/core.so $(BUILD)/lua5.3/verbatim/core.so $(BUILD)/luajit/verbatim/core.so
	@fail=0; for tag in lua5.4 lua5.3 luajit; do echo "== tests/lua with $$tag (ASan)"; \
	  LD_PRELOAD="$(ASAN_RT)" ASAN_OPTIONS=detect_leaks=1 \
	  LUA_CPATH="$(BUILD)/$$tag/?.so" LUA_PATH="lua/?.lua;lua/?/init.lua;tests/lua/?.lua" \
	    $$tag tests/lua/run.lua $(wildcard tests/lua/test_*.lua) || fail=1; done; exit $$fail

# one program per stage (bench/bench_*.c), each printing its own figures; bench/*.sh for peers.
# VB_CORPUS=DIR: the .txt files (searched recursively) bench_quotes and bench_attrib read;
# empty: ../shared/data/polnear/{train,dev}/text beside the repository, skipped when absent
VB_CORPUS ?=
BENCHES = $(patsubst bench/%.c,$(BUILD)/bench/%,$(wildcard bench/bench_*.c))
# make test builds the benches too (not runs them): an API change that breaks one shows there
test-c: $(BENCHES)
bench: cli $(BENCHES)
	@set -e; for b in $(BENCHES); do VB_CORPUS='$(VB_CORPUS)' VB_CLI='$(BUILD)/verbatim' $$b $(BENCH_ARGS); done
	@set -e; for s in $(wildcard bench/*.sh); do sh $$s $(BUILD)/verbatim; done
# edlib is a peer in the check bench, never part of the engine
$(BUILD)/bench/bench_check: EXTRA_LIBS += -ledlib
$(BUILD)/bench/%: bench/%.c bench/corpus.h $(ENGINE_LIB)
	mkdir -p $(BUILD)/bench
	$(CC) $(ALL_CFLAGS) -Isrc $< -o $@ $(ENGINE_LIB) $(LIBS)

FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
fuzz: $(FUZZ_TARGETS) fuzz-seeds
	@set -e; for f in $(FUZZ_TARGETS); do mkdir -p build/fuzz/corpus-$$(basename $$f); \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz/corpus-$$(basename $$f) tests/fixtures; done
# the index reader's corpus starts from real indexes of tests/fixtures/check (one
# segment; two), so that mutations begin with indexes whose files exist
fuzz-seeds: cli
	@mkdir -p build/fuzz/corpus-fuzz_index && c=build/fuzz/corpus-fuzz_index && \
	  $(BUILD)/verbatim index --output $$c/seed-1 tests/fixtures/check/sources 2>/dev/null && \
	  $(BUILD)/verbatim index --output $$c/seed-2 tests/fixtures/check/sources 2>/dev/null && \
	  $(BUILD)/verbatim index --append --output $$c/seed-2 tests/fixtures/check/floor 2>/dev/null
build/fuzz/%: tests/fuzz/%.c $(ENGINE_SRC)
	mkdir -p build/fuzz
	clang $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined $(PCRE_CFLAGS) -Isrc $< $(ENGINE_SRC) -o $@ $(LIBS)

deps:
	@sh tools/deps.sh

# the man page (doc/verbatim.1, tests/cli/test_man.sh)
install-man:
	install -d $(DESTDIR)$(INST_MANDIR)
	install -m 644 doc/verbatim.1 $(DESTDIR)$(INST_MANDIR)/verbatim.1

# the CLI, the module for $(LUA) and every Lua file under lua/ (nvim and pandoc helpers too)
install: cli module
	install -d $(DESTDIR)$(INST_BINDIR) $(DESTDIR)$(INST_LIBDIR)/verbatim $(DESTDIR)$(INST_LUADIR)
	install -m 755 $(BUILD)/verbatim $(DESTDIR)$(INST_BINDIR)/verbatim
	install -m 755 $(MODULE) $(DESTDIR)$(INST_LIBDIR)/verbatim/core.so
	cd lua && find verbatim -name '*.lua' | while read -r f; do \
	  install -D -m 644 "$$f" "$(DESTDIR)$(INST_LUADIR)/$$f" || exit 1; done

clean:
	rm -rf build lua/verbatim/core.so doc/tags
