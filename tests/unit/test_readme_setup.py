"""The README's set-up blocks that tools/check_readme_setup.py runs (issue 17)."""

import re
from pathlib import Path

import check_readme_setup as crs
import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def blocks():
    return crs.setup_blocks((REPO / "README.md").read_text(encoding="utf-8"))


def test_readme_has_every_setup_block(blocks):
    assert set(crs.REQUIRED) <= set(blocks)


def test_variants_set_odoo_and_its_addons(blocks):
    assert "ODOO=odoo" in blocks["odoo-deb"]
    assert "/usr/lib/python3/dist-packages/odoo/addons" in blocks["odoo-deb"]
    git = blocks["odoo-git"]
    assert "ODOO_ADDONS=/opt/odoo18/addons,/opt/odoo18/odoo/addons" in git
    assert "ODOO_ADDONS=/opt/odoo18/odoo/addons" in blocks["odoo-flat"]


def test_install_block_has_the_database_options_and_real_addons(blocks):
    install = blocks["install"]
    for option in ("--db_host=", "--db_user=", "--db_password=", "-d property"):
        assert option in install
    assert "--addons-path=$ODOO_ADDONS," in install
    assert "--no-deps --target ~/oca-addons" in install
    names = re.search(r"-i ([\w,]+)", install).group(1).split(",")
    shipped = {p.parent.name for p in (REPO / "addons").glob("*/__manifest__.py")}
    assert set(names) <= shipped
    assert {"property_cs", "property_billing", "property_renovation"} <= set(names)


def test_duplicate_or_missing_blocks_are_refused():
    block = "<!-- setup: serve -->\n```bash\nx\n```\n"
    with pytest.raises(ValueError, match="two setup blocks named 'serve'"):
        crs.setup_blocks(block + block)
    with pytest.raises(ValueError, match="missing: odoo-deb"):
        crs.setup_blocks(block)


def test_odoo_layout(tmp_path):
    flat = tmp_path / "flat"
    (flat / "odoo" / "addons" / "web").mkdir(parents=True)
    (flat / "odoo-bin").write_text("")
    assert crs.odoo_layout(flat / "odoo", False) == ("odoo-flat", flat)
    git = tmp_path / "git"
    (git / "addons" / "web").mkdir(parents=True)
    (git / "addons" / "web" / "__manifest__.py").write_text("{}")
    (git / "odoo-bin").write_text("")
    assert crs.odoo_layout(git / "odoo", False) == ("odoo-git", git)
    deb = Path("/usr/lib/python3/dist-packages")
    assert crs.odoo_layout(deb / "odoo", True) == ("odoo-deb", deb)
    assert crs.odoo_layout(tmp_path / "venv" / "odoo", False)[0] is None


def test_adapt_variant_and_serve_command(blocks):
    code, note = crs.adapt_variant(blocks["odoo-git"], "odoo-git", Path("/srv/odoo"))
    assert "/opt/odoo18" not in code and "python3 /srv/odoo/odoo-bin" in code
    assert note == "/opt/odoo18 replaced by /srv/odoo"
    assert crs.adapt_variant(blocks["odoo-flat"], "odoo-flat", Path("/opt/odoo18")) == (
        blocks["odoo-flat"],
        None,
    )
    assert crs.serve_command("$ODOO -c ~/property.conf\n", 1234) == (
        "$ODOO -c ~/property.conf --http-port=1234\n"
    )
