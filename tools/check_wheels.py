#!/usr/bin/env python3
"""Build every addon of addons/ into a wheel, as ``pip install ./addons/<addon>``
does, and check what a company deploying with pip would get.

Each addon has a ``pyproject.toml`` with the whool build backend (as OCA 18.0
addons): the wheel is ``odoo-addon-<addon>``, its version is the manifest's
(plus ``.N`` commits since the version changed), it requires ``odoo==18.0.*``
and ``odoo-addon-<dep>`` for every non-core dependency of the manifest, and it
carries the addon under ``odoo/addons/<addon>/``.  whool takes the files that
git tracks: a data file listed in the manifest but not committed is missing
from the wheel, and this check says so.

Usage: check_wheels.py [--isolated] [ADDONS_DIR]
  --isolated  let pip fetch whool into an isolated build environment (default:
              build with the whool of this python, ``--no-build-isolation``)
Prints one line per wheel and the findings; exits 1 if there is any.
"""

import ast
import email.parser
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def manifest_of(addon_dir):
    path = Path(addon_dir) / "__manifest__.py"
    return ast.literal_eval(path.read_text(encoding="utf-8"))


def oca_addons(requirements):
    """Addon names of the ``odoo-addon-*`` lines of requirements.txt."""
    names = set()
    path = Path(requirements)
    if not path.is_file():
        return names
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.match(r"odoo-addon-([A-Za-z0-9_]+)", line)
        if match:
            names.add(match.group(1))
    return names


def wheel_findings(wheel, addon_name, manifest, packaged_deps):
    """Check one built wheel; return (summary line, list of messages).

    ``packaged_deps``: addon names that are pip packages of their own (ours
    and the OCA's): each one the manifest depends on must be required.
    """
    problems = []
    wheel = Path(wheel)
    dist = f"odoo-addon-{addon_name}"
    if not wheel.name.startswith(f"odoo_addon_{addon_name.lower()}-18.0."):
        problems.append(
            f"wheel file {wheel.name} is not named odoo_addon_{addon_name}-18.0.*"
        )
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta_names = [n for n in names if n.endswith(".dist-info/METADATA")]
        if len(meta_names) != 1:
            return f"{wheel.name}: no METADATA", ["wheel has no METADATA"]
        meta = email.parser.HeaderParser().parsestr(
            zf.read(meta_names[0]).decode("utf-8")
        )
    if meta["Name"] != dist:
        problems.append(f"distribution name {meta['Name']!r}, expected {dist!r}")
    version = meta["Version"] or ""
    if not version.startswith(manifest.get("version", "?")):
        problems.append(
            f"version {version} does not start with the manifest's "
            f"{manifest.get('version')}"
        )
    requires = meta.get_all("Requires-Dist") or []
    if "odoo==18.0.*" not in requires:
        problems.append(f"does not require odoo==18.0.* (Requires-Dist: {requires})")
    for dep in manifest.get("depends", []):
        if dep in packaged_deps and f"odoo-addon-{dep}==18.0.*" not in requires:
            problems.append(f"does not require odoo-addon-{dep}==18.0.*")
    prefix = f"odoo/addons/{addon_name}/"
    files = {n[len(prefix) :] for n in names if n.startswith(prefix)}
    listed = ["__manifest__.py", "__init__.py"]
    for key in ("data", "demo"):
        listed += [f for f in manifest.get(key, []) if isinstance(f, str)]
    for rel in listed:
        if rel not in files:
            problems.append(
                f"{prefix}{rel} is not in the wheel (not committed to git?)"
            )
    stray = sorted(n for n in files if n.endswith((".pyc", "pyproject.toml")))
    if stray:
        problems.append(f"unexpected files in the wheel: {stray[:5]}")
    summary = (
        f"{wheel.name}: {meta['Name']} {version}, {len(files)} files, "
        f"requires {', '.join(requires)}"
    )
    return summary, problems


def build(addon_dirs, out_dir, isolated=False):
    cmd = [sys.executable, "-m", "pip", "wheel", "-q", "--disable-pip-version-check"]
    cmd += ["--no-deps", "-w", str(out_dir)]
    if not isolated:
        cmd.append("--no-build-isolation")
    cmd += [str(d) for d in addon_dirs]
    return subprocess.run(cmd, check=False).returncode


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    isolated = "--isolated" in argv
    argv = [a for a in argv if a != "--isolated"]
    addons_dir = Path(argv[0]) if argv else REPO / "addons"
    addon_dirs = sorted(
        p for p in addons_dir.iterdir() if (p / "__manifest__.py").is_file()
    )
    if not addon_dirs:
        print("check_wheels: no addon")
        return 0
    packaged = {p.name for p in addon_dirs} | oca_addons(REPO / "requirements.txt")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="property-wheels-") as tmp:
        if build(addon_dirs, tmp, isolated):
            print("check_wheels: pip wheel failed (see above)")
            return 1
        wheels = {w.name: w for w in Path(tmp).glob("*.whl")}
        for addon in addon_dirs:
            manifest = manifest_of(addon)
            found = [
                w
                for name, w in wheels.items()
                if name.lower().startswith(f"odoo_addon_{addon.name.lower()}-")
            ]
            if len(found) != 1:
                print(f"addons/{addon.name}: no wheel odoo_addon_{addon.name}-*.whl")
                failures += 1
                continue
            summary, problems = wheel_findings(found[0], addon.name, manifest, packaged)
            print(summary)
            for problem in problems:
                print(f"addons/{addon.name}/pyproject.toml:1: {problem}")
            failures += len(problems)
    print(f"check_wheels: {len(addon_dirs)} wheel(s) built, {failures} finding(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
