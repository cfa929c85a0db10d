#!/usr/bin/env python3
"""Export each addon's .pot from a database and merge it into i18n/zh_CN.po.

Run with the Python that imports Odoo 18, against a database where the
addons are installed:

    python3 tools/i18n_update.py -c odoo.conf -d DB property_cs property_billing

Existing translations are kept (matched on msgid and msgctxt); new strings get
an empty msgstr, which tools/static_checks.py reports until translated.
"""

import argparse
import os
import subprocess
import sys
import tempfile

import polib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def export_pot(conf, db, addon, target):
    cmd = [
        sys.executable,
        "-m",
        "odoo",
        "-c",
        conf,
        "-d",
        db,
        f"--i18n-export={target}",
        f"--modules={addon}",
        "--stop-after-init",
        "--log-level=warn",
    ]
    subprocess.run(cmd, check=True)


def merge(pot_path, po_path):
    pot = polib.pofile(pot_path)
    old = polib.pofile(po_path) if os.path.exists(po_path) else polib.POFile()
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr}
    by_id = {e.msgid: e.msgstr for e in old if e.msgstr}
    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": pot.metadata.get("Project-Id-Version", "Odoo 18.0"),
        "Language": "zh_CN",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    missing = 0
    for entry in pot:
        msgstr = known.get((entry.msgctxt, entry.msgid)) or by_id.get(entry.msgid, "")
        missing += not msgstr
        po.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                msgstr=msgstr,
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=[f for f in entry.flags if f != "fuzzy"],
            )
        )
    po.save(po_path)
    return len(pot), missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("addons", nargs="+")
    args = parser.parse_args()
    for addon in args.addons:
        i18n = os.path.join(ROOT, "addons", addon, "i18n")
        os.makedirs(i18n, exist_ok=True)
        pot_path = os.path.join(i18n, f"{addon}.pot")
        with tempfile.TemporaryDirectory() as tmp:
            tmp_pot = os.path.join(tmp, f"{addon}.pot")
            export_pot(args.config, args.database, addon, tmp_pot)
            with open(tmp_pot, encoding="utf-8") as src:
                content = src.read()
        with open(pot_path, "w", encoding="utf-8") as dst:
            dst.write(content)
        total, missing = merge(pot_path, os.path.join(i18n, "zh_CN.po"))
        print(f"{addon}: {total} strings, {missing} untranslated")


if __name__ == "__main__":
    main()
