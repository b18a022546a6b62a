"""The sync file between a commune office and the city office (Qt-free).

A commune exports its changed records (or a full snapshot) into one file, signed with its
Ed25519 key and encrypted to the city's X25519 key; the city verifies, validates and
imports it all or nothing and writes a signed receipt back. ``docs/sync-format.md`` is the
byte-level description; the modules here are:

- :mod:`~desktop.sync.crypto`: keys, fingerprints, sealing and signing;
- :mod:`~desktop.sync.container`: the outer file and the ZIP bundle inside it, with limits;
- :mod:`~desktop.sync.manifest`, :mod:`~desktop.sync.payload`: what the bundle holds;
- :mod:`~desktop.sync.privacy`: which personal fields never leave the commune;
- :mod:`~desktop.sync.keys`: this office's keys and the keys it trusts;
- :mod:`~desktop.sync.exporter`, :mod:`~desktop.sync.receipts`: the commune side;
- :mod:`~desktop.sync.rules`, :mod:`~desktop.sync.importer`: checking and applying a file;
- :mod:`~desktop.sync.board`, :mod:`~desktop.sync.conflicts`,
  :mod:`~desktop.sync.consolidated`: what the city sees afterwards.
"""
