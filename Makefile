# styr — top-level driver. Meson + Ninja do the building; this file only
# strings the steps together so that a fresh Debian 12 machine needs
# nothing but `make demo` or `make check`.

BUILD      ?= build
ASAN_BUILD ?= build-asan
DB         ?= out/sydnarke.db
EXAMPLE    ?= examples/sydnarke

.PHONY: all deps deps-build check check-pg asan demo bench fuzz clean

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized -Dwerror=true

# deps: everything the tests need (Debian packages, then the browser
# test's node packages with npm); deps-build: what building and running
# styr needs, which is all make demo asks for (no npm, no browser).
deps:
	@scripts/deps.sh test
	@scripts/deps-node.sh

deps-build:
	@scripts/deps.sh build

# Every test on SQLite, then the end-to-end tests again on a PostgreSQL
# server that tests/run-pg starts and stops; one closing line sums both.
check: deps
	$(MAKE) all
	tests/check $(BUILD)

# The PostgreSQL pass alone.
check-pg: deps
	$(MAKE) all
	tests/run-pg $(BUILD)

asan: deps
	[ -f $(ASAN_BUILD)/build.ninja ] || meson setup $(ASAN_BUILD) --buildtype=debug -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
	ninja -C $(ASAN_BUILD)
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 tests/run $(ASAN_BUILD)

demo: deps-build
	$(MAKE) all
	scripts/demo.sh $(BUILD)/styr $(DB) $(EXAMPLE)

bench: deps
	$(MAKE) all
	scripts/bench.sh $(BUILD)

# Fuzz each harness in tests/fuzz for FUZZ_SECONDS (not part of check:
# fuzzing is open-ended). Crashes are written to out/fuzz/.
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out
