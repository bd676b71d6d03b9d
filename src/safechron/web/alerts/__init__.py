"""Indicators as practitioners see them: alerts from the engine, and acknowledgements."""
