# The two set-up commands of README.md: `make demo` runs the main job on the bundled network,
# `make test` runs every test. Both install what they need first.
.PHONY: deps demo test

deps:
	@scripts/install-deps

demo: deps
	swift build -c release --product corridor
	.build/release/corridor validate

test: deps
	swift build
	swift test
