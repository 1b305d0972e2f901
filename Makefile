# spcsim -- build, test, run, benchmark, install. `make help` lists the targets.
#
#   make            build ./spcsim (needs gsl and libconfig, found with pkg-config)
#   make run        build and run the default scenario (outputs in output/)
#   make check      build and run every test suite, with a table of their times;
#                   SUITE=a,b runs only those suites; SANITIZE=1 for ASan+UBSan
#                   (clang when installed and CC is not set, float-cast-overflow too)
#   make check-layers  no file includes a header of a floor above its own
#   make check-opt  build the library, program and test runner (-Werror) at each
#                   of CHECK_OPT (default O3 Os), in build/o3 and build/os
#   make memcheck   test suites under valgrind: by default MEMCHECK_SUITES (the
#                   unit suites, a minute); SUITE=all for every suite (40+ min), SUITE=a,b
#   make fuzz       build the libFuzzer targets (scenario loader, output-folder
#                   reader of plot) with clang, ASan and UBSan, and run each for
#                   FUZZ_TIME seconds (default 60; -j2 runs both at once); a crash
#                   fails, its input in build/fuzz/crash-*; see tests/fuzz/README.md
#   make bench      speed benchmarks (not tests); BENCH=mm1 for the M/M/1 figure
#                   alone; bench/README.md compares with cimba
#   make MPI=1      build build/mpi/spcsim with mpicc: mpirun -np N spreads a run
#                   over N ranks (docs/cluster.md); make check-mpi tests it
#   make golden     regenerate tests/golden/ (whole-run outputs) and show the diff
#   make ziggurat-table  print sim/engine/ziggurat_table.inc again from its recurrence
#   make story-numbers  rerun the stories' commands (scenarios/story-numbers.spec) and
#                   rewrite their tables in scenarios/README.md (about 30 min); STORIES=a,b
#   make validate   rerun them and fail when a documented change lies outside the
#                   fresh 95% interval (make check does the fast subset)
#   make deps       install the Debian packages spcsim needs (apt-get; the only
#                   target that installs anything): `make deps check`, `make deps run`
#   make install    PREFIX=/usr/local DESTDIR= ; make uninstall (program, man page, scenarios)
#   make check-install  install and uninstall into a scratch DESTDIR (part of make check)
#   make clean
#
# Flags: CPPFLAGS, CFLAGS and LDFLAGS (and LDLIBS) from the environment or the
# command line are added after the project's own, so they can add to or
# override them; -Werror stays unless you pass CFLAGS=-Wno-error or WERROR=0.
# OPT (default -O2 -g) sets the optimisation; CC and PKG_CONFIG are honoured.

comma    := ,
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/spcsim
MANDIR    = $(PREFIX)/share/man
SCENARIO ?= scenarios/sears.cfg

CC         ?= cc
PKG_CONFIG ?= pkg-config
PKGS        = gsl libconfig jansson
# spcsim serve: HTTP (libmicrohttpd)
PKGS       += libmicrohttpd
TESTPKGS    = cunit
WERROR     ?= 1
WARN        = -Wall -Wextra -Wpedantic $(if $(filter 1,$(WERROR)),-Werror) -Wshadow \
              -Wstrict-prototypes -Wmissing-prototypes
OPT        ?= -O2 -g

# The fuzz targets' build (make fuzz runs make FUZZ=1 for it): clang with
# libFuzzer's instrumentation, ASan and UBSan, float-cast-overflow included.
FUZZ_CC   ?= clang
FUZZ_TIME ?= 60
FUZZ_TARGETS = scenario outdir

ifeq ($(FUZZ),1)
  BUILD    = build/fuzz
  CC       = $(FUZZ_CC)
  SANFLAGS = -fsanitize=fuzzer-no-link,address,undefined,float-cast-overflow -fno-sanitize-recover=all \
             -fno-omit-frame-pointer
  OPT      = -O1 -g
else ifeq ($(SANITIZE),1)
  # clang when it is there and CC was not chosen: its UBSan is the fuzzer's.
  # float-cast-overflow is named because gcc's undefined leaves it out (a
  # double too large for an unsigned, e.g. run.json's "replications": 1e10).
  ifeq ($(origin CC),default)
    CC    := $(if $(shell command -v clang 2>/dev/null),clang,$(CC))
  endif
  BUILD    = build/san
  SANFLAGS = -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer
  OPT      = -O1 -g
else ifneq ($(OPTCHECK),)
  # make check-opt: one optimisation level (O3, Os, O1) in build/o3, ...;
  # gcc's analysis differs by level (-Wmaybe-uninitialized, -Wformat-truncation)
  BUILD    = build/$(subst O,o,$(OPTCHECK))
  SANFLAGS =
  OPT      = -$(OPTCHECK) -g
else ifeq ($(MPI),1)
  # make MPI=1: spcsim against MPI (mpicc), in build/mpi; mpirun -np N
  # build/mpi/spcsim run ... spreads the replications (sim/experiment/mpi.c)
  CC       = mpicc
  BUILD    = build/mpi
  SANFLAGS = -DSPC_MPI
else
  BUILD    = build/release
  SANFLAGS =
endif

# Evaluated when used, after the pkg-config check has passed.
PKG_CFLAGS  = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS    = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm -lpthread
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(TESTPKGS))
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs $(TESTPKGS))

# The project's flags first, the user's after them.
ALL_CPPFLAGS = -Iinclude -D_POSIX_C_SOURCE=200809L $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = -std=c11 $(WARN) $(OPT) $(SANFLAGS) $(CFLAGS)
ALL_LDFLAGS  = $(SANFLAGS) $(CFLAGS) $(LDFLAGS)

FLOORS   = engine scenario model experiment output cli
LIB_SRC  = $(filter-out sim/cli/main.c,$(foreach f,$(FLOORS),$(wildcard sim/$(f)/*.c)))
LIB_OBJ  = $(LIB_SRC:sim/%.c=$(BUILD)/sim/%.o)
TEST_SRC = $(wildcard tests/*.c)
TEST_OBJ = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)
LIB      = $(BUILD)/libspcsim.a
BIN      = $(if $(filter 1,$(SANITIZE) $(MPI))$(OPTCHECK),$(BUILD)/spcsim,spcsim)
TESTBIN  = $(BUILD)/run_tests
BENCHBIN = $(BUILD)/bench_engine
FLAGFILE = $(BUILD)/flags

# The suites valgrind runs by default: the deterministic unit suites (calendar,
# rng, dist, stats, scenario, trace), where an uninitialised read -- which
# ASan and UBSan do not see -- would change results silently, and the cheap
# ones that go through the rest (plot, cli, absence, golden; fuzz, the fuzz
# targets' committed inputs, a few seconds): about a minute under
# valgrind on 2 cores. The statistical suites (validation, stories,
# experiment, customers) take 4-8 minutes each there, teaching over 9, 40 and
# more in all; ASan+UBSan (SANITIZE=1) runs every suite, LeakSanitizer too.
MEMCHECK_SUITES = calendar,rng,dist,stats,scenario,trace,plot,cli,absence,golden,fuzz
TEST_ENV  = LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 SPCSIM=./$(BIN)
VALGRIND  = valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --suppressions=tests/valgrind.supp --error-exitcode=99

# Module -> Debian package, for the message when one is missing.
DEB_gsl       = libgsl-dev
DEB_libconfig = libconfig-dev
DEB_cunit     = libcunit1-dev
DEB_libmicrohttpd = libmicrohttpd-dev
DEB_jansson   = libjansson-dev

# `make deps check` (or run, ...): install first, even under -j.
DEPS_FIRST = $(filter deps,$(MAKECMDGOALS))

.PHONY: all help run check check-install check-layers memcheck bench golden deps ziggurat-table \
        pkgs-ok testpkgs-ok install uninstall clean
.DELETE_ON_ERROR:

all: $(BIN)

help:
	@sed -n '/^#/!q; s/^# \{0,1\}//p' Makefile

deps:
	@sh .ci/deps.sh

# pkg-config finds the libraries, or make stops naming what to install.
define pkgcheck
@command -v $(PKG_CONFIG) >/dev/null 2>&1 || { \
	  echo "spcsim: $(PKG_CONFIG) not found; install it (Debian: apt-get install pkg-config, or make deps)" >&2; exit 1; }; \
	missing=; debs=; for m in $(1); do $(PKG_CONFIG) --exists $$m || missing="$$missing $$m"; done; \
	[ -z "$$missing" ] || { \
	  echo "spcsim: missing libraries, not found by $(PKG_CONFIG) (module -> Debian/Ubuntu package):" >&2; \
	  for m in $$missing; do case $$m in \
	    gsl) d=$(DEB_gsl);; libconfig) d=$(DEB_libconfig);; cunit) d=$(DEB_cunit);; \
	    libmicrohttpd) d=$(DEB_libmicrohttpd);; jansson) d=$(DEB_jansson);; *) d=$$m;; esac; \
	    debs="$$debs $$d"; echo "  $$m -> $$d" >&2; done; \
	  echo "Install them with 'make deps' (Debian/Ubuntu: apt-get install$$debs)," >&2; \
	  echo "or with your system's package manager; if they are elsewhere, set PKG_CONFIG_PATH." >&2; exit 1; }
endef

pkgs-ok: | $(DEPS_FIRST)
	$(call pkgcheck,$(PKGS))

testpkgs-ok: | $(DEPS_FIRST)
	$(call pkgcheck,$(PKGS) $(TESTPKGS))

# Rebuild everything when the compiler or the flags change: $(FLAGFILE) holds
# them and is rewritten, when they differ, as the Makefile is read.
FLAGS_NOW = $(strip $(CC) $(WARN) $(OPT) $(SANFLAGS) | $(CPPFLAGS) | $(CFLAGS) | $(LDFLAGS) | $(LDLIBS))
ifneq ($(filter-out clean help deps uninstall,$(or $(MAKECMDGOALS),all)),)
  ifneq ($(FLAGS_NOW),$(file <$(FLAGFILE)))
    $(shell mkdir -p $(BUILD))
    $(file >$(FLAGFILE),$(FLAGS_NOW))
  endif
endif
$(FLAGFILE):
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(subst ','\'',$(FLAGS_NOW))' > $@

# The commit this build is made from, for run.json (sim/engine/buildinfo.c,
# as -DSPC_COMMIT): `git describe --always --dirty` when the source folder is
# the top of a git checkout, else "unknown"; SPCSIM_COMMIT=... sets it (a
# release tarball). $(COMMITFILE) holds it and is rewritten, as the Makefile
# is read, only when it changes: a new commit recompiles buildinfo.c alone.
SPCSIM_COMMIT ?= $(or $(shell [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$(CURDIR)" ] && \
                        git describe --always --dirty 2>/dev/null),unknown)
COMMITFILE    = $(BUILD)/commit
COMMIT_NOW    = $(subst ',,$(subst ",,$(subst \,,$(SPCSIM_COMMIT))))
ifneq ($(filter-out clean help deps uninstall,$(or $(MAKECMDGOALS),all)),)
  ifneq ($(COMMIT_NOW),$(file <$(COMMITFILE)))
    $(shell mkdir -p $(BUILD))
    $(file >$(COMMITFILE),$(COMMIT_NOW))
  endif
endif
$(COMMITFILE):
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(COMMIT_NOW)' > $@
$(BUILD)/sim/engine/buildinfo.o: $(COMMITFILE)
$(BUILD)/sim/engine/buildinfo.o: ALL_CPPFLAGS += -DSPC_COMMIT='"$(COMMIT_NOW)"'

# spcsim serve finds the page's files beside the program (web/), else installed here.
$(BUILD)/sim/cli/cli_serve.o: ALL_CPPFLAGS += -DSPC_WEBDIR='"$(DATADIR)/web"'

$(BUILD)/sim/%.o: sim/%.c $(FLAGFILE) | pkgs-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tests/%.o: tests/%.c $(FLAGFILE) | testpkgs-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(TEST_CFLAGS) -Itests $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/bench/%.o: bench/%.c $(FLAGFILE) | pkgs-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(BUILD)/sim/cli/main.o $(LIB) $(FLAGFILE)
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o %.a,$^) $(PKG_LIBS) $(LDLIBS)

$(TESTBIN): $(TEST_OBJ) $(LIB) $(FLAGFILE)
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o %.a,$^) $(TEST_LIBS) $(PKG_LIBS) $(LDLIBS)

$(BUILD)/fuzz/%.o: tests/fuzz/%.c $(FLAGFILE) | pkgs-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/fuzz_%: $(BUILD)/fuzz/fuzz_%.o $(LIB) $(FLAGFILE)
	$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer -o $@ $(filter %.o %.a,$^) $(PKG_LIBS) $(LDLIBS)

$(BENCHBIN): $(BUILD)/bench/bench_engine.o $(LIB) $(FLAGFILE)
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o %.a,$^) $(PKG_LIBS) $(LDLIBS)

$(BUILD)/tools/%.o: tests/tools/%.c $(FLAGFILE) | pkgs-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/ziggurat_table: $(BUILD)/tools/ziggurat_table.o $(LIB) $(FLAGFILE)
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o %.a,$^) $(PKG_LIBS) $(LDLIBS)

# The exponential ziggurat's table, committed so that results do not depend
# on the platform's exp and log; the dist suite checks it.
ziggurat-table: $(BUILD)/ziggurat_table
	./$< > sim/engine/ziggurat_table.inc.tmp && mv sim/engine/ziggurat_table.inc.tmp sim/engine/ziggurat_table.inc

run: $(BIN)
	./$(BIN) run $(SCENARIO)

# LSAN_OPTIONS / --suppressions: libconfig 1.5's own leak on some syntax errors.
# Without SUITE: the layering check, every suite (a table of their times at the
# end), report.html and the page of spcsim serve in headless Chromium (skipped
# when chromium is absent) and check-install. With SUITE=name[,name...]: only those suites.
check: $(BIN) $(TESTBIN)
ifeq ($(strip $(SUITE)),)
	@sh tests/check_layers.sh
	$(TEST_ENV) $(TESTBIN)
	SPCSIM=./$(BIN) sh tests/browser/check_report.sh
	SPCSIM=./$(BIN) sh tests/browser/check_serve.sh
	SPCSIM=./$(BIN) sh tests/story-numbers.sh check --fast
	@$(MAKE) --no-print-directory check-install
else
	$(TEST_ENV) $(TESTBIN) $(SUITE)
endif

# The numbers of scenarios/README.md's stories from fresh runs (tests/story-numbers.sh).
.PHONY: story-numbers validate
story-numbers: $(BIN)
	SPCSIM=./$(BIN) sh tests/story-numbers.sh update $(subst $(comma), ,$(STORIES))
validate: $(BIN)
	SPCSIM=./$(BIN) sh tests/story-numbers.sh check $(subst $(comma), ,$(STORIES))

# The floors of sim/ (engine < scenario < model < experiment < output < cli):
# no file includes a header of a floor above its own (docs/architecture.md).
check-layers:
	@sh tests/check_layers.sh

# make install and make uninstall into a scratch DESTDIR: every file lands
# where it should, and leaves again; the man page renders without warnings
# (when groff is there).
check-install: $(BIN)
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	$(MAKE) --no-print-directory install DESTDIR=$$d >/dev/null && \
	test -x "$$d$(BINDIR)/spcsim" && test -f "$$d$(MANDIR)/man1/spcsim.1" && \
	test -f "$$d$(DATADIR)/scenarios/default.cfg" && test -f "$$d$(DATADIR)/scenarios/baseline.cfg" && \
	test -f "$$d$(DATADIR)/scenarios/README.md" && test -f "$$d$(DATADIR)/scenarios/validation/mm1.cfg" && \
	test -f "$$d$(DATADIR)/scenarios/company/grocery.cfg" && \
	"$$d$(BINDIR)/spcsim" check "$$d$(DATADIR)/scenarios/training.cfg" >/dev/null && \
	$(MAKE) --no-print-directory uninstall DESTDIR=$$d >/dev/null && \
	test ! -e "$$d$(BINDIR)/spcsim" && test ! -e "$$d$(MANDIR)/man1/spcsim.1" && test ! -e "$$d$(DATADIR)" && \
	if command -v groff >/dev/null 2>&1; then test -z "$$(groff -man -ww -z docs/spcsim.1 2>&1)"; fi && \
	echo "check-install: make install and uninstall (DESTDIR) ok"

# Suites under valgrind: uninitialised reads, invalid accesses, leaks.
# Default MEMCHECK_SUITES (seconds); SUITE=all runs every suite (half an hour).
memcheck: $(BIN) $(TESTBIN)
ifeq ($(SANITIZE),1)
	@echo "memcheck: valgrind does not run sanitized binaries; drop SANITIZE=1" >&2; exit 1
endif
	@command -v valgrind >/dev/null 2>&1 || { \
	  echo "memcheck: valgrind not found (Debian: apt-get install valgrind)" >&2; exit 1; }
	SPCSIM=./$(BIN) $(VALGRIND) $(TESTBIN) $(or $(strip $(SUITE)),$(MEMCHECK_SUITES))

# BENCH=mm1: only the M/M/1 figure (BENCH=all, the default: every benchmark).
bench: $(BENCHBIN) $(BIN)
	./$(BENCHBIN) $(or $(BENCH),all)
	@echo "the command as typed (run, figures and all) against cimba: sh bench/pair-command.sh PATH/TO/MM1_single 9;"
	@echo "run -r 8 with figures, -j 1 against -j 2: sh bench/pair-command.sh speedup 5 (bench/README.md)"

# Warnings that only some optimisation levels see: everything built, with
# -Werror, at each of CHECK_OPT in a build folder of its own (not run).
CHECK_OPT ?= O3 Os
.PHONY: check-opt check-opt-build
check-opt:
	@for o in $(CHECK_OPT); do $(MAKE) --no-print-directory OPTCHECK=$$o check-opt-build || exit 1; done
check-opt-build: $(BIN) $(TESTBIN)
	@echo "check-opt: -$(OPTCHECK): $(BUILD) built without a warning"

# The MPI build (make MPI=1, build/mpi/spcsim) run by mpirun on 3 ranks,
# compared byte for byte with one process (tests/mpi/check_mpi.sh; seconds).
.PHONY: check-mpi
check-mpi:
	@$(MAKE) --no-print-directory MPI=1 build/mpi/spcsim
	SPCSIM=build/mpi/spcsim sh tests/mpi/check_mpi.sh

# Regenerate the golden outputs (tests/test_golden.c compares them) after a
# change that moves results on purpose; commit them and say why.
golden: $(BIN)
	SPCSIM=./$(BIN) sh tests/golden/regen.sh

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/scenarios/validation $(DESTDIR)$(DATADIR)/scenarios/company \
	  $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/spcsim
	install -m 644 docs/spcsim.1 $(DESTDIR)$(MANDIR)/man1/spcsim.1
	install -m 644 scenarios/*.cfg scenarios/README.md $(DESTDIR)$(DATADIR)/scenarios/
	install -m 644 scenarios/validation/*.cfg $(DESTDIR)$(DATADIR)/scenarios/validation/
	install -m 644 scenarios/company/*.cfg $(DESTDIR)$(DATADIR)/scenarios/company/
	install -d $(DESTDIR)$(DATADIR)/web
	install -m 644 web/index.html web/app.js web/style.css web/uPlot.iife.min.js web/uPlot.min.css \
	  web/LICENSE.uPlot web/README.md $(DESTDIR)$(DATADIR)/web/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/spcsim $(DESTDIR)$(MANDIR)/man1/spcsim.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build spcsim

-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(BUILD)/sim/cli/main.d $(BUILD)/bench/bench_engine.d

# make settings-doc: regenerate every settings table of docs/scenario-reference.md
# (the blocks between <!-- settings: GROUP --> and <!-- /settings -->) from the
# declarations (sim/scenario/settings.c).
.PHONY: settings-doc
settings-doc: $(BIN)
	./$(BIN) settings --doc docs/scenario-reference.md > $(BUILD)/scenario-reference.md
	mv $(BUILD)/scenario-reference.md docs/scenario-reference.md

# make fuzz: build the libFuzzer targets (tests/fuzz/fuzz_*.c) in build/fuzz
# with clang, then run each for FUZZ_TIME seconds; -j2 runs them side by side.
# A target reads its committed corpus (tests/fuzz/corpus/NAME) and its seeds
# (the scenarios and tests/data for the loader), and keeps what it finds in
# build/fuzz/corpus/NAME. A crash stops it and fails make, the input saved
# as build/fuzz/crash-NAME-*; reproduce with build/fuzz/fuzz_NAME FILE.
# FUZZ_ARGS adds libFuzzer options (-jobs=, -only_ascii=1, ...).
.PHONY: fuzz fuzz-build $(FUZZ_TARGETS:%=fuzz-%)
FUZZ_BINS  = $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
FUZZ_ENV   = TMPDIR=$(CURDIR)/build/fuzz/tmp ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
             LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
FUZZ_SEEDS_scenario = scenarios tests/data
FUZZ_SEEDS_outdir   =
FUZZ_DICT_scenario  = -dict=tests/fuzz/scenario.dict
FUZZ_DICT_outdir    = -dict=tests/fuzz/outdir.dict

fuzz: $(FUZZ_TARGETS:%=fuzz-%)

.SECONDARY: $(FUZZ_TARGETS:%=build/fuzz/fuzz/fuzz_%.o)

fuzz-build:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
	  echo "fuzz: $(FUZZ_CC) not found (Debian: apt-get install clang libclang-rt-dev, or FUZZ_CC=)" >&2; exit 1; }
	@$(MAKE) --no-print-directory FUZZ=1 $(FUZZ_BINS)

$(FUZZ_TARGETS:%=fuzz-%): fuzz-%: fuzz-build
	@mkdir -p build/fuzz/corpus/$* build/fuzz/tmp tests/fuzz/corpus/$*
	@echo "fuzz: $* for $(FUZZ_TIME) s (log: build/fuzz/fuzz_$*.log)"
	@rm -f build/fuzz/crash-$*-*; \
	if $(FUZZ_ENV) build/fuzz/fuzz_$* -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
	     -artifact_prefix=build/fuzz/crash-$*- $(FUZZ_DICT_$*) $(FUZZ_ARGS) \
	     build/fuzz/corpus/$* tests/fuzz/corpus/$* $(FUZZ_SEEDS_$*) >build/fuzz/fuzz_$*.log 2>&1; then \
	  grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::new_units_added)' build/fuzz/fuzz_$*.log \
	    | sed 's/^/fuzz: $*: /'; \
	else \
	  tail -n 60 build/fuzz/fuzz_$*.log >&2; \
	  echo "fuzz: $*: FAILED; reproducer: $$(ls build/fuzz/crash-$*-* 2>/dev/null | tr '\n' ' ')" >&2; \
	  echo "fuzz: $*: reproduce with: build/fuzz/fuzz_$* FILE" >&2; exit 1; \
	fi
