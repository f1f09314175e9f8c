"""Keep the translations in step with the code: extract every marked string (``_``,
``ngettext``, ``N_``) into ``resources/locale/wellbeing.pot``, bring each language's ``.po`` up
to date with it (new strings untranslated, gone ones dropped), and compile the ``.mo`` files the
app reads. ``make translations`` runs it; tests/test_translations.py fails when a catalogue
misses a string or a placeholder, or a ``.mo`` is older than its ``.po``.

    python packaging/translations.py            # extract, update, compile
    python packaging/translations.py compile    # compile only
    python packaging/translations.py new LANG   # start a catalogue for LANG (e.g. de)
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "wellbeing_app"
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "wellbeing.pot"
DOMAIN = "wellbeing"
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # headers carry no build time: files stay stable


def extracted() -> Catalog:
    """Every marked string in the package, with where it is used."""
    catalog = Catalog(project="Wellbeing", domain=DOMAIN, creation_date=FIXED_DATE)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE),
        method_map=[("**.py", "python")],
        keywords=DEFAULT_KEYWORDS,
        comment_tags=("TRANSLATORS:",),
    ):
        catalog.add(
            message,
            None,
            [(f"wellbeing_app/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir())


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_bytes(language: str) -> bytes:
    with po_path(language).open("rb") as file:
        catalog = read_po(file, locale=language, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def write_catalog(path: Path, catalog: Catalog) -> None:
    out = io.BytesIO()
    write_po(out, catalog, sort_output=True, include_lineno=False, width=100)
    path.write_bytes(out.getvalue())


def update() -> None:
    template = extracted()
    write_catalog(TEMPLATE, template)
    for language in languages():
        with po_path(language).open("rb") as file:
            catalog = read_po(file, locale=language, domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.revision_date = FIXED_DATE
        write_catalog(po_path(language), catalog)


def compile_all() -> None:
    for language in languages():
        po_path(language).with_suffix(".mo").write_bytes(mo_bytes(language))


def new(language: str) -> None:
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        project="Wellbeing",
        version="",
        copyright_holder="the Wellbeing authors",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        last_translator="the Wellbeing authors",
        language_team=language,
        fuzzy=False,
        header_comment=f"# {language} translation of Wellbeing: you are not your brand.\n"
        "# This file is distributed under the same license as the Wellbeing package.",
    )
    catalog.update(extracted(), no_fuzzy_matching=True)
    write_catalog(path, catalog)


if __name__ == "__main__":
    step = sys.argv[1] if len(sys.argv) > 1 else "all"
    if step == "new":
        new(sys.argv[2])
    if step in ("all",):
        update()
    compile_all()
    print(f"{len(extracted())} strings; languages: {', '.join(languages())}")
