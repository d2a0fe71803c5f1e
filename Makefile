# tradescope: two commands on a fresh machine.
#   make report   install missing system packages, build, run the main job on the bundled data
#   make test     the same, then every test
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev liblapack-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/tradescope
export OPENBLAS_NUM_THREADS := 1

.PHONY: all deps build report test clean release check-html

all: report

# Installs the system packages the CLAPACK module links against, when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

report: build
	$(BIN) report

test: report
	$(SWIFT) test 2>&1 | tee .build/test.log; test $${PIPESTATUS[0]} -eq 0

# Renders the HTML report in headless Chromium: loads without console errors, a click on a
# pie slice shows its chapters, and a screenshot lands in .build/check-html/report.png.
check-html: build
	@command -v chromium >/dev/null || { echo "installing: chromium"; $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	Tools/check-html.sh $(BIN) .build/check-html

clean:
	rm -rf .build
