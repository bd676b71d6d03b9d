"""Agencies and the people who sign in: each user belongs to an agency and has a role."""
