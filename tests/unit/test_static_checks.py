"""Pure-Python tests of tools/static_checks.py (no Odoo needed)."""

import textwrap

import pytest
import static_checks as sc

MANIFEST = """\
{
    "name": "Demo",
    "version": "18.0.1.0.0",
    "license": "LGPL-3",
    "author": "Property CS Contributors",
    "depends": ["base"],
    "data": [
        "security/demo_security.xml",
        "security/ir.model.access.csv",
    ],
    "installable": True,
}
"""

SECURITY = """\
<?xml version="1.0" encoding="utf-8"?>
<odoo>
    <record id="group_user" model="res.groups">
        <field name="name">User</field>
    </record>
</odoo>
"""

ACCESS = """\
id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink
access_demo_thing,demo.thing,model_demo_thing,group_user,1,1,1,1
"""

MODEL = """\
from odoo import fields, models


class DemoThing(models.Model):
    _name = "demo.thing"
    _description = "Thing"

    name = fields.Char()


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = "res.partner"


class DemoMixin(models.AbstractModel):
    _name = "demo.mixin"
"""

POT = """\
msgid ""
msgstr ""
"Project-Id-Version: Odoo Server 18.0\\n"

#. module: demo
#: model:ir.model.fields,field_description:demo.field_demo_thing__name
msgid "Name"
msgstr ""

#. module: demo
#: code:addons/demo/models/demo.py:0
msgid ""
"A long text "
"on two lines"
msgstr ""
"""

PO_OK = """\
msgid ""
msgstr ""
"Language: zh_CN\\n"

#. module: demo
msgid "Name"
msgstr "名称"

#. module: demo
msgid ""
"A long text "
"on two lines"
msgstr "一段长文本"
"""


PYPROJECT = """\
[build-system]
requires = ["whool==1.3.1"]
build-backend = "whool.buildapi"
"""


def write(base, files):
    for rel, text in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return base


@pytest.fixture
def addon(tmp_path):
    return write(
        tmp_path / "demo",
        {
            "__init__.py": "from . import models\n",
            "__manifest__.py": MANIFEST,
            "models/__init__.py": "from . import demo\n",
            "models/demo.py": MODEL,
            "security/demo_security.xml": SECURITY,
            "security/ir.model.access.csv": ACCESS,
            "i18n/demo.pot": POT,
            "i18n/zh_CN.po": PO_OK,
            "tests/__init__.py": "from . import test_demo\n",
            "tests/test_demo.py": "",
            "pyproject.toml": PYPROJECT,
        },
    )


def messages(findings):
    return [f.message for f in findings]


# --- PO parser --------------------------------------------------------------
def test_parse_po_joins_continuation_lines(tmp_path):
    path = write(tmp_path, {"x.pot": POT}) / "x.pot"
    entries = sc.parse_po(path)
    assert [e.msgid for e in entries] == ["", "Name", "A long text on two lines"]
    assert entries[1].line == 5  # the entry starts at its first comment
    assert not entries[1].translated


def test_parse_po_flags_plural_and_obsolete(tmp_path):
    text = """\
    #, fuzzy, python-format
    msgid "%s thing"
    msgid_plural "%s things"
    msgstr[0] "%s 个"
    msgstr[1] ""

    #~ msgid "Old"
    #~ msgstr "旧"
    """
    entries = sc.parse_po(write(tmp_path, {"a.po": text}) / "a.po")
    assert entries[0].flags == {"fuzzy", "python-format"}
    assert entries[0].msgid_plural == "%s things"
    assert entries[0].msgstr == {0: "%s 个", 1: ""}
    assert not entries[0].translated
    assert entries[1].obsolete and entries[1].msgstr == {0: "旧"}


def test_parse_po_escapes(tmp_path):
    text = 'msgid "a \\"b\\"\\n"\nmsgstr "c"\n'
    (entry,) = sc.parse_po(write(tmp_path, {"a.po": text}) / "a.po")
    assert entry.msgid == 'a "b"\n'


@pytest.mark.parametrize(
    "text, line",
    [
        ('msgid "a"\nmsgstr "b\n', 2),
        ('msgid "a"\nbogus "b"\n', 2),
        ('"orphan"\n', 1),
        ('msgid "a"\n\nmsgid "b"\nmsgstr ""\n', 1),
    ],
)
def test_parse_po_syntax_errors(tmp_path, text, line):
    with pytest.raises(sc.PoError) as exc:
        sc.parse_po(write(tmp_path, {"a.po": text}) / "a.po")
    assert exc.value.line == line


# --- whole addon --------------------------------------------------------------
def test_clean_addon_has_no_finding(addon):
    assert sc.check_addon(addon) == []


def test_main_without_addons(tmp_path, capsys):
    assert sc.main([str(tmp_path / "missing")]) == 0
    assert sc.main([str(tmp_path)]) == 0


def test_manifest_findings(addon):
    (addon / "__manifest__.py").write_text(
        MANIFEST.replace("18.0.1.0.0", "17.0.1.0.0")
        .replace('"installable": True,', "")
        .replace('"data": [', '"data": [\n        "views/missing.xml",')
    )
    write(addon, {"views/extra.xml": "<odoo/>", "data/extra.csv": "id\n"})
    found = messages(sc.check_addon(addon))
    assert "version '17.0.1.0.0' does not match 18.0.x.y.z" in found
    assert "manifest key 'installable' is missing" in found
    assert "data file 'views/missing.xml' does not exist" in found
    assert found.count("data file is not listed in the manifest") == 2


def test_manifest_must_be_literal(addon):
    (addon / "__manifest__.py").write_text("{'name': 'x' + 'y'}\n")
    (finding,) = sc.check_addon(addon)[:1]
    assert "not a literal dict" in finding.message


def test_xml_not_well_formed(addon):
    (addon / "security" / "demo_security.xml").write_text("<odoo>\n<record>\n</odoo>")
    found = sc.check_addon(addon)
    assert any("XML not well-formed" in f.message and f.line == 3 for f in found)


def test_access_lines(addon):
    (addon / "security" / "ir.model.access.csv").write_text(
        ACCESS.replace("model_demo_thing", "model_demo_other").replace(
            "group_user", "group_nobody"
        )
        + "access_x,x,model_demo_other,base.group user,1,0,0,0\n"
    )
    found = messages(sc.check_addon(addon))
    assert "model 'demo.thing' has no line in security/ir.model.access.csv" in found
    assert "group 'group_nobody' is not defined in this addon's XML" in found
    assert "group 'base.group user' is not a valid xml id" in found
    # extensions (_name == _inherit) and abstract models need no access line
    assert not [m for m in found if "res.partner" in m or "demo.mixin" in m]


def test_missing_and_fuzzy_translations(addon):
    po = PO_OK.replace('msgstr "名称"', 'msgstr ""').replace(
        '#. module: demo\nmsgid ""\n', '#, fuzzy\nmsgid ""\n'
    )
    (addon / "i18n" / "zh_CN.po").write_text(po)
    found = messages(sc.check_addon(addon))
    assert "1 msgid(s) without a zh_CN translation (first 1 follow)" in found
    assert "untranslated: 'Name'" in found
    assert any(m.startswith("fuzzy entry") for m in found)


def test_missing_i18n_files(addon):
    (addon / "i18n" / "zh_CN.po").unlink()
    found = sc.check_addon(addon)
    assert [f.path.name for f in found] == ["zh_CN.po"]


def test_tests_init_must_import_every_test_module(addon):
    write(addon, {"tests/test_other.py": ""})
    found = messages(sc.check_addon(addon))
    assert found == ["does not import tests/test_other.py (Odoo would not run it)"]


def test_t_raw_and_formatted_markup_refused(addon):
    write(
        addon,
        {
            "views/bad.xml": '<odoo><template id="x"><div t-raw="html"/></template>'
            "</odoo>",
            "models/bad.py": textwrap.dedent(
                """\
                from markupsafe import Markup

                ok = Markup("<b>%s</b>") % "name"
                bad_1 = Markup("<b>%s</b>" % "name")
                bad_2 = Markup(f"<b>{ok}</b>")
                bad_3 = Markup("<b>{}</b>".format(ok))
                """
            ),
        },
    )
    found = [
        (f.path.name, f.line, f.message.split(":")[0])
        for f in sc.check_addon(addon)
        if "t-raw" in f.message or "Markup" in f.message
    ]
    assert found == [
        ("bad.xml", 1, "t-raw is forbidden"),
        ("bad.py", 4, "Markup() around a formatted string bypasses escaping"),
        ("bad.py", 5, "Markup() around a formatted string bypasses escaping"),
        ("bad.py", 6, "Markup() around a formatted string bypasses escaping"),
    ]
