# verbatim: C engine, CLI and Lua module.
#   make              CLI (build/verbatim) and the Lua 5.4 module (build/lua5.4/verbatim/core.so)
#   make LUA=5.3      the module for Lua 5.3;  make LUA=jit  for LuaJIT;  make lua-all  all three
#   make nvim         the LuaJIT module where Neovim finds it (lua/verbatim/core.so)
#   make test | check-asan | bench | fuzz | deps | install PREFIX=...

LUA ?= 5.4
CC ?= cc
PKG_CONFIG ?= pkg-config
PREFIX ?= /usr/local
CFLAGS ?= -O2 -g
LIBFLAG ?= -shared
WARN = -std=c11 -Wall -Wextra -pedantic
BUILD ?= build

ifeq ($(LUA),jit)
LUA_PC = luajit
LUA_TAG = luajit
LUA_BIN = luajit
else
LUA_PC = lua$(LUA)
LUA_TAG = lua$(LUA)
LUA_BIN = lua$(LUA)
endif
LUA_INCDIR ?= $(patsubst -I%,%,$(filter -I%,$(shell $(PKG_CONFIG) --cflags $(LUA_PC) 2>/dev/null)))
LUA_CFLAGS = $(if $(LUA_INCDIR),-I$(LUA_INCDIR))
LUA_LIBDIR ?= $(PREFIX)/lib/lua/$(if $(filter jit,$(LUA)),5.1,$(LUA))
LUA_SHAREDIR ?= $(PREFIX)/share/lua/$(if $(filter jit,$(LUA)),5.1,$(LUA))

PCRE_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE_LIBS := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
UTF8PROC_CFLAGS := $(shell $(PKG_CONFIG) --cflags libutf8proc 2>/dev/null)
UTF8PROC_LIBS := $(shell $(PKG_CONFIG) --libs libutf8proc 2>/dev/null || echo -lutf8proc)

CLI_SRC = $(wildcard src/cli*.c)
BIND_SRC = $(wildcard src/lua_*.c)
ENGINE_SRC = $(filter-out $(CLI_SRC) $(BIND_SRC),$(wildcard src/*.c))
ENGINE_OBJ = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(ENGINE_SRC))
CLI_OBJ = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(CLI_SRC))
BIND_OBJ = $(patsubst src/%.c,$(BUILD)/$(LUA_TAG)/obj/%.o,$(BIND_SRC))
ENGINE_LIB = $(BUILD)/libverbatim.a
MODULE = $(BUILD)/$(LUA_TAG)/verbatim/core.so
EXTRA_LIBS ?=
LIBS = $(PCRE_LIBS) $(UTF8PROC_LIBS) $(EXTRA_LIBS) -lm
ALL_CFLAGS = $(WARN) $(CFLAGS) -fPIC $(PCRE_CFLAGS) $(UTF8PROC_CFLAGS) $(CPPFLAGS) $(VB_DEFS)

.PHONY: all cli module lua-all nvim test test-c test-lua test-cli check-asan bench fuzz deps install clean
all: cli module

cli: $(BUILD)/verbatim
module: $(MODULE)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(BUILD)/$(LUA_TAG)/obj/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/$(LUA_TAG)/obj
	$(CC) $(ALL_CFLAGS) $(LUA_CFLAGS) -c $< -o $@
$(BUILD)/obj $(BUILD)/$(LUA_TAG)/obj $(BUILD)/$(LUA_TAG)/verbatim $(BUILD)/tests:
	mkdir -p $@

$(ENGINE_LIB): $(ENGINE_OBJ)
	rm -f $@ && $(AR) rcs $@ $^
$(BUILD)/verbatim: $(CLI_OBJ) $(ENGINE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(ENGINE_LIB) $(LIBS)
# never link liblua: the host interpreter provides its symbols
$(MODULE): $(BIND_OBJ) $(ENGINE_LIB) | $(BUILD)/$(LUA_TAG)/verbatim
	$(CC) $(LIBFLAG) $(CFLAGS) $(LDFLAGS) -o $@ $(BIND_OBJ) $(ENGINE_LIB) $(LIBS)

lua-all:
	$(MAKE) LUA=5.4 module
	$(MAKE) LUA=5.3 module
	$(MAKE) LUA=jit module

nvim:
	$(MAKE) LUA=jit module cli
	cp $(BUILD)/luajit/verbatim/core.so lua/verbatim/core.so

# ---------------------------------------------------------------- tests
C_TESTS = $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))
$(BUILD)/tests/%: tests/%.c $(ENGINE_LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Isrc $< -o $@ $(ENGINE_LIB) $(LIBS) $$($(PKG_CONFIG) --libs cmocka)

# every suite: C (cmocka), Lua (each build), CLI, Neovim and pandoc (each skipped with a note
# only when its tool is missing; .ci/run installs them all)
test: test-c test-lua test-cli test-nvim test-pandoc
test-c: $(C_TESTS)
	@set -e; for t in $(C_TESTS); do echo "== $$t"; $$t; done
test-lua: lua-all
	@set -e; for v in lua5.4:lua5.4 lua5.3:lua5.3 luajit:luajit; do \
	  tag=$${v%%:*}; bin=$${v##*:}; echo "== tests/lua with $$bin"; \
	  LUA_CPATH="$(BUILD)/$$tag/?.so" LUA_PATH="lua/?.lua;lua/?/init.lua;tests/lua/?.lua" \
	    $$bin tests/lua/run.lua $(wildcard tests/lua/test_*.lua); done
test-cli: cli
	@sh tests/cli/run.sh $(BUILD)/verbatim
test-nvim: nvim
	@if [ -f tests/nvim/run.sh ]; then sh tests/nvim/run.sh; fi
test-pandoc: cli module
	@if [ -f tests/pandoc/run.sh ]; then sh tests/pandoc/run.sh; fi

check-asan:
	$(MAKE) BUILD=build/asan CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" test-c test-cli

# one program per stage (bench/bench_*.c), each printing its own figures; bench/*.sh for peers
BENCHES = $(patsubst bench/%.c,$(BUILD)/bench/%,$(wildcard bench/bench_*.c))
bench: cli $(BENCHES)
	@set -e; for b in $(BENCHES); do $$b $(BENCH_ARGS); done
	@set -e; for s in $(wildcard bench/*.sh); do sh $$s $(BUILD)/verbatim; done
# edlib is a peer in the check bench, never part of the engine
$(BUILD)/bench/bench_check: EXTRA_LIBS += -ledlib
$(BUILD)/bench/%: bench/%.c $(ENGINE_LIB)
	mkdir -p $(BUILD)/bench
	$(CC) $(ALL_CFLAGS) -Isrc $< -o $@ $(ENGINE_LIB) $(LIBS)

FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
fuzz: $(FUZZ_TARGETS)
	@set -e; for f in $(FUZZ_TARGETS); do mkdir -p build/fuzz/corpus-$$(basename $$f); \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz/corpus-$$(basename $$f) tests/fixtures; done
build/fuzz/%: tests/fuzz/%.c $(ENGINE_SRC)
	mkdir -p build/fuzz
	clang $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined $(PCRE_CFLAGS) -Isrc $< $(ENGINE_SRC) -o $@ $(LIBS)

deps:
	sh tools/deps.sh

install: cli module
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LUA_LIBDIR)/verbatim $(DESTDIR)$(LUA_SHAREDIR)/verbatim
	install -m 755 $(BUILD)/verbatim $(DESTDIR)$(PREFIX)/bin/verbatim
	install -m 755 $(MODULE) $(DESTDIR)$(LUA_LIBDIR)/verbatim/core.so
	install -m 644 lua/verbatim/*.lua $(DESTDIR)$(LUA_SHAREDIR)/verbatim/

clean:
	rm -rf build lua/verbatim/core.so
