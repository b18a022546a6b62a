"""Loading the interface language: TDCS's own catalogues and Qt's.

Catalogues are compiled per source area (``resources/translations/tdcs_<area>_vi.qm``) so
that parts of the program can be translated independently; ``argparse_vi`` holds the
messages Python's ``argparse`` prints. Qt ships no Vietnamese
catalogue of its own, so ``qtbase_vi`` (the standard buttons, the wizard, text-edit menus)
is ours too; a Qt build that does ship one takes precedence.

Only QtCore is used, so the command line loads the same catalogues.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.i18n import install_translator
from desktop.paths import resources_dir

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def catalogue_files(language: str) -> list[Path]:
    """TDCS's catalogues for ``language``: one per source area, plus the ``argparse``
    messages of the command line."""
    folder = translations_dir()
    return [*sorted(folder.glob(f"tdcs_*_{language}.qm")), folder / f"argparse_{language}.qm"]


def install_language(language: str) -> list[Path]:
    """Make ``language`` (``"vi"`` or ``"en"``) the interface language; return the files
    loaded. English is the source language and needs no catalogue."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QCoreApplication first"
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    loaded: list[Path] = []
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [
            Path(qt_dir) / f"qtbase_{language}.qm",
            translations_dir() / f"qtbase_{language}.qm",
        ]
        for path in [
            next((p for p in candidates if p.is_file()), None),
            *catalogue_files(language),
        ]:
            if path is None or not path.is_file():
                continue
            translator = QTranslator(app)
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
                loaded.append(path)
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    install_translator(QCoreApplication.translate)
    return loaded
