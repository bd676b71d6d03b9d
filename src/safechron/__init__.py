"""safechron: one multi-agency chronology for child safeguarding, with cumulative risk kept in view."""

__version__ = "0.1.0"
