#!/usr/bin/env python3
"""Structural checks of the deployment files (docker/, .dockerignore).

No container engine is needed: the files are read as YAML, INI and text.

- ``docker/docker-compose*.yml``: Compose-spec keys (a misspelt key is a
  finding), every service has an image or a build whose context and
  Dockerfile exist, ``depends_on`` names existing services with a valid
  condition (``service_healthy`` ones have a healthcheck), named volumes are
  declared and bind mounts exist, healthchecks are well formed and reach
  their service over TCP (``127.0.0.1``: PostgreSQL's first-run
  initialisation listens on its socket only), ``${VAR}`` interpolations are
  well formed;
- the production file (``*prod*``) also: only nginx publishes ports, every
  password comes from the environment as ``${VAR:?message}``, an HTTP Odoo
  service (``--workers`` > 0, ``--max-cron-threads=0``) and a cron-only one
  (``--no-http``, cron workers > 0) after a ``--prepare-only`` one, all Odoo
  services share one filestore volume, their configuration has
  ``proxy_mode``, ``list_db = False`` and limits, and nginx sends
  ``/websocket`` to the gevent port with the upgrade headers;
- ``docker/Dockerfile``: ``FROM odoo:18``, every ``COPY`` source exists, the
  entry point exists;
- ``.dockerignore`` keeps ``.git`` and ``docker/.env`` out of the image;
- ``docker/requirements-tools.txt`` is pinned.

Usage: deploy_checks.py [REPO_DIR]; prints ``path:line: message`` findings
and exits 1 if there is any.
"""

import configparser
import re
import sys
from pathlib import Path

import yaml

TOP_KEYS = {"version", "name", "services", "networks", "volumes", "secrets"}
TOP_KEYS |= {"configs", "include"}
SERVICE_KEYS = set(
    """annotations attach blkio_config build cap_add cap_drop cgroup cgroup_parent
    command configs container_name cpu_count cpu_percent cpu_period cpu_quota
    cpu_rt_period cpu_rt_runtime cpu_shares cpus cpuset credential_spec depends_on
    deploy develop device_cgroup_rules devices dns dns_opt dns_search domainname
    entrypoint env_file environment expose extends external_links extra_hosts
    gpus group_add healthcheck hostname image init ipc isolation labels links
    logging mac_address mem_limit mem_reservation mem_swappiness memswap_limit
    network_mode networks oom_kill_disable oom_score_adj pid pids_limit platform
    ports post_start pre_stop privileged profiles pull_policy read_only restart
    runtime scale secrets security_opt shm_size stdin_open stop_grace_period
    stop_signal storage_opt sysctls tmpfs tty ulimits user userns_mode uts
    volumes volumes_from working_dir""".split()
)
BUILD_KEYS = {"context", "dockerfile", "args", "target", "cache_from", "labels"}
BUILD_KEYS |= {"network", "shm_size", "extra_hosts", "platforms", "secrets", "tags"}
HEALTHCHECK_KEYS = {"test", "interval", "timeout", "retries", "start_period"}
HEALTHCHECK_KEYS |= {"start_interval", "disable"}
CONDITIONS = {
    "service_started",
    "service_healthy",
    "service_completed_successfully",
}
CONDITION_DONE = "service_completed_successfully"
RESTART = {"no", "always", "on-failure", "unless-stopped"}
DURATION_RE = re.compile(r"^(\d+(\.\d+)?(us|ms|s|m|h))+$")
INTERPOLATION_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}")
REQUIRED_VAR_RE = re.compile(r"^\$\{[A-Za-z_][A-Za-z0-9_]*:\?[^}]+\}$")
PORT_RE = re.compile(
    r"^((\d{1,3}\.){3}\d{1,3}:)?(\$\{[^}]+\}|\d+)(-\d+)?(:\d+(-\d+)?)?(/(tcp|udp))?$"
)
PINNED_RE = re.compile(r"^[A-Za-z0-9_.\-\[\]]+==[0-9][0-9A-Za-z.]*$")
ODOO_IMAGE_PREFIX = "property-odoo"


class Findings(list):
    def add(self, path, message, needle=None):
        self.append((Path(path), line_of(path, needle), message))


def line_of(path, needle):
    if not needle:
        return 1
    try:
        for number, line in enumerate(Path(path).read_text().splitlines(), 1):
            if needle in line:
                return number
    except OSError:
        pass
    return 1


def env_default(value):
    """The value of ``${VAR:-default}`` (its default), else the text itself."""
    match = INTERPOLATION_RE.fullmatch(str(value).strip())
    if match and match.group(2) in (":-", "-"):
        return match.group(3)
    return str(value)


def option_value(args, name):
    """``--name=value`` or ``--name value`` of an argument list (or None)."""
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return env_default(args[i + 1])
        if arg.startswith(name + "="):
            return env_default(arg.split("=", 1)[1])
    return None


def as_int(value):
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def command_list(service):
    command = service.get("command") or []
    return command.split() if isinstance(command, str) else [str(c) for c in command]


def environment_of(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def healthcheck_text(check):
    test = check.get("test")
    return " ".join(test) if isinstance(test, list) else str(test or "")


# ---------------------------------------------------------------------------
# Compose files
# ---------------------------------------------------------------------------
def check_interpolations(path, text, findings):
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.replace("$$", "")
        for start in [m.start() for m in re.finditer(r"\$\{", stripped)]:
            if not INTERPOLATION_RE.match(stripped, start):
                findings.append((Path(path), number, "malformed ${...} interpolation"))


def check_service_keys(path, name, service, findings):
    for key in service:
        if key not in SERVICE_KEYS and not str(key).startswith("x-"):
            findings.add(path, f"service {name}: unknown key {key!r}", f"{key}:")
    if "image" not in service and "build" not in service:
        findings.add(path, f"service {name}: neither image nor build", f"{name}:")
    restart = service.get("restart")
    if restart is not None and not (
        str(restart) in RESTART or str(restart).startswith("on-failure:")
    ):
        findings.add(path, f"service {name}: restart {restart!r} is not valid")
    profiles = service.get("profiles", [])
    if not isinstance(profiles, list) or not all(isinstance(p, str) for p in profiles):
        findings.add(path, f"service {name}: profiles must be a list of names")


def check_build(path, name, service, findings):
    build = service.get("build")
    if build is None:
        return
    if isinstance(build, str):
        build = {"context": build}
    for key in build:
        if key not in BUILD_KEYS:
            findings.add(path, f"service {name}: unknown build key {key!r}", f"{key}:")
    context = (Path(path).parent / str(build.get("context", "."))).resolve()
    if not context.is_dir():
        findings.add(path, f"service {name}: build context {context} does not exist")
        return
    dockerfile = context / str(build.get("dockerfile", "Dockerfile"))
    if not dockerfile.is_file():
        findings.add(path, f"service {name}: Dockerfile {dockerfile} does not exist")


def check_depends_on(path, name, service, services, findings):
    depends = service.get("depends_on") or {}
    if isinstance(depends, list):
        depends = {d: {"condition": "service_started"} for d in depends}
    for target, spec in depends.items():
        if target not in services:
            msg = f"service {name}: depends on unknown service {target!r}"
            findings.add(path, msg, f"{target}:")
            continue
        condition = (spec or {}).get("condition", "service_started")
        if condition not in CONDITIONS:
            msg = f"service {name}: depends_on condition {condition!r} is not valid"
            findings.add(path, msg, condition)
        if condition == "service_healthy" and not services[target].get("healthcheck"):
            msg = (
                f"service {name} waits for {target} to be healthy, "
                f"but {target} has no healthcheck"
            )
            findings.add(path, msg)


def check_healthcheck(path, name, service, findings):
    check = service.get("healthcheck")
    if not check:
        return
    for key in check:
        if key not in HEALTHCHECK_KEYS:
            msg = f"service {name}: unknown healthcheck key {key!r}"
            findings.add(path, msg, f"{key}:")
    test = check.get("test")
    if isinstance(test, list):
        if not test or test[0] not in ("CMD", "CMD-SHELL", "NONE"):
            msg = f"service {name}: healthcheck test must start with CMD or CMD-SHELL"
            findings.add(path, msg)
    elif not isinstance(test, str):
        findings.add(path, f"service {name}: healthcheck without a test")
    for key in ("interval", "timeout", "start_period", "start_interval"):
        if key in check and not DURATION_RE.match(str(check[key])):
            msg = f"service {name}: healthcheck {key} {check[key]!r} is not a duration"
            findings.add(path, msg, f"{key}:")
    if "retries" in check and as_int(check["retries"]) is None:
        findings.add(path, f"service {name}: healthcheck retries must be a number")
    text = healthcheck_text(check)
    if "127.0.0.1" not in text:
        msg = (
            f"service {name}: the healthcheck must reach the service over TCP "
            "(127.0.0.1), not its socket"
        )
        findings.add(path, msg)
    if "pg_isready" in text and "-h" not in text.split():
        findings.add(path, f"service {name}: pg_isready without -h checks the socket")


def parse_volume(spec):
    """(source, target, kind) of a short or long volume entry."""
    if isinstance(spec, dict):
        source, target = spec.get("source"), spec.get("target")
        kind = spec.get("type", "volume")
        return source, target, kind
    parts = str(spec).split(":")
    if len(parts) == 1:
        return None, parts[0], "anonymous"
    source, target = parts[0], parts[1]
    kind = "bind" if source.startswith((".", "/", "~", "$")) else "volume"
    return source, target, kind


def check_volumes(path, name, service, declared, findings):
    for spec in service.get("volumes") or []:
        source, _target, kind = parse_volume(spec)
        if kind == "volume" and source and source not in declared:
            msg = f"service {name}: volume {source!r} is not declared under volumes:"
            findings.add(path, msg, f"{source}:")
        if kind == "bind" and source and not source.startswith("$"):
            bound = (Path(path).parent / source).resolve()
            if not bound.exists():
                msg = f"service {name}: bind mount {source} does not exist"
                findings.add(path, msg, source)


def check_ports(path, name, service, findings):
    for port in service.get("ports") or []:
        if isinstance(port, dict):
            continue
        if not PORT_RE.match(str(port)):
            findings.add(path, f"service {name}: port {port!r} is not valid", str(port))


def load_compose(path, findings):
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        findings.append((Path(path), line, f"not valid YAML: {exc}"))
        return None
    if not isinstance(data, dict) or not isinstance(data.get("services"), dict):
        findings.add(path, "no services: mapping")
        return None
    check_interpolations(path, text, findings)
    return data


def check_compose(path):
    findings = Findings()
    data = load_compose(path, findings)
    if data is None:
        return findings
    for key in data:
        if key not in TOP_KEYS and not str(key).startswith("x-"):
            findings.add(path, f"unknown top-level key {key!r}", f"{key}:")
    services = data["services"]
    declared = set((data.get("volumes") or {}).keys())
    for name, service in services.items():
        if not isinstance(service, dict):
            findings.add(path, f"service {name}: not a mapping", f"{name}:")
            continue
        check_service_keys(path, name, service, findings)
        check_build(path, name, service, findings)
        check_depends_on(path, name, service, services, findings)
        check_healthcheck(path, name, service, findings)
        check_volumes(path, name, service, declared, findings)
        check_ports(path, name, service, findings)
    if "prod" in Path(path).name:
        findings += check_production(path, data)
    return findings


# ---------------------------------------------------------------------------
# Production stack
# ---------------------------------------------------------------------------
def is_odoo(service):
    return str(service.get("image", "")).startswith(ODOO_IMAGE_PREFIX)


def is_nginx(service):
    return str(service.get("image", "")).startswith("nginx")


def check_production(path, data):
    services = data["services"]
    odoo = {n: s for n, s in services.items() if is_odoo(s)}
    findings = Findings()
    findings += check_exposure(path, services)
    web = check_odoo_roles(path, odoo, findings)
    check_filestore(path, odoo, findings)
    configs = {environment_of(s).get("ODOO_RC") for s in odoo.values()}
    for config in configs - {None}:
        local = Path(path).parent.parent / config.removeprefix("/opt/property/")
        if not local.is_file():
            findings.add(path, f"ODOO_RC {config} is not a file of the repository")
        else:
            findings += check_odoo_prod_config(local)
    if len(configs) != 1 or None in configs:
        findings.add(path, "every Odoo service must read the production ODOO_RC")
    nginx = [s for s in services.values() if is_nginx(s)]
    if not nginx:
        findings.add(path, "no nginx service in front of Odoo")
    for service in nginx:
        for spec in service.get("volumes") or []:
            source, target, kind = parse_volume(spec)
            if kind == "bind" and str(target).endswith(".conf"):
                conf = (Path(path).parent / source).resolve()
                if conf.is_file():
                    findings += check_nginx(conf, set(web))
    return findings


def check_exposure(path, services):
    """Only nginx is reachable from outside; passwords come from docker/.env."""
    findings = Findings()
    for name, service in services.items():
        if service.get("ports") and not is_nginx(service):
            msg = f"service {name}: only nginx publishes ports in production"
            findings.add(path, msg)
        for key, value in environment_of(service).items():
            if "PASSWORD" in key and not REQUIRED_VAR_RE.match(value.strip()):
                msg = (
                    f"service {name}: {key} must come from the environment as "
                    "${VAR:?message}, not be written here"
                )
                findings.add(path, msg, f"{key}:")
    return findings


def check_odoo_role(path, name, args, findings):
    """'cron' or 'web' from the service's options, with their rules."""
    workers = as_int(option_value(args, "--workers"))
    crons = as_int(option_value(args, "--max-cron-threads"))
    if "--no-http" in args:
        if not crons:
            findings.add(path, f"service {name}: a cron service needs cron workers")
        if not workers:
            msg = f"service {name}: --workers >= 1 (prefork: limits on cron workers)"
            findings.add(path, msg)
        return "cron"
    if not workers:
        findings.add(path, f"service {name}: HTTP service without --workers")
    if crons != 0:
        msg = f"service {name}: HTTP workers run no cron (--max-cron-threads=0)"
        findings.add(path, msg)
    return "web"


def check_odoo_roles(path, odoo, findings):
    """A --prepare-only service, then HTTP and cron-only services after it."""
    init = [n for n, s in odoo.items() if "--prepare-only" in command_list(s)]
    roles = {"web": [], "cron": []}
    for name, service in odoo.items():
        args = command_list(service)
        if "--prepare-only" in args:
            continue
        roles[check_odoo_role(path, name, args, findings)].append(name)
        depends = service.get("depends_on") or {}
        spec = depends.get(init[0]) if init and isinstance(depends, dict) else None
        if init and (not spec or spec.get("condition") != CONDITION_DONE):
            msg = f"service {name}: must start after {init[0]} completed successfully"
            findings.add(path, msg)
    if not init:
        findings.add(path, "no Odoo service with --prepare-only (database set-up)")
    if not roles["web"]:
        findings.add(path, "no Odoo HTTP service (--workers, without --no-http)")
    if not roles["cron"]:
        findings.add(path, "no cron-only Odoo service (--no-http, --max-cron-threads)")
    return roles["web"]


def check_filestore(path, odoo, findings):
    """Every Odoo container reads and writes the same filestore and sessions."""
    stores = set()
    for name, service in odoo.items():
        mounts = {}
        for spec in service.get("volumes") or []:
            source, target, _kind = parse_volume(spec)
            mounts[target] = source
        if not mounts.get("/var/lib/odoo"):
            msg = f"service {name}: no shared filestore volume at /var/lib/odoo"
            findings.add(path, msg)
        stores.add(mounts.get("/var/lib/odoo"))
    if len(stores - {None}) > 1:
        findings.add(path, f"Odoo services mount different filestores: {stores}")


def check_odoo_prod_config(path):
    findings = Findings()
    parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=";")
    try:
        parser.read(path, encoding="utf-8")
        options = parser["options"]
    except (configparser.Error, KeyError) as exc:
        findings.add(path, f"not an Odoo configuration: {exc}")
        return findings
    expected = {"proxy_mode": "true", "list_db": "false"}
    for key, value in expected.items():
        if options.get(key, "").strip().lower() != value:
            findings.add(path, f"{key} must be {value.title()}", key)
    for key in ("limit_memory_soft", "limit_memory_hard", "limit_time_cpu"):
        if as_int(options.get(key)) is None:
            findings.add(path, f"{key} is not set", key)
    if as_int(options.get("limit_time_real")) is None:
        findings.add(path, "limit_time_real is not set", "limit_time_real")
    if "gevent_port" not in options:
        findings.add(path, "gevent_port is not set (nginx sends /websocket there)")
    if "admin_passwd" in options:
        findings.add(path, "admin_passwd is written here: take it from the environment")
    return findings


def nginx_upstreams(text):
    return {
        name: re.findall(r"server\s+([\w.-]+):(\d+)", body)
        for name, body in re.findall(r"upstream\s+(\w+)\s*\{([^}]*)\}", text)
    }


def nginx_location(text, prefix):
    """The body of ``location <prefix> { ... }`` (no nested blocks)."""
    match = re.search(r"location\s+" + re.escape(prefix) + r"\s*\{([^}]*)\}", text)
    return match.group(1) if match else None


def check_nginx(path, web_services):
    findings = Findings()
    text = re.sub(r"#[^\n]*", "", Path(path).read_text(encoding="utf-8"))
    upstreams = nginx_upstreams(text)

    def target(body):
        match = re.search(r"proxy_pass\s+http://(\w+)", body or "")
        return upstreams.get(match.group(1), []) if match else []

    websocket = nginx_location(text, "/websocket")
    root = nginx_location(text, "/")
    if websocket is None:
        findings.add(path, "no location /websocket (Odoo's bus needs the gevent port)")
    else:
        if not any(port == "8072" for _host, port in target(websocket)):
            findings.add(
                path, "/websocket must go to the gevent port 8072", "websocket"
            )
        for header in ("Upgrade $http_upgrade", "Connection $connection_upgrade"):
            if header not in re.sub(r"\s+", " ", websocket):
                msg = f"/websocket must set {header.split()[0]}"
                findings.add(path, msg, "location /websocket")
    if root is None or not any(port == "8069" for _h, port in target(root)):
        findings.add(path, "location / must go to the HTTP port 8069", "location /")
    for hosts in upstreams.values():
        for host, _port in hosts:
            if web_services and host not in web_services and host != "127.0.0.1":
                msg = f"upstream server {host} is not an Odoo HTTP service"
                findings.add(path, msg, host)
    for header in ("X-Forwarded-Host", "X-Forwarded-For", "X-Forwarded-Proto"):
        if header not in text:
            findings.add(path, f"{header} is not set (Odoo's proxy_mode reads it)")
    return findings


# ---------------------------------------------------------------------------
# Dockerfile, .dockerignore, requirements
# ---------------------------------------------------------------------------
def dockerfile_instructions(text):
    """(line, instruction, arguments) with continuation lines joined."""
    result, buffer, start = [], "", 0
    for number, line in enumerate(text.splitlines(), 1):
        if not buffer and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if not buffer:
            start = number
        if line.lstrip().startswith("#"):
            continue
        buffer += line.strip().rstrip("\\").strip() + " "
        if not line.rstrip().endswith("\\"):
            word, _, rest = buffer.strip().partition(" ")
            result.append((start, word.upper(), rest.strip()))
            buffer = ""
    return result


def check_dockerfile(path, context):
    findings = Findings()
    instructions = dockerfile_instructions(Path(path).read_text(encoding="utf-8"))
    froms = [args for _line, word, args in instructions if word == "FROM"]
    if not froms or froms[0].split()[0] != "odoo:18":
        findings.add(path, "must build FROM odoo:18 (the official image)", "FROM")
    for line, word, args in instructions:
        if word in ("COPY", "ADD"):
            tokens = [t for t in args.split() if not t.startswith("--")]
            for source in tokens[:-1]:
                exists = (
                    any(Path(context).glob(source))
                    if any(c in source for c in "*?[")
                    else (Path(context) / source).exists()
                )
                if not exists:
                    findings.append(
                        (Path(path), line, f"{word} source {source} does not exist")
                    )
        if word == "ENTRYPOINT":
            for token in re.findall(r'"(/opt/property/[^"]+)"', args):
                local = Path(context) / token.removeprefix("/opt/property/")
                if not local.is_file():
                    findings.append((Path(path), line, f"entry point {token} missing"))
    return findings


def check_dockerignore(repo):
    findings = Findings()
    path = Path(repo) / ".dockerignore"
    if not path.is_file():
        findings.add(path, "missing: .git and docker/.env would go into the image")
        return findings
    lines = {line.strip() for line in path.read_text().splitlines()}
    for needed in (".git", "docker/.env"):
        if needed not in lines:
            findings.add(path, f"{needed} is not excluded from the build context")
    return findings


def check_pinned(path):
    findings = Findings()
    for number, line in enumerate(Path(path).read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if line and not PINNED_RE.match(line.replace(" ", "")):
            findings.append(
                (Path(path), number, f"{line!r} is not pinned (name==version)")
            )
    return findings


def check_repo(repo):
    repo = Path(repo)
    docker = repo / "docker"
    findings = Findings()
    composes = sorted(docker.glob("docker-compose*.yml"))
    if not composes:
        findings.add(docker, "no docker-compose*.yml")
    for path in composes:
        findings += check_compose(path)
    if (docker / "Dockerfile").is_file():
        findings += check_dockerfile(docker / "Dockerfile", repo)
    findings += check_dockerignore(repo)
    if (docker / "requirements-tools.txt").is_file():
        findings += check_pinned(docker / "requirements-tools.txt")
    return findings


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    repo = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent
    findings = check_repo(repo)
    base = Path.cwd().resolve()
    for path, line, message in findings:
        try:
            shown = path.resolve().relative_to(base)
        except ValueError:
            shown = path
        print(f"{shown}:{line}: {message}")
    composes = len(list((Path(repo) / "docker").glob("docker-compose*.yml")))
    summary = f"{composes} compose file(s) checked, {len(findings)} finding(s)"
    print(f"deploy_checks: {summary}", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
