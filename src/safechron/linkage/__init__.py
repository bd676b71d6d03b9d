"""Who is the same person across agencies (Splink with fixed parameters), with the reason for each link.

    from safechron.linkage import link_records
    persons = link_records(records, confirmed=[("GP:12", "Police:P3")], split=[])
"""

from safechron.linkage.link import LinkageSettings, link_records

__all__ = ["LinkageSettings", "link_records"]
