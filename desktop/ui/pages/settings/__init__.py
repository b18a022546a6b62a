"""Cài đặt, one module per box: the language, the office, the documents (who issues the
reports and who signs them, the city's plan), the hamlets, the credit programmes and their
rates, and the data and its backups; ``page`` puts them together."""
