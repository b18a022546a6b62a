"""The loans the commune supervises: savings-and-loan groups, borrowers, loans and their
balances, loan-use checks, indicators, and the import of the bank's Excel lists.

Every list and indicator takes an ``owner`` (:class:`desktop.core.owners.Scope`: one
commune, or every commune at the city) and returns frozen dataclasses; every change goes through the
record store (versions, audit, tombstones).
"""
