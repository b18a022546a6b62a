"""Use cases: what a person does with TDCS, each one function that the window and the
command line both call.

Setting up the office (:mod:`.setup`), checking the installation (:mod:`.selftest`),
backing up and restoring (:mod:`.backups`), importing the bank's loan list
(:mod:`.loan_lists`), making and receiving sync files (:mod:`.sync`) and writing a report
(:mod:`.reports`) each span the layers below — core services, the sync file, the reports —
and were assembled by each front-end until now, so that the window and ``tdcs`` could
disagree. A use case here opens its own transactions (so it can run on a worker thread),
reads the files the person named and writes what they asked for; it takes a
:class:`~desktop.core.progress.Progress`, whose ``report`` also carries the person's
cancel. The front-ends only ask, show and print.

The layers, from the bottom: ``db``; ``desktop.core``; ``desktop.sync``;
``desktop.reports``; ``desktop.app``; ``desktop.ui`` and ``desktop.cli``. A module imports
only from its own layer and the ones below it, and nothing below ``desktop.ui`` imports Qt
(``tests/test_layers.py``).
"""
