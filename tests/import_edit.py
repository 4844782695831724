#!/usr/bin/env python3
"""Changes units of an sxs export with Translate Toolkit, as a translator's
CAT tool would, for the import tests (tests/import.rs).

    import_edit.py FORMAT EXPORT OUT EDITS

FORMAT is xliff, tmx or csv. EDITS is a JSON file: a list of
{"file", "key", "target"} and optionally "source" (to make the unit stale).
`key` is the unit's id as sxs exported it: the XLIFF unit id within the
<file original="file">, the TMX tuid, the CSV id. The file is loaded with
translate.storage (xliff2, tmx, csvl10n), the units' texts set through its
API, and the store saved to OUT by Translate Toolkit itself. Exits 1 if an
edit names a unit the file does not have.
"""

import json
import sys


def load(fmt, path):
    if fmt == "xliff":
        from translate.storage import xliff2

        return xliff2.Xliff2File.parsefile(path)
    if fmt == "tmx":
        from translate.storage import tmx

        return tmx.tmxfile.parsefile(path)
    if fmt == "csv":
        from translate.storage import csvl10n

        with open(path, "rb") as f:
            return csvl10n.csvfile(f)
    raise SystemExit(f"unknown format {fmt}")


def key_of(fmt, unit):
    if fmt == "xliff":
        element = unit.getunitelement()
        return (element.getparent().get("original"), element.get("id"))
    return (None, unit.getid())


def main(argv):
    if len(argv) != 5:
        print(__doc__)
        return 2
    fmt, source, out, edits_path = argv[1:]
    with open(edits_path, encoding="utf-8") as f:
        edits = json.load(f)
    store = load(fmt, source)
    units = {key_of(fmt, u): u for u in store.units}
    missing = 0
    for edit in edits:
        key = (edit["file"] if fmt == "xliff" else None, edit["key"])
        unit = units.get(key)
        if unit is None:
            print(f"no unit {key} in {source}")
            missing += 1
            continue
        unit.target = edit["target"]
        if "source" in edit:
            unit.source = edit["source"]
    store.savefile(out)
    print(f"{fmt}: {len(edits) - missing} of {len(edits)} units changed by Translate Toolkit")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
