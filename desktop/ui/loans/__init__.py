"""The Khoản vay page: savings-and-loan groups, borrowers, loans with their balances,
loan-use checks, loans not checked lately, indicators, and the import of bank lists."""
