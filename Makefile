# The two set-up commands of README.md: `make demo` runs the main job on the bundled network,
# `make test` runs every test. Both install what they need first.
.PHONY: deps demo test

deps:
	@scripts/install-deps

# The third-crossing appraisal on the bundled China–Europe network, then the same as an HTML report.
demo: deps
	swift build -c release --product corridor
	.build/release/corridor compare --baseline baseline --scenario third-crossing --changes 8
	.build/release/corridor report --baseline baseline --scenario third-crossing --sweep tacheng-bakhty --invest --uncertainty 200 -o report.html
	@echo "wrote report.html"

# Unit, property and end-to-end tests; every bundled network against the schema and the loader;
# the README's example outputs against what corridor prints now; then the server's package: its HTTP
# tests, the explorer in headless Chromium, and the API fuzzed from its OpenAPI document.
test: deps
	swift build --build-tests
	swift test --skip-build
	scripts/check-networks .build/debug/corridor
	scripts/refresh-readme --check .build/debug/corridor
	scripts/server/test
