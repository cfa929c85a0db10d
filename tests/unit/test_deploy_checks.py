"""tools/deploy_checks.py: the compose files, Dockerfile, nginx and Odoo
configuration of docker/ are checked without a container engine (issue 17)."""

import shutil
from pathlib import Path

import deploy_checks as dc
import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def repo(tmp_path):
    """A copy of the repository's deployment files (and what they point at)."""
    shutil.copytree(REPO / "docker", tmp_path / "docker")
    shutil.copy(REPO / ".dockerignore", tmp_path / ".dockerignore")
    for rel in ("requirements.txt", "addons", "tools"):
        (tmp_path / rel).mkdir() if rel != "requirements.txt" else None
    (tmp_path / "requirements.txt").write_text("")
    return tmp_path


def edit(path, old, new):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def messages(findings):
    return [message for _path, _line, message in findings]


def test_repository_deploy_files_have_no_finding():
    assert messages(dc.check_repo(REPO)) == []


def test_copy_has_no_finding(repo):
    assert messages(dc.check_repo(repo)) == []


def test_compose_structure_findings(repo):
    dev = repo / "docker" / "docker-compose.yml"
    edit(dev, "    healthcheck:\n      # over TCP", "    healtcheck:\n      # over TCP")
    edit(dev, "      - odoo-data:/var/lib/odoo", "      - odoo-dat:/var/lib/odoo")
    edit(dev, "      start_period: 30m", "      start_period: half an hour")
    edit(dev, "      context: ..\n", "      context: ../nowhere\n")
    edit(dev, 'PGPORT: "5432"', 'PGPORT: "${PORT:5432}"')
    found = messages(dc.check_compose(dev))
    assert "service db: unknown key 'healtcheck'" in found
    assert "service odoo waits for db to be healthy, but db has no healthcheck" in found
    assert "service odoo: volume 'odoo-dat' is not declared under volumes:" in found
    assert (
        "service odoo: healthcheck start_period 'half an hour' is not a duration"
        in found
    )
    assert any(m.startswith("service odoo: build context") for m in found)
    assert "malformed ${...} interpolation" in found


def test_healthchecks_must_use_tcp(repo):
    dev = repo / "docker" / "docker-compose.yml"
    edit(
        dev,
        '["CMD", "pg_isready", "-h", "127.0.0.1", "-p", "5432",',
        '["CMD", "pg_isready", "-p", "5432",',
    )
    found = messages(dc.check_compose(dev))
    assert "service db: pg_isready without -h checks the socket" in found
    assert (
        "service db: the healthcheck must reach the service over TCP (127.0.0.1), "
        "not its socket" in found
    )


def test_depends_on_unknown_service(repo):
    dev = repo / "docker" / "docker-compose.yml"
    edit(dev, "    depends_on:\n      db:", "    depends_on:\n      database:")
    found = messages(dc.check_compose(dev))
    assert "service odoo: depends on unknown service 'database'" in found


def test_production_rules(repo):
    prod = repo / "docker" / "docker-compose.prod.yml"
    edit(
        prod,
        "PGPASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in docker/.env}",
        "PGPASSWORD: odoo",
    )
    edit(prod, "      - --max-cron-threads=0\n", "      - --max-cron-threads=2\n")
    edit(prod, "      - --no-http\n", "")
    edit(
        prod,
        "  odoo:\n    <<: *odoo\n",
        "  odoo:\n    <<: *odoo\n    ports: ['8069:8069']\n",
    )
    found = messages(dc.check_compose(prod))
    assert (
        "service odoo-init: PGPASSWORD must come from the environment as "
        "${VAR:?message}, not be written here" in found
    )
    assert "service odoo: HTTP workers run no cron (--max-cron-threads=0)" in found
    assert "no cron-only Odoo service (--no-http, --max-cron-threads)" in found
    assert "service odoo: only nginx publishes ports in production" in found


def test_production_odoo_config_and_nginx(repo):
    conf = repo / "docker" / "odoo.prod.conf"
    edit(conf, "proxy_mode = True", "proxy_mode = False")
    edit(conf, "list_db = False", "list_db = True")
    edit(conf, "limit_time_cpu = 600\n", "")
    nginx = repo / "docker" / "nginx.conf"
    edit(
        nginx, "        proxy_pass http://odoochat;", "        proxy_pass http://odoo;"
    )
    edit(nginx, "        proxy_set_header Upgrade $http_upgrade;\n", "")
    found = messages(dc.check_compose(repo / "docker" / "docker-compose.prod.yml"))
    assert "proxy_mode must be True" in found
    assert "list_db must be False" in found
    assert "limit_time_cpu is not set" in found
    assert "/websocket must go to the gevent port 8072" in found
    assert "/websocket must set Upgrade" in found


def test_cron_service_must_wait_for_the_init_service(repo):
    prod = repo / "docker" / "docker-compose.prod.yml"
    text = prod.read_text()
    cron = text.index("  odoo-cron:")
    head, tail = text[:cron], text[cron:]
    tail = tail.replace(
        "      odoo-init:\n        condition: service_completed_successfully\n", "", 1
    )
    prod.write_text(head + tail)
    found = messages(dc.check_compose(prod))
    assert (
        "service odoo-cron: must start after odoo-init completed successfully" in found
    )


def test_dockerfile_dockerignore_and_pins(repo):
    dockerfile = repo / "docker" / "Dockerfile"
    edit(dockerfile, "FROM odoo:18", "FROM ubuntu:noble")
    edit(dockerfile, "COPY requirements.txt", "COPY requirements-nothing.txt")
    (repo / ".dockerignore").write_text("**/__pycache__\n")
    edit(repo / "docker" / "requirements-tools.txt", "click==8.5.1", "click>=8")
    found = messages(dc.check_repo(repo))
    assert "must build FROM odoo:18 (the official image)" in found
    assert "COPY source requirements-nothing.txt does not exist" in found
    assert ".git is not excluded from the build context" in found
    assert "docker/.env is not excluded from the build context" in found
    assert "'click>=8' is not pinned (name==version)" in found


def test_helpers():
    assert dc.env_default("${ODOO_WORKERS:-5}") == "5"
    assert dc.option_value(["--workers=${W:-3}", "--no-http"], "--workers") == "3"
    assert dc.option_value(["--max-cron-threads", "2"], "--max-cron-threads") == "2"
    assert dc.parse_volume("./nginx.conf:/etc/nginx/conf.d/default.conf:ro") == (
        "./nginx.conf",
        "/etc/nginx/conf.d/default.conf",
        "bind",
    )
    assert dc.parse_volume("db-data:/var/lib/postgresql/data")[2] == "volume"
    instructions = dc.dockerfile_instructions("FROM a\n# c\nRUN x \\\n    && y\n")
    assert instructions == [(1, "FROM", "a"), (3, "RUN", "x && y")]
