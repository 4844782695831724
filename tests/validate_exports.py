#!/usr/bin/env python3
"""Validates sxs's translator exports with independent, real tools.

    validate_exports.py --check-tools          # exit 3 and say what is missing
    validate_exports.py SXS_BIN SITE WORKDIR   # export SITE, validate, read back

Exports SITE as JSON, TMX, XLIFF and CSV with SXS_BIN, then:
- validates the TMX against the TMX 1.4 DTD and the XLIFF against the XLIFF
  2.0 core XSD with xmllint (schemas taken from the installed Debian packages
  `omegat` and `php-symfony-translation`, never from this repository);
- reads each file back with Translate Toolkit (translate.storage.tmx,
  translate.storage.xliff2, translate.storage.csvl10n and the csv2po
  command) and checks that the unit count equals the JSON export's and that
  every unit's source and target text are the JSON's, with ids, files,
  locations and findings checked on a seeded sample of 50;
- checks --folder and --only-flagged against the JSON export.

Translate Toolkit's command line exits 0 on files it cannot read, so this
script checks what the tools produced, not their exit codes alone.

Schema locations can be overridden with SXS_TMX_DTD (a tmx14.dtd file) and
SXS_XLIFF_SCHEMAS (a folder holding xliff-core-2.0.xsd and xml.xsd).
"""

import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import zipfile

SAMPLE = 50
OMEGAT_JARS = "/usr/share/omegat/**/*.jar"
SYMFONY_SCHEMAS = "/usr/share/php/Symfony/Component/Translation/Resources/schemas"

failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}")


def check(condition, message):
    if not condition:
        fail(message)
    return condition


# --- locating the tools and schemas ---------------------------------------


def tmx_dtd_source():
    """(jar, entry) of the TMX 1.4 DTD shipped inside OmegaT, or a file path."""
    override = os.environ.get("SXS_TMX_DTD")
    if override:
        return (None, override) if os.path.isfile(override) else None
    for jar in sorted(glob.glob(OMEGAT_JARS, recursive=True)):
        try:
            with zipfile.ZipFile(jar) as archive:
                for name in archive.namelist():
                    if name.endswith("/tmx14.dtd") or name == "tmx14.dtd":
                        return (jar, name)
        except (zipfile.BadZipFile, OSError):
            continue
    return None


def xliff_schema_dir():
    folder = os.environ.get("SXS_XLIFF_SCHEMAS", SYMFONY_SCHEMAS)
    needed = ("xliff-core-2.0.xsd", "xml.xsd")
    if all(os.path.isfile(os.path.join(folder, n)) for n in needed):
        return folder
    return None


def missing_tools():
    missing = []
    if shutil.which("xmllint") is None:
        missing.append("xmllint (apt-get install libxml2-utils)")
    try:
        import translate.storage.csvl10n  # noqa: F401
        import translate.storage.tmx  # noqa: F401
        import translate.storage.xliff2  # noqa: F401
    except ImportError:
        missing.append("Translate Toolkit with xliff2 (pip install translate-toolkit)")
    if shutil.which("csv2po") is None:
        missing.append("csv2po on PATH (pip install translate-toolkit)")
    if tmx_dtd_source() is None:
        missing.append("the TMX 1.4 DTD (apt-get install omegat, or set SXS_TMX_DTD)")
    if xliff_schema_dir() is None:
        missing.append(
            "the XLIFF 2.0 core XSD (apt-get install php-symfony-translation,"
            " or set SXS_XLIFF_SCHEMAS)"
        )
    return missing


def stage_tmx_dtd(workdir):
    jar, entry = tmx_dtd_source()
    if jar is None:
        return entry
    path = os.path.join(workdir, "tmx14.dtd")
    with zipfile.ZipFile(jar) as archive, open(path, "wb") as out:
        out.write(archive.read(entry))
    return path


def stage_xliff_xsd(workdir):
    """Copies the XSD next to xml.xsd where its <xs:import> expects it, so
    xmllint never goes to the network."""
    source = xliff_schema_dir()
    folder = os.path.join(workdir, "xliff-schemas")
    os.makedirs(folder, exist_ok=True)
    xsd = os.path.join(folder, "xliff-core-2.0.xsd")
    shutil.copy(os.path.join(source, "xliff-core-2.0.xsd"), xsd)
    with open(xsd, encoding="utf-8") as f:
        imports = re.findall(r'schemaLocation="([^"]+)"', f.read())
    for location in imports:
        target = os.path.join(folder, location)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy(os.path.join(source, "xml.xsd"), target)
    return xsd


# --- exporting -----------------------------------------------------------


def export(sxs, site, workdir, fmt, *extra):
    path = os.path.join(workdir, f"export{'-'.join(('',) + extra)}.{fmt}")
    run = subprocess.run(
        [sxs, "export", site, "--format", fmt, "-o", path, *extra],
        capture_output=True,
        text=True,
    )
    if not check(run.returncode == 0, f"sxs export --format {fmt} {extra}: {run.stderr}"):
        return None
    check(os.path.getsize(path) > 0, f"{path} is empty")
    return path


def xmllint(args, path, label):
    run = subprocess.run(["xmllint", "--noout", *args, path], capture_output=True, text=True)
    output = (run.stdout + run.stderr).strip()
    ok = (
        run.returncode == 0
        and "fails to validate" not in output
        and "validity error" not in output
        and "parser error" not in output
    )
    check(ok, f"{label}: xmllint rejects {path}:\n{output[:3000]}")
    print(f"{label}: xmllint {'OK' if ok else 'FAILED'} ({output or 'valid, no output'})")


# --- reading back ----------------------------------------------------------


FORBIDDEN_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text):
    """What the XML exports promise for a text: characters XML 1.0 cannot
    carry replaced by U+FFFD, everything else unchanged."""
    return FORBIDDEN_IN_XML.sub("\ufffd", text)


def as_in_xml(expected):
    return [dict(u, source=xml_safe(u["source"]), target=xml_safe(u["target"])) for u in expected]


def compare_texts(label, expected, units, texts):
    if not check(
        len(units) == len(expected),
        f"{label}: {len(units)} units read back, the JSON export has {len(expected)}",
    ):
        return
    bad = [
        i
        for i, (want, unit) in enumerate(zip(expected, units))
        if texts(unit) != (want["source"], want["target"])
    ]
    for i in bad[:5]:
        fail(f"{label}: unit {i} reads {texts(units[i])!r}, JSON has "
             f"{(expected[i]['source'], expected[i]['target'])!r}")
    print(f"{label}: {len(units)} units, {len(units) - len(bad)} with source and target equal to JSON")


def sample_indices(expected):
    rng = random.Random(4)
    indices = list(range(len(expected)))
    return sorted(rng.sample(indices, min(SAMPLE, len(indices))))


def flagged_indices(expected):
    return [i for i, u in enumerate(expected) if u["findings"]][:SAMPLE]


def text_or_empty(value):
    return str(value) if value is not None else ""


def check_tmx(path, expected):
    from translate.storage import tmx

    units = list(tmx.tmxfile.parsefile(path).units)
    compare_texts("tmx", as_in_xml(expected), units,
                  lambda u: (text_or_empty(u.source), text_or_empty(u.target)))
    if len(units) != len(expected):
        return
    for i in sample_indices(expected):
        want = f"{expected[i]['file']}#{expected[i]['id']}"
        tuid = units[i].getid()
        check(tuid == want or tuid.startswith(want + "_"), f"tmx: unit {i} tuid {tuid!r}, want {want!r}")
    for i in flagged_indices(expected):
        notes = units[i].getnotes()
        for code in expected[i]["findings"]:
            check(f"[{code}]" in notes, f"tmx: unit {i} lacks the note for {code}: {notes!r}")


def unit_notes(unit):
    """The notes of an XLIFF 2 unit. XLIFF 2 puts <notes> in <unit>, not in
    <segment> (the core XSD allows only source and target there), but
    Translate Toolkit 3.x's Xliff2Unit.getnotes() looks in <segment>, so the
    notes are read from the unit element it exposes."""
    notes = unit.getunitelement().find(unit.namespaced("notes"))
    if notes is None:
        return ""
    return "\n".join(note.text or "" for note in notes.iterchildren(unit.namespaced("note")))


def check_xliff(path, expected):
    from translate.storage import xliff2

    store = xliff2.Xliff2File.parsefile(path)
    units = list(store.units)
    compare_texts("xliff", as_in_xml(expected), units,
                  lambda u: (text_or_empty(u.source), text_or_empty(u.target)))
    if len(units) != len(expected):
        return
    for i in sample_indices(expected):
        element = units[i].getunitelement()
        original = element.getparent().get("original")
        check(original == expected[i]["file"], f"xliff: unit {i} in file {original!r}")
        check(element.get("name") == expected[i]["id"], f"xliff: unit {i} name {element.get('name')!r}")
    for i in flagged_indices(expected):
        notes = unit_notes(units[i])
        for code in expected[i]["findings"]:
            check(f"[{code}]" in notes, f"xliff: unit {i} lacks the note for {code}: {notes!r}")
    states = {}
    for unit in units:
        state = unit.xmlelement.get("state")
        states[state] = states.get(state, 0) + 1
    print(f"xliff: states {dict(sorted(states.items()))}")


def check_csv(path, expected):
    from translate.storage import csvl10n

    with open(path, "rb") as f:
        units = list(csvl10n.csvfile(f).units)
    compare_texts("csv", expected, units,
                  lambda u: (text_or_empty(u.source), text_or_empty(u.target)))
    if len(units) != len(expected):
        return
    for i in sample_indices(expected):
        want = f"{expected[i]['file']}:{expected[i]['line']}"
        check(units[i].getlocations() == [want], f"csv: unit {i} location {units[i].getlocations()}")
        check(units[i].getcontext() == expected[i]["kind"], f"csv: unit {i} context {units[i].getcontext()!r}")
    for i in flagged_indices(expected):
        notes = units[i].getnotes()
        for code in expected[i]["findings"]:
            check(f"[{code}]" in notes, f"csv: unit {i} lacks the comment for {code}: {notes!r}")


def check_csv2po(path, expected, workdir):
    """The command-line converter: exits 0 even on input it cannot read, so
    its output is what is checked."""
    from translate.storage import po

    out = os.path.join(workdir, "export.po")
    run = subprocess.run(["csv2po", "--progress=none", path, out], capture_output=True, text=True)
    messages = (run.stdout + run.stderr).strip()
    check(run.returncode == 0 and "WARNING" not in messages and "rror" not in messages,
          f"csv2po: {messages}")
    if not check(os.path.isfile(out), "csv2po wrote no PO file"):
        return
    units = [u for u in po.pofile.parsefile(out).units if not u.isheader()]
    compare_texts("csv2po", expected, units, lambda u: (u.source, u.target))


# --- options ---------------------------------------------------------------


def check_options(sxs, site, workdir, expected):
    folders = sorted({u["file"].split("/")[0] for u in expected if "/" in u["file"]})
    if folders:
        folder = folders[-1]
        path = export(sxs, site, workdir, "json", "--folder", folder)
        if path:
            with open(path, encoding="utf-8") as f:
                got = json.load(f)
            want = [u for u in expected if u["file"].startswith(folder + "/")]
            check(got == want, f"--folder {folder}: {len(got)} units, want {len(want)}")
            print(f"--folder {folder}: {len(got)} of {len(expected)} units")
    path = export(sxs, site, workdir, "json", "--only-flagged")
    if path:
        with open(path, encoding="utf-8") as f:
            got = json.load(f)
        want = [u for u in expected if u["findings"]]
        check(got == want, f"--only-flagged: {len(got)} units, want {len(want)}")
        print(f"--only-flagged: {len(got)} units")


def main(argv):
    if argv[1:] == ["--check-tools"]:
        missing = missing_tools()
        for what in missing:
            print(f"missing: {what}")
        return 3 if missing else 0
    if len(argv) != 4:
        print(__doc__)
        return 2
    sxs, site, workdir = argv[1:]
    missing = missing_tools()
    if missing:
        print("missing: " + "; ".join(missing))
        return 3
    os.makedirs(workdir, exist_ok=True)
    paths = {fmt: export(sxs, site, workdir, fmt) for fmt in ("json", "tmx", "xliff", "csv")}
    if None in paths.values():
        return 1
    with open(paths["json"], encoding="utf-8") as f:
        expected = json.load(f)
    print(f"json: {len(expected)} segments, {sum(1 for u in expected if u['findings'])} flagged")
    check(len(expected) > 0, "the JSON export is empty")
    xmllint(["--dtdvalid", stage_tmx_dtd(workdir)], paths["tmx"], "tmx")
    xmllint(["--schema", stage_xliff_xsd(workdir)], paths["xliff"], "xliff")
    check_tmx(paths["tmx"], expected)
    check_xliff(paths["xliff"], expected)
    check_csv(paths["csv"], expected)
    check_csv2po(paths["csv"], expected, workdir)
    check_options(sxs, site, workdir, expected)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
