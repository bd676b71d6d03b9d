"""Families, the people and entries agencies sent about them, link decisions and access."""
