# brief: a terminal briefing reader.  See README.md.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/brief
MANDIR ?= $(PREFIX)/share/man/man1
DESTDIR ?=

VERSION := 0.1.0
PKGS := ncursesw yaml-0.1 libpcre2-8 libxml-2.0 jansson gmime-3.0 sqlite3 libpq
CC ?= cc
CFLAGS ?= -O2 -g
# warnings are errors; `make WERROR=` turns that off (make check keeps it)
WERROR := -Werror
WARN = -std=c11 -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wno-format-nonliteral
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
# brief itself loads libpq, libxml2 and GMime when it first needs them
# (dlopen: src/archive/pg_lib.c, src/text/xml_lib.c, gmime_lib.c), not at
# start-up; the tests and tools link them
DL_PKGS := libpq libxml-2.0 gmime-3.0
# and links these in from their static archives when they are installed
# (STATIC_LIBS= links them shared): the loader then maps and relocates
# only libc, libm and jansson before main, 0.35 ms less at every start
STATIC_LIBS ?= ncursesw tinfo yaml pcre2-8 sqlite3
static_a = $(foreach l,$(STATIC_LIBS),$(filter /%,$(shell \
	$(CC) -print-file-name=lib$(l).a)))
BRIEF_LIBS = $(static_a) $(filter-out \
	$(patsubst lib%.a,-l%,$(notdir $(static_a))),$(shell pkg-config \
	--libs $(filter-out $(DL_PKGS),$(PKGS)) 2>/dev/null)) -lm
CPPFLAGS_ALL = -Iinclude -D_GNU_SOURCE \
	-DBRIEF_VERSION='"$(VERSION)"' -DBRIEF_DATADIR='"$(DATADIR)"' $(PKG_CFLAGS)

# src/LAYER/*.c, headers in include/brief/LAYER/ (see README, Layout);
# objects mirror the folders under each build directory
LAYERS := base yaml text mark compare notes report archive ui cli
SRCS := $(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c))
LIB_SRCS := $(filter-out src/cli/main.c,$(SRCS))
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES := $(FUZZ_SRCS:tests/fuzz/fuzz_%.c=%)
FUZZ_SECONDS ?= 60

# Two builds: plain (./brief, build/) and sanitized (build/asan/brief).
SAN := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
B := build
A := build/asan
# ThreadSanitizer build of the threaded highlighting (-j N): build/tsan/brief
TSAN := -fsanitize=thread -fno-omit-frame-pointer
TS := build/tsan
TSOBJS = $(LIB_SRCS:src/%.c=$(TS)/%.o)

OBJS := $(LIB_SRCS:src/%.c=$(B)/%.o)
AOBJS := $(LIB_SRCS:src/%.c=$(A)/%.o)
UNITS := $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)
AUNITS := $(UNIT_SRCS:tests/unit/%.c=$(A)/tests/%)
# the fuzz targets, replaying their corpora (sanitized, no libFuzzer)
REPLAYS := $(FUZZ_NAMES:%=$(A)/fuzz/replay_%)
C := build/clang

# Building never installs anything: a missing library stops the build with
# the Debian package to install (make deps).  The compile flags are kept
# in a file, so that changing them (WERROR=, CFLAGS=) rebuilds.
LIBS_OK := libs-ok
DEB_ncursesw := libncurses-dev
DEB_yaml-0.1 := libyaml-dev
DEB_libpcre2-8 := libpcre2-dev
DEB_libxml-2.0 := libxml2-dev
DEB_jansson := libjansson-dev
DEB_gmime-3.0 := libgmime-3.0-dev
DEB_sqlite3 := libsqlite3-dev
DEB_libpq := libpq-dev
DEB_cmocka := libcmocka-dev
# $(call need_libs,PKG...): fail naming the Debian package of each missing
need_libs = missing=; command -v pkg-config >/dev/null || missing=" pkg-config"; \
	$(foreach l,$(1),pkg-config --exists $(l) 2>/dev/null || \
		missing="$$missing $(or $(DEB_$(l)),$(l))";) \
	if [ -n "$$missing" ]; then echo "brief: cannot build, missing:$$missing" \
		"(Debian packages; 'make deps' installs them)" >&2; exit 1; fi
FLAGS := $(B)/.flags

.SECONDARY:

.PHONY: all deps run check test unit cli e2e asan tsan install uninstall clean \
	bench fuzz soak valgrind snapshots screens layers eval-extract \
	$(LIBS_OK) $(FLAGS).new

all: brief

# Install the Debian packages brief needs, only those that are missing.
deps:
	@sh tests/deps.sh

$(LIBS_OK):
	@$(call need_libs,$(PKGS))

$(FLAGS).new:
	@mkdir -p $(B)
	@echo '$(CC) $(CFLAGS) $(WARN) $(CPPFLAGS_ALL)' >$@
$(FLAGS): $(FLAGS).new
	@cmp -s $< $@ || cp $< $@

brief: $(B)/cli/main.o $(B)/libbrief.a
	$(CC) $(CFLAGS) -o $@ $(B)/cli/main.o $(B)/libbrief.a $(BRIEF_LIBS) $(LDFLAGS)

$(B)/libbrief.a: $(OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/%.o: src/%.c $(FLAGS) | $(LIBS_OK)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(CPPFLAGS_ALL) -MMD -MP -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/libbrief.a | $(LIBS_OK)
	@$(call need_libs,cmocka)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -Wno-missing-prototypes $(CPPFLAGS_ALL) \
		$(shell pkg-config --cflags cmocka) -MMD -MP -o $@ $< \
		$(B)/libbrief.a $(PKG_LIBS) $(shell pkg-config --libs cmocka)

# tools the evaluations use (not installed)
$(B)/tools/%: tests/tools/%.c $(B)/libbrief.a | $(LIBS_OK)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -Wno-missing-prototypes $(CPPFLAGS_ALL) -MMD \
		-MP -o $@ $< $(B)/libbrief.a $(PKG_LIBS)

# Sanitized build
$(A)/brief: $(A)/cli/main.o $(A)/libbrief.a
	$(CC) -O1 -g $(SAN) -o $@ $^ $(BRIEF_LIBS)

$(A)/libbrief.a: $(AOBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(A)/%.o: src/%.c $(FLAGS) | $(LIBS_OK)
	@mkdir -p $(@D)
	$(CC) -O1 -g $(SAN) $(WARN) $(CPPFLAGS_ALL) -MMD -MP -c -o $@ $<

# ThreadSanitizer build (make tsan; make check runs tests/cli/jobs.sh
# and tests/e2e/index_jobs.sh, the reader's index, under it)
tsan: $(TS)/brief

$(TS)/brief: $(TS)/cli/main.o $(TS)/libbrief.a
	$(CC) -O1 -g $(TSAN) -o $@ $^ $(BRIEF_LIBS)

$(TS)/libbrief.a: $(TSOBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(TS)/%.o: src/%.c $(FLAGS) | $(LIBS_OK)
	@mkdir -p $(@D)
	$(CC) -O1 -g $(TSAN) $(WARN) $(CPPFLAGS_ALL) -MMD -MP -c -o $@ $<

$(A)/tests/%: tests/unit/%.c $(A)/libbrief.a | $(LIBS_OK)
	@$(call need_libs,cmocka)
	@mkdir -p $(@D)
	$(CC) -O1 -g $(SAN) $(WARN) -Wno-missing-prototypes $(CPPFLAGS_ALL) \
		$(shell pkg-config --cflags cmocka) -MMD -MP -o $@ $< \
		$(A)/libbrief.a $(PKG_LIBS) $(shell pkg-config --libs cmocka)

$(A)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(A)/libbrief.a
	@mkdir -p $(@D)
	$(CC) -O1 -g $(SAN) $(WARN) -Wno-missing-prototypes $(CPPFLAGS_ALL) \
		-Itests/fuzz -o $@ $< tests/fuzz/replay.c $(A)/libbrief.a \
		$(PKG_LIBS)

# libFuzzer builds with clang
CLANG_OBJS := $(LIB_SRCS:src/%.c=$(C)/%.o)
$(C)/%.o: src/%.c $(FLAGS) | $(LIBS_OK)
	@mkdir -p $(@D)
	clang -O1 -g -fsanitize=fuzzer-no-link,address,undefined $(WARN) \
		$(CPPFLAGS_ALL) -MMD -MP -c -o $@ $<
$(C)/fuzz_%: tests/fuzz/fuzz_%.c $(CLANG_OBJS)
	clang -O1 -g -fsanitize=fuzzer,address,undefined $(WARN) \
		-Wno-missing-prototypes $(CPPFLAGS_ALL) -Itests/fuzz -MMD -MP \
		-o $@ $< $(CLANG_OBJS) $(PKG_LIBS)

# make fuzz FUZZ_SECONDS=N: each target for N seconds; new inputs go to
# build/fuzz-corpus, crashes to tests/fuzz/artifacts (not in git)
fuzz: $(FUZZ_NAMES:%=$(C)/fuzz_%)
	@mkdir -p tests/fuzz/artifacts
	@for t in $(FUZZ_NAMES); do \
		mkdir -p build/fuzz-corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		$(C)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			-artifact_prefix=tests/fuzz/artifacts/$$t- \
			build/fuzz-corpus/$$t tests/fuzz/$$t \
			>build/fuzz-$$t.log 2>&1 || { tail -30 build/fuzz-$$t.log; exit 1; }; \
		grep -E "^#[0-9]+.*DONE" build/fuzz-$$t.log | tail -1; \
	done

asan: $(A)/brief $(AUNITS) $(REPLAYS)

# run and check install what is missing first (make deps), then build
run:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory brief
	./brief articles

# Every test, plain and sanitized, with one closing summary; warnings are
# errors here whatever WERROR says.
check:
	@$(MAKE) --no-print-directory deps
	@sh tests/layers.sh
	@$(MAKE) --no-print-directory WERROR=-Werror brief $(UNITS) $(A)/brief \
		$(AUNITS) $(REPLAYS) $(B)/tools/mkpdf $(B)/tools/yflat $(TS)/brief
	@sh tests/run-all.sh

test: check

install: brief
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/themes $(DESTDIR)$(MANDIR)
	install -m 755 brief $(DESTDIR)$(BINDIR)/brief
	install -m 644 data/*.yaml $(DESTDIR)$(DATADIR)/
	install -m 644 themes/*.yaml $(DESTDIR)$(DATADIR)/themes/
	install -m 644 doc/brief.1 $(DESTDIR)$(MANDIR)/brief.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/brief $(DESTDIR)$(MANDIR)/brief.1
	rm -rf $(DESTDIR)$(DATADIR)

# the monkey test with many more keys, against the sanitized build
soak: $(A)/brief
	MONKEY_KEYS=$${MONKEY_KEYS:-40000} BRIEF=$(A)/brief E2E_DEADLINE=60 \
		sh tests/e2e/monkey.sh

# the layer rules (README, Layout): includes, curses, output, getenv
layers:
	@sh tests/layers.sh && echo "layers: ok"

# rewrite tests/snapshots/ from today's outputs (for a change meant to
# alter a batch output; review the diff before committing)
snapshots: brief
	@SNAPSHOT_UPDATE=1 BRIEF=./brief sh tests/cli/snapshots.sh

# rewrite tests/screens/*.screen from today's key-script runs (for a
# change meant to alter a screen; review the diff before committing)
screens: brief
	@SCREENS_UPDATE=1 BRIEF=./brief sh tests/e2e/screens.sh

valgrind: brief
	@sh tests/valgrind.sh

bench: brief $(B)/tools/extract $(B)/tools/ptytime
	@sh tests/bench/bench.sh

# brief on the shared evaluation pages (not in git; read by their path):
# F1, precision and recall of the story's text as --dump gives it
EXTRACTION ?= ../shared/extraction
eval-extract: brief
	@sh tests/tools/eval-extract.sh ./brief $(EXTRACTION)

clean:
	rm -rf $(B) brief

-include $(OBJS:.o=.d) $(AOBJS:.o=.d) $(B)/cli/main.d $(A)/cli/main.d \
	$(TSOBJS:.o=.d) $(TS)/cli/main.d
-include $(CLANG_OBJS:.o=.d) $(FUZZ_NAMES:%=$(C)/fuzz_%.d)
-include $(UNITS:=.d) $(AUNITS:=.d) $(B)/tools/extract.d $(B)/tools/mkpdf.d \
	$(B)/tools/yflat.d
