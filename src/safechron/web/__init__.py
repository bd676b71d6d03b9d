"""The safechron web application (Django): stores submissions, people, link decisions,
acknowledgements, users and the audit trail, and asks the engine for indicators."""
