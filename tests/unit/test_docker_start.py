"""docker/odoo_start.py, the entry point of the Odoo containers: its decisions
(first install, interrupted install, upgrade) without PostgreSQL (issue 17).
The script itself was run against a real PostgreSQL and Odoo: README "Docker"."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "docker"))

import odoo_start as st  # noqa: E402


def test_mark_round_trip():
    mark = st.make_mark(st.READY, {"property_cs", "property_billing"})
    assert mark == "property-docker:ready addons=property_billing,property_cs"
    assert st.parse_mark(mark) == (st.READY, {"property_billing", "property_cs"})
    assert st.parse_mark(st.INSTALLING) == (st.INSTALLING, set())
    assert st.parse_mark(None) == (None, set())
    assert st.parse_mark("restored from last night's backup") == (None, set())


def test_decide():
    assert st.decide(False, None, False, False) == "install"
    # stopped during the first install: drop it and install again
    assert st.decide(True, st.INSTALLING, True, True) == "reinstall"
    assert st.decide(True, st.INSTALLING, False, False) == "reinstall"
    assert st.decide(True, st.make_mark(st.READY, {"a"}), True, True) == "update"
    # an Odoo database made elsewhere (restored backup): upgraded, never dropped
    assert st.decide(True, None, True, True) == "update"
    # an empty database (e.g. POSTGRES_DB=property): installed into
    assert st.decide(True, None, False, False) == "install"
    # something that is not Odoo's: left alone
    assert st.decide(True, None, False, True) == "refuse"


def test_addons_to_install():
    wanted = ["property_cs", "property_billing", "payment_wechatpay"]
    recorded = {"property_cs", "property_billing"}
    assert st.addons_to_install(wanted, recorded, recorded) == ["payment_wechatpay"]
    # uninstalled on purpose after an earlier start: stays uninstalled
    assert st.addons_to_install(wanted, recorded, {"property_cs"}) == [
        "payment_wechatpay"
    ]
    assert st.addons_to_install(wanted, set(wanted), set()) == []


def test_runtime_config_from_environment():
    base = "[options]\naddons_path = /a,/b\nproxy_mode = True\nadmin_passwd = x\n"
    env = {
        "PGHOST": "db",
        "PGPORT": "5433",
        "PGUSER": "odoo",
        "PGPASSWORD": "secret",
        "PROPERTY_DB": "property",
        "ODOO_MASTER_PASSWORD": "master",
    }
    options = st.runtime_config(base, env)["options"]
    assert options["addons_path"] == "/a,/b"
    assert options["proxy_mode"] == "True"
    assert (options["db_host"], options["db_port"]) == ("db", "5433")
    assert options["db_password"] == "secret"
    assert options["db_name"] == "property"
    assert options["dbfilter"] == "^property$"
    assert options["admin_passwd"] == "master"
    # without a master password in the environment the file's stays
    assert st.runtime_config(base, {})["options"]["admin_passwd"] == "x"
    assert st.runtime_config("", {})["options"]["db_host"] == "db"


def test_wanted_addons(tmp_path):
    for name in ("property_cs", "property_billing"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__manifest__.py").write_text("{}")
    (tmp_path / "notes").mkdir()
    assert st.wanted_addons({}, tmp_path) == ["property_billing", "property_cs"]
    env = {"PROPERTY_ADDONS": "property_cs, sms_aliyun"}
    assert st.wanted_addons(env, tmp_path) == ["property_cs", "sms_aliyun"]


def test_progress_follows_odoo_log():
    progress = st.Progress("first start")
    assert progress.text().startswith("first start: starting")
    progress.feed(
        "2026-11-29 19:33:29,214 1169 INFO property odoo.modules.loading: "
        "Loading module web (4/50) "
    )
    assert progress.text().startswith("first start: module 4/50 (web), ")


def test_database_password_falls_back_to_postgres_password():
    options = st.runtime_config("", {"POSTGRES_PASSWORD": "from-env-file"})
    assert options["options"]["db_password"] == "from-env-file"
    env = {"POSTGRES_PASSWORD": "a", "PGPASSWORD": "b"}
    assert st.runtime_config("", env)["options"]["db_password"] == "b"
