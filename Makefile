# spcsim -- build, test, run, benchmark, install.
#
#   make            build ./spcsim
#   make run        build and run the default scenario (outputs in output/)
#   make check      build and run every test (add SANITIZE=1 for ASan+UBSan)
#   make check-layers  no file includes a header of a floor above its own
#   make memcheck   the tests under valgrind (leaks, invalid accesses)
#   make bench      speed benchmarks (not tests)
#   make golden     regenerate tests/golden/ (whole-run outputs) and show the diff
#   make deps       install the Debian packages spcsim needs (apt-get)
#   make install    PREFIX=/usr/local DESTDIR= ; make uninstall (program, man page, scenarios)
#   make check-install  install and uninstall into a scratch DESTDIR (part of make check)
#   make clean

PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/spcsim
MANDIR    = $(PREFIX)/share/man
SCENARIO ?= scenarios/sears.cfg

CC       ?= cc
PKGS      = gsl libconfig
TESTPKGS  = cunit
WARN      = -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT      ?= -O2 -g
BASEFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude $(WARN) $(OPT)

ifeq ($(SANITIZE),1)
  BUILD   = build/san
  SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
  OPT     = -O1 -g
else
  BUILD   = build/release
  SANFLAGS =
endif

# Evaluated when used, so that a `make deps` earlier in the same make run counts.
PKG_CFLAGS  = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS    = $(shell pkg-config --libs $(PKGS)) -lm -lpthread
TEST_CFLAGS = $(shell pkg-config --cflags $(TESTPKGS))
TEST_LIBS   = $(shell pkg-config --libs $(TESTPKGS))

FLOORS   = engine scenario model experiment output cli
LIB_SRC  = $(filter-out sim/cli/main.c,$(foreach f,$(FLOORS),$(wildcard sim/$(f)/*.c)))
LIB_OBJ  = $(LIB_SRC:sim/%.c=$(BUILD)/sim/%.o)
TEST_SRC = $(wildcard tests/*.c)
TEST_OBJ = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)
LIB      = $(BUILD)/libspcsim.a
BIN      = $(if $(filter 1,$(SANITIZE)),$(BUILD)/spcsim,spcsim)
TESTBIN  = $(BUILD)/run_tests
BENCHBIN = $(BUILD)/bench_engine

.PHONY: all run check check-install check-layers memcheck bench golden deps deps-ok install uninstall clean
.DELETE_ON_ERROR:

all: $(BIN)

deps-ok:
	@sh .ci/deps.sh --check >/dev/null 2>&1 || sh .ci/deps.sh

deps:
	@sh .ci/deps.sh

$(BUILD)/sim/%.o: sim/%.c | deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tests/%.o: tests/%.c | deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) $(PKG_CFLAGS) $(TEST_CFLAGS) -Itests -MMD -MP -c $< -o $@

$(BUILD)/bench/%.o: bench/%.c | deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(BUILD)/sim/cli/main.o $(LIB)
	$(CC) $(SANFLAGS) -o $@ $^ $(PKG_LIBS)

$(TESTBIN): $(TEST_OBJ) $(LIB)
	$(CC) $(SANFLAGS) -o $@ $^ $(TEST_LIBS) $(PKG_LIBS)

$(BENCHBIN): $(BUILD)/bench/bench_engine.o $(LIB)
	$(CC) $(SANFLAGS) -o $@ $^ $(PKG_LIBS)

run: $(BIN)
	./$(BIN) run $(SCENARIO)

# LSAN_OPTIONS / --suppressions: libconfig 1.5's own leak on some syntax errors.
# Then report.html in headless Chromium (skipped when chromium is absent).
check: $(BIN) $(TESTBIN)
	@sh tests/check_layers.sh
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp SPCSIM=./$(BIN) $(TESTBIN)
	SPCSIM=./$(BIN) sh tests/browser/check_report.sh
	@$(MAKE) --no-print-directory check-install

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
	$(MAKE) --no-print-directory uninstall DESTDIR=$$d >/dev/null && \
	test ! -e "$$d$(BINDIR)/spcsim" && test ! -e "$$d$(MANDIR)/man1/spcsim.1" && test ! -e "$$d$(DATADIR)" && \
	if command -v groff >/dev/null 2>&1; then test -z "$$(groff -man -ww -z docs/spcsim.1 2>&1)"; fi && \
	echo "check-install: make install and uninstall (DESTDIR) ok"

# The tests under valgrind: no leaks, no invalid reads (slow: minutes).
memcheck: $(BIN) $(TESTBIN)
	SPCSIM=./$(BIN) valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  --suppressions=tests/valgrind.supp --error-exitcode=99 $(TESTBIN)

bench: $(BENCHBIN) $(BIN)
	./$(BENCHBIN)

# Regenerate the golden outputs (tests/test_golden.c compares them) after a
# change that moves results on purpose; commit them and say why.
golden: $(BIN)
	SPCSIM=./$(BIN) sh tests/golden/regen.sh

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/scenarios/validation $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/spcsim
	install -m 644 docs/spcsim.1 $(DESTDIR)$(MANDIR)/man1/spcsim.1
	install -m 644 scenarios/*.cfg scenarios/README.md $(DESTDIR)$(DATADIR)/scenarios/
	install -m 644 scenarios/validation/*.cfg $(DESTDIR)$(DATADIR)/scenarios/validation/

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
