#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Run one benchmark of tests/perf on a clean database.

    python3 tests/perf/run.py BENCH [BENCH OPTIONS]

e.g. ``python3 tests/perf/run.py bench_billing.py --units 2000 --pairs 10``.

1. starts a throwaway PostgreSQL cluster (``initdb``/``pg_ctl`` of the
   PostgreSQL server binaries, as ``tools/test`` does; run as root it uses the
   ``postgres`` user), or uses the server of ``--db-host``/``--db-port``;
2. creates a database with ``property_billing`` and ``property_renovation``
   (and ``property_cs``) installed **without demo data** (2–4 minutes);
3. runs ``BENCH -c <odoo.conf> -d <database> [BENCH OPTIONS]`` with the Odoo
   python and prints its output;
4. drops the cluster (or the database), unless ``--keep``.

The OCA addons (helpdesk_mgmt, report_xlsx) are taken from the cache that
``tools/test`` fills (``~/.cache/property-cs/oca-addons``); run ``tools/test
--odoo-only`` once before, or pass ``--addons-path``.
The cluster runs with ``fsync`` and ``synchronous_commit`` off, as the test
cluster: commits cost less than on a production server.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
HERE = os.path.dirname(os.path.realpath(__file__))
ADDONS = "property_cs,property_billing,property_renovation"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_python():
    candidates = [
        os.environ.get("ODOO_PYTHON"),
        shutil.which("python3"),
        "/usr/bin/python3",
    ]
    for python in filter(None, candidates):
        ok = subprocess.run(
            [
                python,
                "-c",
                "import odoo.release as r, sys; sys.exit(r.version_info[0] != 18)",
            ],
            capture_output=True,
        )
        if ok.returncode == 0:
            return python
    sys.exit("tests/perf/run.py: no python3 imports Odoo 18 (set ODOO_PYTHON)")


def core_addons(python):
    code = (
        "import os, odoo\n"
        "dirs = []\n"
        "for p in odoo.__path__:\n"
        "    for d in (os.path.join(p, 'addons'),\n"
        "              os.path.join(os.path.dirname(p), 'addons')):\n"
        "        if os.path.isfile(os.path.join(d, 'base', '__manifest__.py')):\n"
        "            dirs.append(os.path.realpath(d))\n"
        "print(','.join(dict.fromkeys(dirs)))\n"
    )
    return subprocess.run(
        [python, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def odoo_bin(python):
    code = "import odoo, os; print(os.path.dirname(odoo.__path__[0]))"
    base = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    path = os.path.join(base, "odoo-bin")
    return [python, path] if os.path.exists(path) else [python, "-m", "odoo"]


def as_postgres(cmd):
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def pg_bin():
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    versions = sorted(
        d for d in os.listdir("/usr/lib/postgresql") if d.replace(".", "").isdigit()
    )
    if not versions:
        sys.exit("tests/perf/run.py: PostgreSQL server binaries not found")
    return f"/usr/lib/postgresql/{versions[-1]}/bin"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        usage="python3 tests/perf/run.py [--keep] BENCH [BENCH OPTIONS]",
    )
    parser.add_argument("--keep", action="store_true", help="keep cluster and database")
    parser.add_argument("--db-host", help="use this PostgreSQL server")
    parser.add_argument("--db-port", type=int, default=5432)
    parser.add_argument("--db-user", default="odoo")
    parser.add_argument("--addons-path", help="core and OCA addons (comma separated)")
    parser.add_argument("bench", help="a script of tests/perf")
    parser.add_argument("options", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    bench = args.bench if os.path.exists(args.bench) else os.path.join(HERE, args.bench)
    if not os.path.exists(bench):
        sys.exit(f"tests/perf/run.py: no benchmark {args.bench}")
    python = odoo_python()
    oca = os.path.expanduser("~/.cache/property-cs/oca-addons/odoo/addons")
    addons_path = args.addons_path or ",".join(
        [core_addons(python), *([oca] if os.path.isdir(oca) else []), f"{ROOT}/addons"]
    )
    if not args.addons_path and not os.path.isdir(oca):
        sys.exit(
            "tests/perf/run.py: the OCA addons are missing: run tools/test "
            "--odoo-only once, or pass --addons-path"
        )
    work = tempfile.mkdtemp(prefix="property-perf.")
    os.chmod(work, 0o755)
    pgdata = None
    host, port = args.db_host, args.db_port
    try:
        if not host:
            host, port = "127.0.0.1", free_port()
            pgdata = os.path.join(work, "pgdata")
            os.makedirs(os.path.join(work, "sock"))
            if os.geteuid() == 0:
                shutil.chown(work, "postgres")
                shutil.chown(os.path.join(work, "sock"), "postgres")
            binaries = pg_bin()
            subprocess.run(
                as_postgres(
                    [
                        f"{binaries}/initdb",
                        "-D",
                        pgdata,
                        "--auth=trust",
                        "-U",
                        "odoo",
                        "-E",
                        "UTF8",
                    ]
                ),
                check=True,
                capture_output=True,
            )
            subprocess.run(
                as_postgres(
                    [
                        f"{binaries}/pg_ctl",
                        "-D",
                        pgdata,
                        "-l",
                        f"{work}/postgres.log",
                        "-w",
                        "-t",
                        "60",
                        "start",
                        "-o",
                        f"-h {host} -p {port} -k {work}/sock -F "
                        "-c full_page_writes=off -c synchronous_commit=off "
                        "-c max_connections=100",
                    ]
                ),
                check=True,
                capture_output=True,
            )
        database = f"perf_{os.getpid()}"
        conf = os.path.join(work, "odoo.conf")
        with open(conf, "w", encoding="utf-8") as handle:
            handle.write(
                "[options]\n"
                f"db_host = {host}\ndb_port = {port}\ndb_user = {args.db_user}\n"
                f"addons_path = {addons_path}\ndata_dir = {work}/data\n"
                "max_cron_threads = 0\n"
            )
        print(f"Installing {ADDONS} without demo data into {database} ...", flush=True)
        install = subprocess.run(
            [
                *odoo_bin(python),
                "-c",
                conf,
                "-d",
                database,
                "-i",
                ADDONS,
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
                f"--http-port={free_port()}",
            ],
            capture_output=True,
            text=True,
        )
        if install.returncode:
            print(install.stdout[-3000:], install.stderr[-3000:])
            return install.returncode
        result = subprocess.run(
            [python, bench, "-c", conf, "-d", database, *args.options]
        )
        if args.keep:
            print(f"--keep: database {database} on {host}:{port}, Odoo config {conf}")
            if pgdata:
                stop = as_postgres([pg_bin() + "/pg_ctl", "-D", pgdata, "stop"])
                print(f"        stop: {' '.join(stop)}")
        return result.returncode
    finally:
        if not args.keep:
            if pgdata:
                subprocess.run(
                    as_postgres(
                        [f"{pg_bin()}/pg_ctl", "-D", pgdata, "-m", "immediate", "stop"]
                    ),
                    capture_output=True,
                )
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
