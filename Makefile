# mq: the two commands of the README.
#   make repl   builds mq and opens it on seeds/ (installs libedit-dev first when it is missing)
#   make test   runs every test: unit and case-file tests, examples, checks on the seeds corpus
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ARGS ?=
# The release build links the Swift runtime and Foundation into mq (no dynamic linking of a dozen libraries
# at every start: half the start-up time).
STATIC := $(shell [ "$$(uname -s)" = Linux ] && echo --static-swift-stdlib)

.PHONY: deps pydeps chartdeps build release repl test examples bench fuzz fuzz-build asan tsan ubsan clean

# libedit-dev for the REPL, libpq-dev for the PostgreSQL engine, postgresql-15 for its tests (Tests/postgres).
DEBS := libedit-dev libpq-dev postgresql-15
deps:
	@missing=$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release $(STATIC) --product mq

repl: release
	.build/release/mq --corpus seeds $(ARGS)

test: build pydeps chartdeps
	$(SWIFT) test
	.build/debug/mq corpus validate seeds
	python3 -m pytest -q Tests/pty Tests/differential Tests/export Tests/postgres
	scripts/run-examples.sh .build/debug/mq
	scripts/run-embedding-example.sh

# The pseudo-terminal tests drive the REPL with pexpect under pytest; the FollowTheMoney export is checked
# with the followthemoney package (its PyICU dependency builds against libicu-dev).
pydeps:
	@python3 -c "import pexpect, pytest" 2>/dev/null || python3 -m pip install -q pexpect pytest
	@python3 -c "import followthemoney" 2>/dev/null || { dpkg -s libicu-dev pkg-config >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libicu-dev pkg-config; }; python3 -m pip install -q followthemoney; }

# The link-chart tests draw DOT files with GraphViz.
chartdeps:
	@command -v dot >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq graphviz; }

bench: release
	bench/run.sh

# Fuzzing (README, "Fuzzing"; docs/reliability.md): four libFuzzer harnesses under Fuzz/, each run for
# SECONDS seconds; new inputs and crashes go to .build-fuzz/. `make fuzz SECONDS=600`.
SECONDS ?= 200
FUZZERS ?= ParserFuzz EngineFuzz CorpusFuzz OutputFuzz
FUZZ_BUILD = $(SWIFT) build -c release --scratch-path .build-fuzz --toolset Fuzz/toolset.json \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address

fuzz-build:
	@for f in $(FUZZERS); do $(FUZZ_BUILD) --product $$f || exit 1; done

fuzz: fuzz-build
	Fuzz/run.sh $(SECONDS) $(FUZZERS)

# The whole test suite under a sanitizer, each in its own build directory (docs/reliability.md).
# asan: leaks inside XCTest and Foundation are suppressed (Tests/sanitizers/lsan.supp).
# ubsan: swiftc has no -sanitize=undefined on Linux (Swift traps on overflow and out-of-range itself), so
# it instruments the C code: libyaml (Yams' CYaml) and the libedit shims.
asan: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/sanitizers/lsan.supp $(SWIFT) test --scratch-path .build-asan --sanitize=address

tsan: deps
	$(SWIFT) test --scratch-path .build-tsan --sanitize=thread

ubsan: deps
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $(SWIFT) test --scratch-path .build-ubsan \
		-Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined -Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined

clean:
	rm -rf .build
