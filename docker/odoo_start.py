#!/usr/bin/env python3
# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Entry point of the Odoo containers: prepare the database, then run Odoo.

    odoo_start.py [--prepare-only | --no-prepare] [ODOO OPTIONS...]

1. Writes the running configuration (``/tmp/odoo.conf``): the image's
   ``/etc/odoo/odoo.conf`` plus the environment (database connection,
   master password, database name).
2. Waits until PostgreSQL answers over TCP.
3. Prepares the database, one container at a time (a PostgreSQL advisory
   lock; ``--no-prepare`` only waits until a prepared database exists):

   - no database: creates it, marked *installing* (a comment on the
     database), installs the addons, stores their checksums, marks it
     *ready*. Progress is printed every 30 seconds and, while it lasts, the
     HTTP port answers with a "being installed" page (503) instead of
     hanging. Stopping the container during this is safe: the mark stays
     *installing*, and the next start drops that database and installs
     again.
   - a database marked *ready* (or an Odoo database made elsewhere, e.g. a
     restored backup): ``click-odoo-update`` upgrades exactly the addons
     whose files changed since the last start (checksums per addon, OCA
     click-odoo-contrib), then installs the addons that this database has
     never had (new addons of a new image).
4. Replaces itself with ``odoo -c /tmp/odoo.conf ODOO OPTIONS...``
   (``--prepare-only``: exits instead).

Environment (defaults in brackets):
  PGHOST [db], PGPORT [5432], PGUSER [odoo],
  PGPASSWORD [POSTGRES_PASSWORD, else odoo]
  PROPERTY_DB [property]           the one database this stack serves
  PROPERTY_ADDONS [every addon of PROPERTY_ADDONS_DIR]  comma separated
  PROPERTY_ADDONS_DIR [/opt/property/addons]
  PROPERTY_DEMO [0]                1: load demo data on the first install
  ODOO_MASTER_PASSWORD             Odoo's master password (admin_passwd)
  ODOO_ADMIN_PASSWORD              password of the user "admin", set by the
                                   first install (else Odoo's "admin")
  ODOO_RC [/etc/odoo/odoo.conf]    configuration the running one starts from
  PROPERTY_RUNTIME_CONF [/tmp/odoo.conf]
  ODOO_BIN [odoo], CLICK_ODOO_UPDATE [/opt/odoo-tools/bin/click-odoo-update]
  CLICK_ODOO_UPDATE_ARGS           extra options, e.g. --ignore-core-addons
  PROPERTY_WAIT_DB_SECONDS [300]
"""

import configparser
import hashlib
import html
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import closing, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MARK = "property-docker"
INSTALLING = f"{MARK}:installing"
READY = f"{MARK}:ready"
ADDONS_DIR = "/opt/property/addons"
CLICK_ODOO_UPDATE = "/opt/odoo-tools/bin/click-odoo-update"
LOADING_RE = re.compile(r"Loading module (\w+) \((\d+)/(\d+)\)")
PROGRESS_EVERY = 30  # seconds


def log(message):
    print(f"[odoo_start] {message}", flush=True)


# ---------------------------------------------------------------------------
# Pure helpers (tests/unit/test_docker_start.py)
# ---------------------------------------------------------------------------
def parse_mark(comment):
    """(state, addons) from the database comment, or (None, set())."""
    if not comment or not comment.startswith(MARK + ":"):
        return None, set()
    state, _, rest = comment.partition(" ")
    addons = set()
    match = re.search(r"addons=([\w,]*)", rest)
    if match:
        addons = {a for a in match.group(1).split(",") if a}
    return state, addons


def make_mark(state, addons=()):
    text = state
    if addons:
        text += " addons=" + ",".join(sorted(addons))
    return text


def decide(exists, comment, odoo_initialised, has_tables):
    """What to do with the database: install, reinstall, update or refuse."""
    if not exists:
        return "install"
    state, _ = parse_mark(comment)
    if state == INSTALLING:
        return "reinstall"  # a first install that did not finish
    if odoo_initialised:
        return "update"
    if not has_tables:
        return "install"  # an empty database made by someone else
    return "refuse"  # tables, but not an Odoo database


def addons_to_install(wanted, recorded, installed_now):
    """Addons this database never had: wanted, not recorded in the mark as
    installed by an earlier start, not installed now. An addon someone
    uninstalled on purpose stays recorded and is not installed again."""
    return sorted(set(wanted) - set(recorded) - set(installed_now))


def runtime_config(base_text, env):
    """The running configuration: the base file plus the environment."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(base_text or "[options]\n")
    if not parser.has_section("options"):
        parser.add_section("options")
    options = parser["options"]
    db = env.get("PROPERTY_DB", "property")
    options["db_host"] = env.get("PGHOST", "db")
    options["db_port"] = env.get("PGPORT", "5432")
    options["db_user"] = env.get("PGUSER", "odoo")
    # as the official image's entrypoint: POSTGRES_PASSWORD (docker/.env) too
    options["db_password"] = env.get("PGPASSWORD") or env.get(
        "POSTGRES_PASSWORD", "odoo"
    )
    options["db_name"] = db
    options["dbfilter"] = f"^{re.escape(db)}$"
    if env.get("ODOO_MASTER_PASSWORD"):
        options["admin_passwd"] = env["ODOO_MASTER_PASSWORD"]
    return parser


def wanted_addons(env, addons_dir):
    if env.get("PROPERTY_ADDONS"):
        return [a.strip() for a in env["PROPERTY_ADDONS"].split(",") if a.strip()]
    return sorted(p.parent.name for p in Path(addons_dir).glob("*/__manifest__.py"))


def lock_key(name):
    return int(hashlib.sha1(name.encode()).hexdigest()[:15], 16)


class Progress:
    """Follows Odoo's "Loading module X (i/n)" lines."""

    def __init__(self, what):
        self.what = what
        self.started = time.time()
        self.module = None
        self.index = self.total = 0
        self.lock = threading.Lock()

    def feed(self, line):
        match = LOADING_RE.search(line)
        if match:
            with self.lock:
                self.module = match.group(1)
                self.index, self.total = int(match.group(2)), int(match.group(3))

    def text(self):
        with self.lock:
            minutes = (time.time() - self.started) / 60
            where = (
                f"module {self.index}/{self.total} ({self.module})"
                if self.total
                else "starting"
            )
            return f"{self.what}: {where}, {minutes:.0f} min so far"


# ---------------------------------------------------------------------------
# Placeholder page while the database is being prepared
# ---------------------------------------------------------------------------
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="15">
<title>正在准备数据库 / Preparing the database</title></head>
<body style="font-family: sans-serif; margin: 3em;">
<h1>正在准备数据库，请稍候</h1>
<p>首次启动需要安装全部模块，通常需要 10–20 分钟。本页每 15 秒自动刷新。</p>
<h2>The database is being prepared</h2>
<p>The first start installs every addon and usually takes 10–20 minutes.
This page reloads every 15 seconds.</p>
<p><code>{progress}</code></p>
</body></html>
"""


def start_placeholder(port, progress):
    if not port:
        return None

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            if self.path.startswith("/web/health"):
                body = b'{"status": "preparing"}'
                ctype = "application/json"
            else:
                body = PAGE.format(progress=html.escape(progress.text())).encode()
                ctype = "text/html; charset=utf-8"
            self.send_response(503)
            self.send_header("Content-Type", ctype)
            self.send_header("Retry-After", "15")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_HEAD = do_GET

        def log_message(self, *args):
            pass

    try:
        server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    except OSError as exc:
        log(f"no placeholder page on port {port}: {exc}")
        return None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---------------------------------------------------------------------------
# Database
# ---------------------------------------------------------------------------
def connect(options, dbname="postgres"):
    import psycopg2

    conn = psycopg2.connect(
        host=options["db_host"],
        port=options["db_port"],
        user=options["db_user"],
        password=options["db_password"],
        dbname=dbname,
        connect_timeout=5,
        application_name="odoo_start",
    )
    conn.autocommit = True
    return conn


def wait_for_postgres(options, seconds):
    import psycopg2

    deadline = time.time() + seconds
    last = None
    while time.time() < deadline:
        try:
            connect(options).close()
            return
        except psycopg2.OperationalError as exc:
            if str(exc) != last:
                log(
                    f"waiting for PostgreSQL at {options['db_host']}:"
                    f"{options['db_port']}: {str(exc).strip()}"
                )
                last = str(exc)
            time.sleep(2)
    sys.exit(f"PostgreSQL did not answer within {seconds} s")


def database_info(options, db):
    """(exists, comment, odoo_initialised, has_tables, installed addons)."""
    with closing(connect(options)) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = %s",
            [db],
        )
        row = cr.fetchone()
    if row is None:
        return False, None, False, False, set()
    with closing(connect(options, db)) as conn, conn.cursor() as cr:
        cr.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        has_tables = cr.fetchone()[0] > 0
        cr.execute("SELECT to_regclass('public.ir_module_module') IS NOT NULL")
        initialised = cr.fetchone()[0]
        installed = set()
        if initialised:
            cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed'")
            installed = {r[0] for r in cr.fetchall()}
    return True, row[0], initialised, has_tables, installed


def set_mark(conn, db, text):
    from psycopg2 import sql

    with conn.cursor() as cr:
        cr.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(db), sql.Literal(text)
            )
        )


def create_database(conn, options, db):
    """As Odoo's own ``_create_empty_database``, marked *installing*."""
    import psycopg2
    from psycopg2 import sql

    with conn.cursor() as cr:
        cr.execute(
            sql.SQL(
                "CREATE DATABASE {} ENCODING 'unicode' LC_COLLATE 'C' "
                "TEMPLATE template0"
            ).format(sql.Identifier(db))
        )
    set_mark(conn, db, INSTALLING)
    try:
        with closing(connect(options, db)) as dbconn, dbconn.cursor() as cr:
            cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except psycopg2.Error as exc:
        log(f"pg_trgm not created ({exc}); Odoo works without it")


def drop_database(conn, db, data_dir):
    from psycopg2 import sql

    with conn.cursor() as cr:
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [db],
        )
        cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(db)))
    shutil.rmtree(Path(data_dir) / "filestore" / db, ignore_errors=True)


@contextmanager
def advisory_lock(options, name):
    conn = connect(options)
    key = lock_key(name)
    with conn.cursor() as cr:
        cr.execute("SELECT pg_try_advisory_lock(%s)", [key])
        if not cr.fetchone()[0]:
            log("another container is preparing the database: waiting for it")
            cr.execute("SELECT pg_advisory_lock(%s)", [key])
    try:
        yield
    finally:
        conn.close()  # releases the lock


# ---------------------------------------------------------------------------
# Running Odoo and click-odoo-update
# ---------------------------------------------------------------------------
CHILD = None


def _forward(signum, _frame):
    if CHILD is not None and CHILD.poll() is None:
        CHILD.send_signal(signum)
    else:
        sys.exit(128 + signum)


def run_logged(cmd, progress=None):
    """Run a command, copy its output, feed the progress; return its exit code."""
    global CHILD
    log("$ " + " ".join(shlex.quote(c) for c in cmd))
    CHILD = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )
    stop = threading.Event()
    if progress:

        def tick():
            while not stop.wait(PROGRESS_EVERY):
                log(progress.text())

        threading.Thread(target=tick, daemon=True).start()
    for line in CHILD.stdout:
        sys.stdout.write(line)
        if progress:
            progress.feed(line)
    rc = CHILD.wait()
    stop.set()
    CHILD = None
    return rc


def odoo_cmd(env):
    return shlex.split(env.get("ODOO_BIN", "odoo"))


def install(env, conf, db, addons, demo, progress):
    """``demo``: True/False on the first install; None for addons added later
    (Odoo then loads their demo data if the database has demo data)."""
    cmd = odoo_cmd(env) + ["-c", conf, "-d", db, "-i", ",".join(addons)]
    cmd += ["--stop-after-init", "--no-http", "--workers=0", "--max-cron-threads=0"]
    if demo is False:
        cmd.append("--without-demo=all")
    return run_logged(cmd, progress)


ADMIN_PASSWORD_CODE = """\
import os
env.ref("base.user_admin").password = os.environ["ODOO_ADMIN_PASSWORD"]
env.cr.commit()
print("odoo_start: the password of the user admin is set")
"""


def set_admin_password(env, conf, db):
    """Odoo's own password setter, through ``odoo shell`` (reads stdin)."""
    cmd = odoo_cmd(env) + ["shell", "-c", conf, "-d", db, "--no-http"]
    log("setting the password of the user admin (ODOO_ADMIN_PASSWORD)")
    proc = subprocess.run(
        cmd, input=ADMIN_PASSWORD_CODE, text=True, capture_output=True, check=False
    )
    if proc.returncode or "password of the user admin is set" not in proc.stdout:
        sys.stdout.write(proc.stdout + proc.stderr)
        return 1
    return 0


def click_odoo_update(env, conf, db, *extra):
    cmd = shlex.split(env.get("CLICK_ODOO_UPDATE", CLICK_ODOO_UPDATE))
    cmd += ["-c", conf, "-d", db, *extra]
    cmd += shlex.split(env.get("CLICK_ODOO_UPDATE_ARGS", ""))
    return run_logged(cmd, Progress("update"))


def first_install(ctx, conn, action, exists):
    """Create (or re-create) the database and install the addons."""
    env, conf, db = ctx["env"], ctx["conf"], ctx["db"]
    if action == "reinstall":
        log(
            f"database {db} is marked '{INSTALLING}': an earlier first start did "
            "not finish (stopped?). Dropping it and installing again."
        )
        drop_database(conn, db, ctx["data_dir"])
        exists = False
    if exists:
        set_mark(conn, db, INSTALLING)  # an empty database made by someone else
    else:
        create_database(conn, ctx["options"], db)
    wanted, demo = ctx["wanted"], ctx["demo"]
    progress = Progress(
        f"first start: installing {len(wanted)} addon(s) and their dependencies "
        f"into {db}" + (" with demo data" if demo else "")
    )
    log(
        progress.what + ". This usually takes 10-20 minutes; stopping now is "
        "safe (the next start installs again)."
    )
    ctx["placeholder"] = start_placeholder(ctx["http_port"], progress)
    if install(env, conf, db, wanted, demo, progress):
        sys.exit("install failed: the database stays marked 'installing'")
    if env.get("ODOO_ADMIN_PASSWORD") and set_admin_password(env, conf, db):
        sys.exit("setting the admin password failed")
    if click_odoo_update(env, conf, db, "--only-compute-hashes"):
        sys.exit("storing the addons' checksums failed")
    set_mark(conn, db, make_mark(READY, wanted))
    minutes = (time.time() - progress.started) / 60
    log(f"database {db} is ready ({minutes:.0f} min)")


def update(ctx, conn, comment, installed):
    """Upgrade the addons whose files changed; install addons new to it."""
    env, conf, db, wanted = ctx["env"], ctx["conf"], ctx["db"], ctx["wanted"]
    _state, recorded = parse_mark(comment)
    if not recorded:  # a database made elsewhere (a restored backup...)
        recorded = set(wanted) & installed
    new = addons_to_install(wanted, recorded, installed)
    progress = Progress(f"upgrading the addons of {db} whose files changed")
    ctx["placeholder"] = start_placeholder(ctx["http_port"], progress)
    log(progress.what + " (click-odoo-update)")
    if click_odoo_update(env, conf, db):
        sys.exit("click-odoo-update failed: see the log above")
    if new:
        log(f"installing addons new to {db}: {', '.join(new)}")
        if install(env, conf, db, new, None, Progress("installing new addons")):
            sys.exit("installing the new addons failed")
        if click_odoo_update(env, conf, db, "--only-compute-hashes"):
            sys.exit("storing the addons' checksums failed")
    set_mark(conn, db, make_mark(READY, recorded | set(new)))
    log(f"database {db} is up to date")


def prepare(env, options, conf, data_dir, http_port):
    db = options["db_name"]
    ctx = {
        "env": env,
        "options": options,
        "conf": conf,
        "db": db,
        "data_dir": data_dir,
        "http_port": http_port,
        "wanted": wanted_addons(env, env.get("PROPERTY_ADDONS_DIR", ADDONS_DIR)),
        "demo": env.get("PROPERTY_DEMO", "0") == "1",
        "placeholder": None,
    }
    with advisory_lock(options, f"odoo_start/{db}"), closing(connect(options)) as conn:
        exists, comment, initialised, has_tables, installed = database_info(options, db)
        action = decide(exists, comment, initialised, has_tables)
        if action == "refuse":
            sys.exit(f"database {db} has tables but is no Odoo database: not touched")
        try:
            if action in ("install", "reinstall"):
                first_install(ctx, conn, action, exists)
            else:
                update(ctx, conn, comment, installed)
        finally:
            if ctx["placeholder"]:
                ctx["placeholder"].shutdown()
                ctx["placeholder"].server_close()


def wait_until_ready(options, seconds):
    db = options["db_name"]
    deadline = time.time() + seconds
    said = False
    while True:
        exists, comment, initialised, _tables, _inst = database_info(options, db)
        state, _ = parse_mark(comment)
        if exists and initialised and state != INSTALLING:
            return
        if not said:
            log(f"waiting until database {db} is prepared (by the odoo-init service)")
            said = True
        if time.time() > deadline:
            sys.exit(f"database {db} was not prepared within {seconds} s")
        time.sleep(5)


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    mode = "serve"
    if argv and argv[0] in ("--prepare-only", "--no-prepare"):
        mode = argv.pop(0)
    env = os.environ
    signal.signal(signal.SIGTERM, _forward)
    signal.signal(signal.SIGINT, _forward)

    base = env.get("ODOO_RC", "/etc/odoo/odoo.conf")
    base_text = Path(base).read_text(encoding="utf-8") if Path(base).is_file() else ""
    parser = runtime_config(base_text, env)
    conf = env.get("PROPERTY_RUNTIME_CONF", "/tmp/odoo.conf")
    fd = os.open(conf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        parser.write(handle)
    options = parser["options"]
    data_dir = options.get("data_dir", "/var/lib/odoo")
    http_port = None
    if mode == "serve" and "--no-http" not in argv:
        http_port = int(options.get("http_port", options.get("xmlrpc_port", "8069")))

    wait_for_postgres(options, int(env.get("PROPERTY_WAIT_DB_SECONDS", "300")))
    if mode == "--no-prepare":
        wait_until_ready(options, int(env.get("PROPERTY_WAIT_READY_SECONDS", "7200")))
    else:
        prepare(env, options, conf, data_dir, http_port)
    if mode == "--prepare-only":
        return 0
    cmd = odoo_cmd(env) + ["-c", conf, *argv]
    log("$ " + " ".join(shlex.quote(c) for c in cmd))
    sys.stdout.flush()
    os.execvp(cmd[0], cmd)
    return 1  # not reached


if __name__ == "__main__":
    sys.exit(main())
