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
	.venv/bin/python benchmarks/run_all.py
