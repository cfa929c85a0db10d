#!/usr/bin/env python3
"""Run the README's "Without Docker" set-up, as written, against a local Odoo 18.

tools/test runs it in its Odoo layer (on its throwaway PostgreSQL cluster) so
that the commands a new user copies keep working.  The README marks its code
blocks with ``<!-- setup: NAME -->`` comments:

- ``odoo-deb``, ``odoo-git``, ``odoo-flat``: where Odoo is (sets ``ODOO`` and
  ``ODOO_ADDONS``); the one that matches the local Odoo is run;
- ``pg-role``: the PostgreSQL role (not run: the test cluster has it);
- ``install``: OCA addons and the database ``property``;
- ``serve``: the server, started with ``--http-port=<free port>`` appended,
  asked for ``/web/health`` and logged into as admin/admin, then stopped.

What differs from a user's shell, and only this: ``HOME`` is a temporary
directory, ``PGPORT`` points at the test cluster, ``python3`` is the python
that imports Odoo (as an activated virtualenv would), ``PIP_CACHE_DIR`` is
tools/test's cache, and ``/opt/odoo18`` in the chosen block is replaced by the
local Odoo's directory when Odoo is elsewhere.

Usage: check_readme_setup.py --odoo-python PY --pg-port PORT --work DIR
                             [--cache DIR] [--readme README.md]
Exit status 0 when every step worked.
"""

import argparse
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MARKER_RE = re.compile(
    r"<!--\s*setup:\s*([a-z0-9-]+)[^>]*-->\s*\n```(?:bash|sh)\n(.*?)```", re.S
)
ODOO_VARIANTS = ("odoo-deb", "odoo-git", "odoo-flat")
REQUIRED = ODOO_VARIANTS + ("pg-role", "install", "serve")
README_ODOO_DIR = "/opt/odoo18"
ERROR_RE = re.compile(r" (ERROR|CRITICAL) ")


def setup_blocks(text):
    """{name: code} of the README's ``<!-- setup: name -->`` code blocks."""
    blocks = {}
    for name, code in MARKER_RE.findall(text):
        if name in blocks:
            raise ValueError(f"README: two setup blocks named {name!r}")
        blocks[name] = code
    missing = [name for name in REQUIRED if name not in blocks]
    if missing:
        raise ValueError(f"README: setup block(s) missing: {', '.join(missing)}")
    return blocks


def odoo_layout(odoo_package_dir, odoo_on_path):
    """Which README block describes this Odoo, and its root directory.

    ``odoo_package_dir`` is ``odoo.__path__[0]`` of the Odoo python."""
    package = Path(odoo_package_dir)
    root = package.parent
    if root == Path("/usr/lib/python3/dist-packages") and odoo_on_path:
        return "odoo-deb", root
    if (root / "odoo-bin").is_file():
        if (root / "addons" / "web" / "__manifest__.py").is_file():
            return "odoo-git", root
        return "odoo-flat", root
    return None, root


def adapt_variant(code, name, root):
    """The variant block, with /opt/odoo18 replaced by the local Odoo's root."""
    if name == "odoo-deb" or str(root) == README_ODOO_DIR:
        return code, None
    note = f"{README_ODOO_DIR} replaced by {root}"
    return code.replace(README_ODOO_DIR, str(root)), note


def serve_command(code, port):
    """The serve block with ``--http-port=PORT`` appended to its command."""
    lines = [line for line in code.strip().splitlines() if line.strip()]
    lines[-1] = f"{lines[-1]} --http-port={port}"
    return "\n".join(lines) + "\n"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


CHILDREN = []  # process groups to stop when tools/test stops us


def _terminate(signum, _frame):
    for proc in CHILDREN:
        stop(proc)
    sys.exit(128 + signum)


def run_step(title, script, env, log_path, background=False):
    print(f"--- {title}", flush=True)
    for line in script.strip().splitlines():
        print(f"    $ {line}", flush=True)
    log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller
    proc = subprocess.Popen(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    CHILDREN.append(proc)
    if background:
        return proc, log
    rc = proc.wait()
    log.close()
    return rc, None


def error_lines(log_path):
    text = Path(log_path).read_text(encoding="utf-8", errors="replace")
    return [line for line in text.splitlines() if ERROR_RE.search(line)]


def http_ok(port, timeout):
    """Wait for /web/health, then log in as admin/admin; return a message or None."""
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + timeout
    while True:
        try:
            with urllib.request.urlopen(base + "/web/health", timeout=5) as resp:
                if json.load(resp).get("status") == "pass":
                    break
        except OSError:
            pass
        if time.time() > deadline:
            return f"/web/health did not answer within {timeout} s"
        time.sleep(1)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/web/login", timeout=30) as resp:
        page = resp.read().decode("utf-8", "replace")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if not token:
        return "/web/login shows no login form"
    data = urllib.parse.urlencode(
        {"csrf_token": token.group(1), "login": "admin", "password": "admin"}
    ).encode()
    with opener.open(base + "/web/login", data=data, timeout=60) as resp:
        final = resp.geturl()
        body = resp.read().decode("utf-8", "replace")
    if "/web/login" in final or "Wrong login/password" in body:
        return f"admin/admin could not log in (ended on {final})"
    print(f"    /web/health passed; admin/admin logged in ({final})", flush=True)
    return None


def stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def database_exists(odoo_python, env, name):
    code = (
        "import sys, psycopg2\n"
        "c = psycopg2.connect(dbname='postgres', host='localhost', user='odoo')\n"
        "cr = c.cursor()\n"
        "cr.execute('SELECT 1 FROM pg_database WHERE datname = %s', [sys.argv[1]])\n"
        "sys.exit(0 if cr.fetchone() else 1)\n"
    )
    return subprocess.run([odoo_python, "-c", code, name], env=env).returncode == 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--odoo-python", required=True)
    parser.add_argument("--pg-port", required=True)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--readme", type=Path, default=REPO / "README.md")
    parser.add_argument("--serve-timeout", type=int, default=180)
    args = parser.parse_args(argv)
    started = time.time()
    signal.signal(signal.SIGTERM, _terminate)

    blocks = setup_blocks(args.readme.read_text(encoding="utf-8"))
    odoo_dir = subprocess.run(
        [args.odoo_python, "-c", "import odoo; print(odoo.__path__[0])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    odoo_on_path = any(
        os.access(Path(d) / "odoo", os.X_OK)
        for d in os.environ.get("PATH", "").split(os.pathsep)
        if d
    )
    variant, root = odoo_layout(odoo_dir, odoo_on_path)
    if variant is None:
        print(
            f"README set-up not checked: no README block describes the Odoo in {root}"
            " (not Odoo's deb package, no odoo-bin)"
        )
        return 0
    variant_code, note = adapt_variant(blocks[variant], variant, root)
    print(
        f"Odoo in {root}: README block {variant!r}"
        + (f" ({note})" if note else " (as written)")
    )

    work = args.work
    home = work / "home"
    shim = work / "bin"
    home.mkdir(parents=True, exist_ok=True)
    shim.mkdir(parents=True, exist_ok=True)
    (shim / "python3").unlink(missing_ok=True)
    (shim / "python3").symlink_to(args.odoo_python)
    env = dict(os.environ)
    for var in ("PGHOST", "PGUSER", "PGPASSWORD", "PGDATABASE", "ODOO_RC"):
        env.pop(var, None)
    env.update(
        HOME=str(home),
        PGPORT=str(args.pg_port),
        PATH=f"{shim}{os.pathsep}{env.get('PATH', '')}",
        PYTHONDONTWRITEBYTECODE="1",
    )
    if args.cache:
        env["PIP_CACHE_DIR"] = str(args.cache / "pip")
    env.pop("PYTHONPATH", None)  # a user's shell has tools/test's caches nowhere
    if database_exists(args.odoo_python, env, "property"):
        print("README set-up not checked: a database 'property' already exists here")
        return 1

    failures = []
    install_log = work / "install.log"
    t0 = time.time()
    rc, _ = run_step(
        f"steps 1 and 3: {variant} + install (log: {install_log})",
        variant_code + blocks["install"],
        env,
        install_log,
    )
    errors = error_lines(install_log)
    print(f"    exit code {rc}, {len(errors)} ERROR line(s), {time.time() - t0:.0f} s")
    if rc or errors:
        failures.append("install")
        tail = Path(install_log).read_text(errors="replace").splitlines()[-30:]
        print("\n".join(errors[:20] or tail))

    if not failures:
        serve_log = work / "serve.log"
        port = free_port()
        proc, log = run_step(
            f"step 4: serve (log: {serve_log})",
            variant_code + serve_command(blocks["serve"], port),
            env,
            serve_log,
            background=True,
        )
        try:
            problem = http_ok(port, args.serve_timeout)
        except OSError as exc:
            problem = f"HTTP error: {exc}"
        finally:
            stop(proc)
            log.close()
        errors = error_lines(serve_log)
        if problem or errors:
            failures.append("serve")
            print(f"    {problem or ''}")
            print("\n".join(errors[:20]))

    took = time.time() - started
    if failures:
        print(f"README set-up FAILED ({', '.join(failures)}) in {took:.0f} s")
        return 1
    print(f"README set-up: the commands work as written ({took:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
