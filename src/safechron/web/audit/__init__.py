"""The audit trail: who read or changed what, when and why (never from where)."""
