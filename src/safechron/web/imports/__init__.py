"""Importing an agency submission: upload, validation report and quarantine, proposed links, commit."""
