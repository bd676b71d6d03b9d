"""Settings split by environment: base, dev, demo, test and production."""
