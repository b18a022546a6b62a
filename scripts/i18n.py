"""Translation catalogues: extract, fill, compile, check.

One catalogue per source area (``desktop/core`` → ``tdcs_core_vi.ts``, ``desktop/ui/loans`` →
``tdcs_ui_loans_vi.ts``, each command module of ``desktop/cli`` on its own), so parts of the
program are translated independently. Usage::

    python scripts/i18n.py update     # run pyside6-lupdate over the sources
    python scripts/i18n.py todo       # print untranslated strings as JSON
    python scripts/i18n.py dump       # print every finished translation as JSON
    python scripts/i18n.py apply F    # fill translations from JSON {context: {source: text}}
    python scripts/i18n.py compile    # pyside6-lrelease every .ts into its .qm
    python scripts/i18n.py check      # fail if anything is untranslated or stale
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "desktop"
OUT = ROOT / "resources" / "translations"
LANGUAGES = ("vi",)
QT_OWN = "qtbase"


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    found = shutil.which(str(exe)) or shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def area_of(path: Path) -> str:
    """The catalogue a source file belongs to, so that separate parts of the program keep
    separate catalogues: ``desktop/x.py`` → ``app``; ``desktop/core/text.py`` → ``core``;
    ``desktop/core/loans/…`` → ``core_loans``; ``desktop/cli/sync_commands.py`` →
    ``cli_sync_commands`` (each command module on its own)."""
    parts = path.relative_to(SOURCE).parts
    if len(parts) == 1:
        return "app"
    if parts[0] == "cli":
        return "cli" if parts[1] in ("__init__.py", "base.py") else f"cli_{Path(parts[1]).stem}"
    if len(parts) == 2:
        return parts[0]
    return f"{parts[0]}_{parts[1]}"


def areas() -> dict[str, list[Path]]:
    """Area name → its Python files."""
    result: dict[str, list[Path]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        result.setdefault(area_of(path), []).append(path)
    return result


def ts_path(area: str, language: str) -> Path:
    return OUT / f"tdcs_{area}_{language}.ts"


def update(target_dir: Path = OUT) -> None:
    target_dir.mkdir(parents=True, exist_ok=True)
    for area, files in areas().items():
        for language in LANGUAGES:
            ts = target_dir / ts_path(area, language).name
            subprocess.run(
                [
                    tool("lupdate"),
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-target-language",
                    language,
                    *map(str, files),
                    "-ts",
                    str(ts),
                ],
                check=True,
                capture_output=True,
            )
            if not _messages(ts):
                ts.unlink()


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    tree = ET.parse(ts)
    return [
        (ctx.findtext("name") or "", msg)
        for ctx in tree.getroot().iter("context")
        for msg in ctx.iter("message")
    ]


def all_ts() -> list[Path]:
    return sorted(OUT.glob("*.ts"))


def todo() -> dict[str, dict[str, str]]:
    missing: dict[str, dict[str, str]] = {}
    for ts in all_ts():
        for context, msg in _messages(ts):
            translation = msg.find("translation")
            if translation is not None and (
                translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (translation.text or "").strip()
            ):
                missing.setdefault(context, {})[msg.findtext("source") or ""] = ""
    return missing


def dump() -> dict[str, dict[str, str]]:
    """Every finished translation, as ``apply`` reads them (to move strings between
    catalogues, or to merge two branches' catalogues)."""
    done: dict[str, dict[str, str]] = {}
    for ts in all_ts():
        for context, msg in _messages(ts):
            translation = msg.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                done.setdefault(context, {})[msg.findtext("source") or ""] = translation.text
    return done


def apply(source: Path) -> int:
    wanted: dict[str, dict[str, str]] = json.loads(source.read_text(encoding="utf-8"))
    filled = 0
    for ts in all_ts():
        tree = ET.parse(ts)
        changed = False
        for ctx in tree.getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                text = wanted.get(name, {}).get(msg.findtext("source") or "")
                translation = msg.find("translation")
                if text and translation is not None:
                    translation.text = text
                    translation.attrib.pop("type", None)
                    changed = True
                    filled += 1
        if changed:
            ET.indent(tree)
            tree.write(ts, encoding="utf-8", xml_declaration=True)
            _add_doctype(ts)
    return filled


def _add_doctype(ts: Path) -> None:
    text = ts.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        ts.write_text(text, encoding="utf-8")


def compile_all(target_dir: Path = OUT) -> list[Path]:
    outputs = []
    for ts in all_ts():
        qm = target_dir / ts.with_suffix(".qm").name
        subprocess.run(
            [tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
        )
        outputs.append(qm)
    return outputs


def stale() -> list[str]:
    """Problems that make the catalogues differ from what the sources and .ts files say."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        for ts in all_ts():
            shutil.copy(ts, fresh / ts.name)
        update(fresh)
        for ts in sorted(fresh.glob("tdcs_*.ts")):
            old = OUT / ts.name
            new_sources = {(c, m.findtext("source")) for c, m in _messages(ts)}
            old_sources = (
                {(c, m.findtext("source")) for c, m in _messages(old)} if old.exists() else set()
            )
            if new_sources != old_sources:
                problems.append(f"{ts.name}: out of date with the sources (run update)")
        compiled = compile_all(fresh)
        for qm in compiled:
            committed = OUT / qm.name
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"{qm.name}: not compiled from the current .ts (run compile)")
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "dump":
        print(json.dumps(dump(), ensure_ascii=False, indent=2))
    elif command == "todo":
        print(json.dumps(todo(), ensure_ascii=False, indent=2))
    elif command == "apply":
        print(f"filled {apply(Path(argv[1]))} translations")
        update()  # lupdate rewrites the files in its own layout: no churn in later diffs
    elif command == "compile":
        for qm in compile_all():
            print(qm.relative_to(ROOT))
    elif command == "check":
        problems = stale() + [f"untranslated: {c}: {s}" for c, m in todo().items() for s in m]
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
