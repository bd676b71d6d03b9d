# The two commands of the README: `make demo` runs the demonstration, `make test` runs every test.
.PHONY: demo test setup lint bench

demo: setup
	.venv/bin/safechron demo

test:
	scripts/test

setup:
	scripts/setup

lint: setup
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/mypy

bench: setup
	.venv/bin/python -m benchmarks.generate --families 10000 --out benchmarks/out/10k
	.venv/bin/python -m benchmarks.scale merge benchmarks/out/10k
	.venv/bin/python -m benchmarks.scale analyse benchmarks/out/10k
	.venv/bin/python -m benchmarks.scale family
