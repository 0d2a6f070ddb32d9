# mq: the two commands of the README.
#   make repl   builds mq and opens it on seeds/ (installs libedit-dev first when it is missing)
#   make test   runs every test: unit and case-file tests, examples, checks on the seeds corpus
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ARGS ?=

.PHONY: deps pydeps build release repl test examples bench fuzz clean

deps:
	@dpkg -s libedit-dev >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product mq

repl: release
	.build/release/mq --corpus seeds $(ARGS)

test: build pydeps
	$(SWIFT) test
	.build/debug/mq corpus validate seeds
	python3 -m pytest -q Tests/pty
	scripts/run-examples.sh .build/debug/mq

# The pseudo-terminal tests drive the REPL with pexpect under pytest.
pydeps:
	@python3 -c "import pexpect, pytest" 2>/dev/null || python3 -m pip install -q pexpect pytest

bench: release
	bench/run.sh

clean:
	rm -rf .build
