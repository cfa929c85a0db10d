"""Packaging of the addons (issue 17): pyproject.toml checks of
tools/static_checks.py and the wheel inspection of tools/check_wheels.py."""

import zipfile

import check_wheels as cw
import static_checks as sc

WHOOL = """\
[build-system]
requires = ["whool==1.3.1"]
build-backend = "whool.buildapi"
"""


def addon_with(tmp_path, name="demo", pyproject=WHOOL):
    addon = tmp_path / name
    addon.mkdir()
    if pyproject is not None:
        (addon / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return addon


def messages(findings):
    return [f.message for f in findings]


def test_every_addon_of_the_repository_has_a_whool_pyproject():
    addons = sc.find_addons(sc.Path(__file__).resolve().parents[2] / "addons")
    assert addons
    for addon in addons:
        assert sc.check_pyproject(addon) == [], addon.name
    assert sc.check_packaging_consistency(addons) == []


def test_pyproject_ok(tmp_path):
    assert sc.check_pyproject(addon_with(tmp_path)) == []


def test_pyproject_missing(tmp_path):
    (finding,) = sc.check_pyproject(addon_with(tmp_path, pyproject=None))
    assert finding.message.startswith("missing: copy addons/property_cs/pyproject.toml")


def test_pyproject_not_toml(tmp_path):
    text = '[build-system]\nrequires = ["whool==1.3.1"\n'
    (finding,) = sc.check_pyproject(addon_with(tmp_path, pyproject=text))
    assert "not valid TOML" in finding.message


def test_pyproject_wrong_backend_and_unpinned(tmp_path):
    text = (
        '[build-system]\nrequires = ["setuptools", "whool>=1"]\n'
        'build-backend = "setuptools.build_meta"\n'
    )
    found = messages(sc.check_pyproject(addon_with(tmp_path, pyproject=text)))
    assert (
        "build-backend must be 'whool.buildapi', not 'setuptools.build_meta'" in found
    )
    assert "build requirement 'setuptools' is not pinned (name==version)" in found
    assert "build requirement 'whool>=1' is not pinned (name==version)" in found


def test_pyproject_without_whool(tmp_path):
    text = (
        '[build-system]\nrequires = ["flit==3.9"]\nbuild-backend = "whool.buildapi"\n'
    )
    found = messages(sc.check_pyproject(addon_with(tmp_path, pyproject=text)))
    assert found == ["build-system.requires must list whool"]


def test_pyproject_project_name_must_be_the_oca_one(tmp_path):
    text = WHOOL + '\n[project]\nname = "property-cs"\n'
    found = messages(sc.check_pyproject(addon_with(tmp_path, pyproject=text)))
    assert found == ["project.name 'property-cs' must be 'odoo-addon-demo'"]
    (tmp_path / "ok").mkdir()
    text = WHOOL + '\n[project]\nname = "odoo-addon-demo"\n'
    assert sc.check_pyproject(addon_with(tmp_path / "ok", pyproject=text)) == []


def test_packaging_consistency(tmp_path):
    a = addon_with(tmp_path, "a")
    b = addon_with(tmp_path, "b")
    c = addon_with(tmp_path, "c", WHOOL.replace("1.3.1", "1.2"))
    (finding,) = sc.check_packaging_consistency([a, b, c])
    assert finding.path == c / "pyproject.toml"
    assert "['whool==1.2'] differ from the other addons' ['whool==1.3.1']" in (
        finding.message
    )


# --- wheels ------------------------------------------------------------------
MANIFEST = {
    "version": "18.0.1.0.0",
    "depends": ["mail", "property_cs", "report_xlsx"],
    "data": ["security/ir.model.access.csv", "views/x_views.xml"],
    "demo": ["demo/x_demo.xml"],
}


def make_wheel(
    tmp_path,
    name="odoo_addon_demo-18.0.1.0.0.3-py3-none-any.whl",
    dist="odoo-addon-demo",
    version="18.0.1.0.0.3",
    requires=(
        "odoo-addon-property_cs==18.0.*",
        "odoo-addon-report_xlsx==18.0.*",
        "odoo==18.0.*",
    ),
    files=(
        "__init__.py",
        "__manifest__.py",
        "security/ir.model.access.csv",
        "views/x_views.xml",
        "demo/x_demo.xml",
    ),
):
    path = tmp_path / name
    meta = f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n"
    meta += "".join(f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"odoo_addon_demo-{version}.dist-info/METADATA", meta)
        for rel in files:
            zf.writestr(f"odoo/addons/demo/{rel}", "")
    return path


def test_wheel_ok(tmp_path):
    summary, problems = cw.wheel_findings(
        make_wheel(tmp_path), "demo", MANIFEST, {"property_cs", "report_xlsx"}
    )
    assert problems == []
    assert summary.startswith(
        "odoo_addon_demo-18.0.1.0.0.3-py3-none-any.whl: odoo-addon-demo 18.0.1.0.0.3"
    )


def test_wheel_problems(tmp_path):
    wheel = make_wheel(
        tmp_path,
        name="property_demo-1.0-py3-none-any.whl",
        dist="property-demo",
        version="1.0",
        requires=("odoo==18.0.*",),
        files=("__init__.py", "__manifest__.py", "views/x_views.xml", "x.pyc"),
    )
    _summary, problems = cw.wheel_findings(
        wheel, "demo", MANIFEST, {"property_cs", "report_xlsx"}
    )
    assert problems == [
        "wheel file property_demo-1.0-py3-none-any.whl is not named "
        "odoo_addon_demo-18.0.*",
        "distribution name 'property-demo', expected 'odoo-addon-demo'",
        "version 1.0 does not start with the manifest's 18.0.1.0.0",
        "does not require odoo-addon-property_cs==18.0.*",
        "does not require odoo-addon-report_xlsx==18.0.*",
        "odoo/addons/demo/security/ir.model.access.csv is not in the wheel "
        "(not committed to git?)",
        "odoo/addons/demo/demo/x_demo.xml is not in the wheel (not committed to git?)",
        "unexpected files in the wheel: ['x.pyc']",
    ]


def test_oca_addons_of_requirements(tmp_path):
    req = tmp_path / "requirements.txt"
    req.write_text(
        "# c\nodoo-addon-helpdesk_mgmt==18.0.1.19.5\nodoo-addon-report_xlsx==18.0.1\n"
        "xlsxwriter\n",
        encoding="utf-8",
    )
    assert cw.oca_addons(req) == {"helpdesk_mgmt", "report_xlsx"}
