#!/usr/bin/env python3
"""Structural checks of the Odoo addons in addons/ that linters do not cover.

Standard library only (lxml is used for XML parsing when importable).
Usage: static_checks.py [ADDONS_DIR]   (default: <repo>/addons)
Prints findings as ``path:line: message`` and exits 1 if there is any.
"""

import ast
import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

try:  # pragma: no cover - depends on the interpreter
    from lxml import etree as _lxml_etree
except ImportError:  # pragma: no cover
    _lxml_etree = None
import xml.etree.ElementTree as ET

try:  # pragma: no cover - depends on the interpreter
    import tomllib
except ImportError:  # pragma: no cover - Python 3.10
    tomllib = None

VERSION_RE = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
REQUIRED_KEYS = ("name", "version", "license", "author", "depends", "installable")
# Folders whose .xml/.csv files are Odoo data files that the manifest must list.
DATA_FOLDERS = (
    "security",
    "data",
    "views",
    "report",
    "reports",
    "wizards",
    "wizard",
    "demo",
)
XMLID_RE = re.compile(r"^(?:[a-z0-9_]+\.)?[A-Za-z0-9_]+$")
ACCESS_HEADER = ("id", "name", "model_id:id", "group_id:id")
MAX_LISTED_MISSING = 20


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    message: str

    def format(self, base=None):
        path = self.path
        if base is not None:
            try:
                path = path.resolve().relative_to(base)
            except ValueError:
                pass
        return f"{path}:{self.line}: {self.message}"


# --------------------------------------------------------------------------
# PO files
# --------------------------------------------------------------------------
@dataclass
class PoEntry:
    line: int
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict = field(default_factory=dict)  # index -> text (0 for singular)
    flags: set = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def translated(self):
        return bool(self.msgstr) and all(self.msgstr.values())


class PoError(ValueError):
    def __init__(self, line, message):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


_KEYWORD_RE = re.compile(
    r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*)$"
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}


def _unquote(text, lineno):
    text = text.strip()
    if len(text) < 2 or not text.startswith('"') or not text.endswith('"'):
        raise PoError(lineno, f"expected a quoted string, got {text!r}")
    body, out, i = text[1:-1], [], 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            if i + 1 >= len(body):
                raise PoError(lineno, "dangling backslash")
            out.append(_ESCAPES.get(body[i + 1], "\\" + body[i + 1]))
            i += 2
            continue
        if char == '"':
            raise PoError(lineno, "unescaped double quote")
        out.append(char)
        i += 1
    return "".join(out)


class _PoParser:
    """Line-by-line reader of the gettext PO format (what Odoo exports)."""

    def __init__(self):
        self.entries = []
        self.current = None
        self.last = None  # (attribute, msgstr index) that a "..." line extends
        self.flags = set()
        self.comment_line = None

    def finish(self):
        entry, self.current, self.last = self.current, None, None
        if entry is None:
            return
        if entry.msgid is None:
            raise PoError(entry.line, "entry without msgid")
        if not entry.msgstr:
            raise PoError(entry.line, "entry without msgstr")
        self.entries.append(entry)

    def comment(self, line, lineno):
        if self.current is not None and self.current.msgstr:
            self.finish()
        if line.startswith("#,"):
            self.flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
        self.comment_line = self.comment_line or lineno
        self.last = None

    def continuation(self, line, lineno):
        if self.last is None:
            raise PoError(lineno, "string continuation without keyword")
        attr, index = self.last
        value = _unquote(line, lineno)
        if attr == "msgstr":
            self.current.msgstr[index] += value
        else:
            setattr(self.current, attr, getattr(self.current, attr) + value)

    def keyword(self, line, lineno, obsolete):
        match = _KEYWORD_RE.match(line)
        if not match:
            raise PoError(lineno, f"cannot parse {line!r}")
        keyword, index, rest = match.groups()
        value = _unquote(rest, lineno)
        current = self.current
        if keyword in ("msgctxt", "msgid") and current is not None and current.msgstr:
            self.finish()
            current = None
        if current is None:
            line_no = self.comment_line or lineno
            current = PoEntry(line=line_no, msgid=None, flags=self.flags)
            current.obsolete = obsolete
            self.current, self.flags, self.comment_line = current, set(), None
        if keyword.startswith("msgstr"):
            if current.msgid is None:
                raise PoError(lineno, "msgstr before msgid")
            idx = int(index) if index is not None else 0
            current.msgstr[idx] = value
            self.last = ("msgstr", idx)
        else:
            if keyword == "msgid" and current.msgid is not None:
                raise PoError(lineno, "duplicate msgid in one entry")
            setattr(current, keyword, value)
            self.last = (keyword, None)

    def feed(self, raw, lineno):
        line = raw.strip()
        if not line:
            self.finish()
        elif line.startswith("#~"):
            if line[2:].strip():
                self.keyword_or_continuation(line[2:].strip(), lineno, True)
        elif line.startswith("#"):
            self.comment(line, lineno)
        else:
            self.keyword_or_continuation(line, lineno, False)

    def keyword_or_continuation(self, line, lineno, obsolete):
        if line.startswith('"'):
            self.continuation(line, lineno)
        else:
            self.keyword(line, lineno, obsolete)


def parse_po(path):
    """Parse a .po/.pot file into a list of PoEntry (header entry included).

    Raises PoError on syntax errors.
    """
    parser = _PoParser()
    text = Path(path).read_text(encoding="utf-8")
    for lineno, raw in enumerate(text.splitlines(), 1):
        parser.feed(raw, lineno)
    parser.finish()
    return parser.entries


def _po_translations(entries):
    return [e for e in entries if not e.obsolete and e.msgid != ""]


def check_i18n(addon, has_translatable):
    findings = []
    name = addon.name
    i18n = addon / "i18n"
    pot_path = i18n / f"{name}.pot"
    po_path = i18n / "zh_CN.po"
    if not has_translatable and not i18n.is_dir():
        return findings
    for path in (pot_path, po_path):
        if not path.is_file():
            findings.append(Finding(path, 1, "missing (export it with --i18n-export)"))
    parsed = {}
    for path in sorted(i18n.glob("*.po*")) if i18n.is_dir() else []:
        try:
            parsed[path] = parse_po(path)
        except (PoError, UnicodeDecodeError) as exc:
            line = getattr(exc, "line", 1)
            findings.append(Finding(path, line, f"PO syntax error: {exc}"))
            continue
        for entry in _po_translations(parsed[path]):
            if "fuzzy" in entry.flags:
                findings.append(
                    Finding(path, entry.line, f"fuzzy entry {entry.msgid[:60]!r}")
                )
    if pot_path in parsed and po_path in parsed:
        translations = {e.key: e for e in _po_translations(parsed[po_path])}
        missing = []  # (path, line, msgid)
        for entry in _po_translations(parsed[pot_path]):
            tr = translations.get(entry.key)
            if tr is None:
                missing.append((pot_path, entry.line, entry.msgid))
            elif not tr.translated:
                missing.append((po_path, tr.line, entry.msgid))
        pot_keys = {e.key for e in _po_translations(parsed[pot_path])}
        for entry in translations.values():
            if not entry.translated and entry.key not in pot_keys:
                missing.append((po_path, entry.line, entry.msgid))
        if missing:
            shown = missing[:MAX_LISTED_MISSING]
            msg = (
                f"{len(missing)} msgid(s) without a zh_CN translation"
                f" (first {len(shown)} follow)"
            )
            findings.append(Finding(po_path, 1, msg))
            for path, line, msgid in shown:
                findings.append(Finding(path, line, f"untranslated: {msgid[:80]!r}"))
    return findings


# --------------------------------------------------------------------------
# Glossary (doc/glossary.csv): the staff's words in every zh_CN.po
# --------------------------------------------------------------------------
GLOSSARY_COLUMNS = ("english", "chinese", "forbidden", "match", "addons", "where")
# match: "" (the term appears in the msgid), "exact" (the msgid is the term),
# "keep" (English words a translation may keep, e.g. a file's column titles).
# Tags, placeholders and template expressions are not words of the text.
_NOT_TEXT_RE = re.compile(
    r"<[^>]*>|%\([^)]*\)[a-z]|%[sd]|\{\{.*?\}\}|\$\{[^}]*\}|\{[^}]*\}"
    # identifiers and expressions: object.unit_id.code, pub_key.pem, code_url
    r"|[A-Za-z0-9]*[_.][A-Za-z0-9_.]+"
    # e-mail addresses and codes such as PF-WAT
    r"|\S+@\S+|\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b"
)
# English words a Chinese translation may keep: file formats, identifiers of
# the providers' consoles, units. Compared case-sensitively.
ENGLISH_KEPT = frozenset(
    """
    API APIv3 App AppID APPID AccessKey Alibaba Alipay BizId CNY CODE CSV Cloud
    Dysmsapi Excel GBK H5 HK HTTP HTTPS IAP ICBC ID IDs ISO JSON Native Odoo PDF
    PEM PID QcloudSMSFullAccess AliyunDysmsFullAccess QR RAM RSA2 SMS SdkAppId
    SecretId SecretKey SendSms SendBatchSms QuerySendDetails SerialNo strftime
    UTF URL VIP WeChat XLSX Python Font Awesome fa tasks Mixin RSA Secret
    II III IV ap beijing guangzhou nanjing
    """.split()
)
_ENGLISH_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9']+")


@dataclass(frozen=True)
class GlossaryTerm:
    english: str
    chinese: tuple  # accepted renderings, one must appear
    forbidden: tuple  # renderings that must not appear
    match: str  # "", "exact" or "keep" (see GLOSSARY_COLUMNS)
    addons: tuple  # empty: every addon
    line: int

    @property
    def pattern(self):
        words = [re.escape(w) for w in re.split(r"[\s-]+", self.english.strip())]
        body = r"[\s-]+".join(words)
        return re.compile(rf"(?<![A-Za-z]){body}(?:s|es)?(?![A-Za-z])", re.IGNORECASE)


def load_glossary(path):
    """Read doc/glossary.csv into GlossaryTerm records (``[]`` if absent)."""
    path = Path(path)
    if not path.is_file():
        return []
    terms = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in GLOSSARY_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        for lineno, row in enumerate(reader, 2):
            if not (row["english"] or "").strip():
                continue

            def split(value):
                return tuple(v.strip() for v in (value or "").split("|") if v.strip())

            terms.append(
                GlossaryTerm(
                    english=row["english"].strip(),
                    chinese=split(row["chinese"]),
                    forbidden=split(row["forbidden"]),
                    match=(row["match"] or "").strip(),
                    addons=split(row["addons"]),
                    line=lineno,
                )
            )
    return terms


def _plain(msgid):
    return _NOT_TEXT_RE.sub(" ", msgid)


def glossary_terms_of(msgid, terms):
    """The glossary terms a msgid uses, longest first, none inside another."""
    text = _plain(msgid)
    key = re.sub(r"[\s:.。：]+$", "", text.strip()).lower()
    found = []
    for term in terms:
        if term.match == "keep":
            continue
        if term.match == "exact":
            english = term.english.lower()
            if key in (english, english + "s", english + "es"):
                found.append((0, len(text), term))
            continue
        for match in term.pattern.finditer(text):
            found.append((match.start(), match.end(), term))
    found.sort(key=lambda item: (-(item[1] - item[0]), item[0]))
    taken, result = [], []
    for start, end, term in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        if term not in result:
            result.append(term)
    return result


def check_translation_words(msgid, msgstr, terms, addon_name):
    """Problems of one translation: glossary words and English left over."""
    problems = []
    used = [
        term
        for term in glossary_terms_of(msgid, terms)
        if not term.addons or addon_name in term.addons
    ]
    for term in used:
        if term.chinese and not any(zh in msgstr for zh in term.chinese):
            problems.append(
                f"{term.english!r} must be translated "
                f"{' or '.join(term.chinese)} (doc/glossary.csv:{term.line})"
            )
        # A forbidden word inside another term's rendering is that term's
        # (单位 of 施工单位 is not a mistranslated "unit").
        rest = msgstr
        for other in used:
            if other is not term:
                for zh in sorted(other.chinese, key=len, reverse=True):
                    rest = rest.replace(zh, " ")
        for word in term.forbidden:
            # (a Chinese example the source itself quotes, e.g. 1栋1单元, is kept)
            if word in rest and word not in msgid:
                problems.append(
                    f"{term.english!r} must not be translated {word!r} "
                    f"(doc/glossary.csv:{term.line})"
                )
    kept = set(ENGLISH_KEPT)
    for term in terms:
        if term.match == "keep" and (not term.addons or addon_name in term.addons):
            kept.update(term.english.split())
    source_words = set(_ENGLISH_WORD_RE.findall(_plain(msgid)))
    left = sorted(
        word
        for word in set(_ENGLISH_WORD_RE.findall(_plain(msgstr)))
        if word in source_words
        and word not in kept
        and len(word) > 2
        and not any(c.isdigit() for c in word)
    )
    if left and _plain(msgstr).strip() != _plain(msgid).strip():
        problems.append(f"English left in the translation: {', '.join(left)}")
    return problems


def check_glossary(addon, terms):
    """Every zh_CN.po of the addon (i18n/ and i18n_extra/) against the glossary."""
    findings = []
    for po_path in sorted(addon.glob("i18n*/zh_CN.po")):
        try:
            entries = parse_po(po_path)
        except (PoError, UnicodeDecodeError):
            continue  # reported by check_i18n
        for entry in _po_translations(entries):
            if not entry.translated or entry.msgid_plural:
                continue
            for problem in check_translation_words(
                entry.msgid, entry.msgstr[0], terms, addon.name
            ):
                findings.append(
                    Finding(po_path, entry.line, f"{entry.msgid[:50]!r}: {problem}")
                )
    return findings


# --------------------------------------------------------------------------
# Manifest
# --------------------------------------------------------------------------
def read_manifest(addon):
    """Return (manifest dict or None, findings)."""
    path = addon / "__manifest__.py"
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    except SyntaxError as exc:
        return None, [Finding(path, exc.lineno or 1, f"syntax error: {exc.msg}")]
    body = [
        n
        for n in tree.body
        if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
    ]
    # A leading string literal would be a docstring; the manifest is the dict.
    dicts = [
        n
        for n in tree.body
        if isinstance(n, ast.Expr) and isinstance(n.value, ast.Dict)
    ]
    if len(dicts) != 1 or len(body) != 1:
        return None, [Finding(path, 1, "manifest must be a single literal dict")]
    try:
        manifest = ast.literal_eval(dicts[0].value)
    except ValueError as exc:
        return None, [
            Finding(path, dicts[0].lineno, f"manifest is not a literal dict: {exc}")
        ]
    return manifest, []


def _key_line(addon, key, value=None):
    """Line of ``value`` (a quoted string) or else of ``key:`` in the manifest."""
    path = addon / "__manifest__.py"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        if value is not None:
            for lineno, line in enumerate(lines, 1):
                if f'"{value}"' in line or f"'{value}'" in line:
                    return lineno
        for lineno, line in enumerate(lines, 1):
            if re.match(rf"\s*[\"']{re.escape(key)}[\"']\s*:", line):
                return lineno
    except OSError:
        pass
    return 1


def _asset_paths(assets):
    for bundle, items in (assets or {}).items():
        for item in items:
            if isinstance(item, str):
                yield bundle, item
            elif isinstance(item, list | tuple) and item:
                if item[0] == "include":
                    continue
                yield bundle, item[-1]


def _check_listed_files(addon, manifest):
    manifest_path = addon / "__manifest__.py"
    findings = []
    for key in ("data", "demo"):
        entries = manifest.get(key, [])
        if not isinstance(entries, list):
            line = _key_line(addon, key)
            findings.append(Finding(manifest_path, line, f"{key!r} must be a list"))
            continue
        for rel in entries:
            if not (addon / rel).is_file():
                line = _key_line(addon, key, rel)
                msg = f"{key} file {rel!r} does not exist"
                findings.append(Finding(manifest_path, line, msg))
    assets = manifest.get("assets", {})
    if not isinstance(assets, dict):
        line = _key_line(addon, "assets")
        return findings + [Finding(manifest_path, line, "'assets' must be a dict")]
    for bundle, rel in _asset_paths(assets):
        if not isinstance(rel, str) or rel.startswith(("http://", "https://", "/")):
            continue
        module, _, inner = rel.partition("/")
        if module != addon.name or not inner:
            continue  # another addon's file
        if not any(addon.glob(inner)):
            line = _key_line(addon, "assets", rel)
            msg = f"asset {rel!r} ({bundle}) matches no file"
            findings.append(Finding(manifest_path, line, msg))
    return findings


def _check_unlisted_files(addon, manifest):
    listed = set()
    for key in ("data", "demo"):
        if isinstance(manifest.get(key), list):
            listed.update(str(Path(p)) for p in manifest[key])
    findings = []
    for folder in DATA_FOLDERS:
        base = addon / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix in (".xml", ".csv") and path.is_file():
                if str(path.relative_to(addon)) not in listed:
                    msg = "data file is not listed in the manifest"
                    findings.append(Finding(path, 1, msg))
    return findings


def check_manifest(addon):
    """Return (manifest dict or None, findings)."""
    manifest_path = addon / "__manifest__.py"
    manifest, findings = read_manifest(addon)
    if manifest is None:
        return None, findings
    if not isinstance(manifest, dict):
        return None, [Finding(manifest_path, 1, "manifest must be a literal dict")]
    for key in REQUIRED_KEYS:
        if key not in manifest:
            msg = f"manifest key {key!r} is missing"
            findings.append(Finding(manifest_path, 1, msg))
    version = manifest.get("version")
    if "version" in manifest and not (
        isinstance(version, str) and VERSION_RE.match(version)
    ):
        line = _key_line(addon, "version")
        msg = f"version {version!r} does not match 18.0.x.y.z"
        findings.append(Finding(manifest_path, line, msg))
    findings += _check_listed_files(addon, manifest)
    findings += _check_unlisted_files(addon, manifest)
    return manifest, findings


# --------------------------------------------------------------------------
# XML, models and access rights
# --------------------------------------------------------------------------
def parse_xml(path):
    """Return (root element or None, Finding or None)."""
    data = path.read_bytes()
    try:
        if _lxml_etree is not None:
            return _lxml_etree.fromstring(data), None
        return ET.fromstring(data), None
    except Exception as exc:  # both parsers' syntax errors
        line = 1
        if hasattr(exc, "lineno"):
            line = exc.lineno or 1
        elif getattr(exc, "position", None):
            line = exc.position[0]
        return None, Finding(path, line, f"XML not well-formed: {exc}")


def _python_files(addon):
    return sorted(p for p in addon.rglob("*.py") if "__pycache__" not in p.parts)


def _base_name(node):
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _class_str_attr(cls, attr):
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == attr for t in stmt.targets
        ):
            value = stmt.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
            if isinstance(value, ast.List | ast.Tuple):
                return [e.value for e in value.elts if isinstance(e, ast.Constant)]
    return None


def declared_models(tree):
    """Yield (model name, lineno) for new concrete models declared in a module AST."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        bases = {_base_name(b) for b in node.bases}
        if not bases & {"Model", "TransientModel"}:
            continue
        name = _class_str_attr(node, "_name")
        if not isinstance(name, str):
            continue
        inherit = _class_str_attr(node, "_inherit")
        inherits = [inherit] if isinstance(inherit, str) else inherit or []
        if name in inherits:
            continue  # extension of an existing model
        yield name, node.lineno


def _xml_ids(addon, roots, model):
    ids = set()
    for root in roots:
        for rec in root.iter("record"):
            if rec.get("model") == model and rec.get("id"):
                ids.add(rec.get("id"))
    return ids


def check_access(addon, models, xml_roots):
    findings = []
    csv_path = addon / "security" / "ir.model.access.csv"
    covered = set()
    if csv_path.is_file():
        group_ids = _xml_ids(addon, xml_roots, "res.groups")
        with csv_path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None or tuple(h.strip() for h in header[:4]) != ACCESS_HEADER:
                findings.append(
                    Finding(
                        csv_path, 1, f"header must start with {','.join(ACCESS_HEADER)}"
                    )
                )
                return findings
            cols = {h.strip(): i for i, h in enumerate(header)}
            seen = set()
            for row in reader:
                lineno = reader.line_num
                if not any(c.strip() for c in row):
                    continue
                if len(row) != len(header):
                    findings.append(
                        Finding(
                            csv_path,
                            lineno,
                            f"{len(row)} columns, header has {len(header)}",
                        )
                    )
                    continue
                xmlid = row[cols["id"]].strip()
                if xmlid in seen:
                    findings.append(
                        Finding(csv_path, lineno, f"duplicate id {xmlid!r}")
                    )
                seen.add(xmlid)
                model_ref = row[cols["model_id:id"]].strip()
                covered.add(model_ref.rpartition(".")[2])
                group = row[cols["group_id:id"]].strip()
                if not group:
                    continue
                if not XMLID_RE.match(group):
                    findings.append(
                        Finding(
                            csv_path, lineno, f"group {group!r} is not a valid xml id"
                        )
                    )
                    continue
                module, _, local = group.rpartition(".")
                if module in ("", addon.name) and local not in group_ids:
                    findings.append(
                        Finding(
                            csv_path,
                            lineno,
                            f"group {group!r} is not defined in this addon's XML",
                        )
                    )
    for model, path, lineno in models:
        if "model_" + model.replace(".", "_") not in covered:
            findings.append(
                Finding(
                    path,
                    lineno,
                    f"model {model!r} has no line in security/ir.model.access.csv",
                )
            )
    return findings


def check_tests_init(addon):
    tests = addon / "tests"
    modules = sorted(p.stem for p in tests.glob("test_*.py")) if tests.is_dir() else []
    if not modules:
        return []
    init = tests / "__init__.py"
    if not init.is_file():
        return [Finding(tests, 1, "tests/__init__.py is missing: no test would run")]
    try:
        tree = ast.parse(init.read_text(encoding="utf-8"), str(init))
    except SyntaxError as exc:
        return [Finding(init, exc.lineno or 1, f"syntax error: {exc.msg}")]
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                imported.add(node.module.split(".")[0])
            else:
                imported.update(alias.name for alias in node.names)
    return [
        Finding(init, 1, f"does not import tests/{name}.py (Odoo would not run it)")
        for name in modules
        if name not in imported
    ]


# --------------------------------------------------------------------------
# Unsafe HTML (issue 7): no t-raw, no Markup() around a formatted string
# --------------------------------------------------------------------------
T_RAW_RE = re.compile(r"\bt-raw\s*=")


def _is_formatted(node):
    """A string built by %, +, an f-string or str.format()."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    )


def check_unsafe_markup(addon, python_trees):
    """``t-raw`` in templates and ``Markup(<formatted string>)`` in Python
    bypass escaping: use ``t-out`` and ``Markup("...%s") % value``."""
    findings = []
    for path in sorted(addon.rglob("*.xml")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in T_RAW_RE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            findings.append(Finding(path, line, "t-raw is forbidden: use t-out"))
    for path, tree in python_trees:
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _base_name(node.func) == "Markup"
                and node.args
                and _is_formatted(node.args[0])
            ):
                findings.append(
                    Finding(
                        path,
                        node.lineno,
                        "Markup() around a formatted string bypasses escaping: "
                        'use Markup("...%s") % value',
                    )
                )
    return findings


# --------------------------------------------------------------------------
# Packaging (issue 17): every addon is a pip-installable package, as OCA 18.0
# --------------------------------------------------------------------------
WHOOL_BACKEND = "whool.buildapi"
PINNED_RE = re.compile(r"^[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*$")
PYPROJECT_HINT = (
    "copy addons/property_cs/pyproject.toml (the whool build backend, pinned)"
)


def addon_distribution_name(addon_name):
    """The wheel's distribution name, as the OCA publishes 18.0 addons."""
    return f"odoo-addon-{addon_name}"


def check_pyproject(addon):
    """``<addon>/pyproject.toml`` builds the addon with whool (pinned), like the
    OCA's 18.0 addons: ``pip install ./addons/<addon>`` makes the wheel
    ``odoo-addon-<addon>`` with its dependencies taken from the manifest."""
    path = Path(addon) / "pyproject.toml"
    if not path.is_file():
        return [Finding(path, 1, f"missing: {PYPROJECT_HINT}")]
    if tomllib is None:  # pragma: no cover - Python 3.10
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
        return [Finding(path, line, f"not valid TOML: {exc}")]
    findings = []
    build = data.get("build-system")
    if not isinstance(build, dict):
        return [Finding(path, 1, f"no [build-system] table: {PYPROJECT_HINT}")]
    if build.get("build-backend") != WHOOL_BACKEND:
        msg = (
            f"build-backend must be {WHOOL_BACKEND!r}, "
            f"not {build.get('build-backend')!r}"
        )
        findings.append(Finding(path, 1, msg))
    requires = build.get("requires")
    if not isinstance(requires, list) or not requires:
        findings.append(Finding(path, 1, "build-system.requires must list whool"))
        requires = []
    names = [re.split(r"[<>=!~\[; ]", str(r), maxsplit=1)[0].lower() for r in requires]
    if requires and "whool" not in names:
        findings.append(Finding(path, 1, "build-system.requires must list whool"))
    for req in requires:
        if not PINNED_RE.match(str(req).replace(" ", "")):
            msg = f"build requirement {req!r} is not pinned (name==version)"
            findings.append(Finding(path, 1, msg))
    project = data.get("project")
    if isinstance(project, dict) and "name" in project:
        expected = addon_distribution_name(Path(addon).name)
        if _normalize_dist(project["name"]) != _normalize_dist(expected):
            msg = f"project.name {project['name']!r} must be {expected!r}"
            findings.append(Finding(path, 1, msg))
    return findings


def _normalize_dist(name):
    return re.sub(r"[-_.]+", "-", str(name)).lower()


def build_requirements(addon):
    """The pinned build requirements of an addon's pyproject.toml (or None)."""
    path = Path(addon) / "pyproject.toml"
    if tomllib is None or not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    requires = data.get("build-system", {}).get("requires")
    return (
        tuple(sorted(str(r) for r in requires)) if isinstance(requires, list) else None
    )


def check_packaging_consistency(addons):
    """All addons build with the same pinned whool (one bump for all)."""
    seen = {}
    for addon in addons:
        reqs = build_requirements(addon)
        if reqs is not None:
            seen.setdefault(reqs, []).append(Path(addon))
    if len(seen) <= 1:
        return []
    common = max(seen, key=lambda reqs: len(seen[reqs]))
    return [
        Finding(
            addon / "pyproject.toml",
            1,
            f"build requirements {list(reqs)} differ from the other addons' "
            f"{list(common)}",
        )
        for reqs, paths in seen.items()
        if reqs != common
        for addon in paths
    ]


def check_addon(addon, glossary=()):
    addon = Path(addon)
    findings = []
    manifest, manifest_findings = check_manifest(addon)
    findings += manifest_findings
    xml_roots = []
    for path in sorted(addon.rglob("*.xml")):
        root, finding = parse_xml(path)
        if finding:
            findings.append(finding)
        else:
            xml_roots.append(root)
    models = []
    code_files = 0
    python_trees = []
    for path in _python_files(addon):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        except SyntaxError as exc:
            findings.append(Finding(path, exc.lineno or 1, f"syntax error: {exc.msg}"))
            continue
        python_trees.append((path, tree))
        rel = path.relative_to(addon)
        if rel.parts[0] not in ("tests", "migrations") and rel.name not in (
            "__init__.py",
            "__manifest__.py",
        ):
            code_files += 1
        if rel.parts[0] in ("tests", "migrations"):
            continue
        models += [(name, path, lineno) for name, lineno in declared_models(tree)]
    findings += check_access(addon, models, xml_roots)
    findings += check_unsafe_markup(addon, python_trees)
    data_files = (manifest or {}).get("data") or []
    has_translatable = bool(code_files or data_files)
    findings += check_i18n(addon, has_translatable)
    findings += check_glossary(addon, glossary)
    findings += check_tests_init(addon)
    findings += check_pyproject(addon)
    return findings


def find_addons(addons_dir):
    addons_dir = Path(addons_dir)
    if not addons_dir.is_dir():
        return []
    return sorted(p for p in addons_dir.iterdir() if (p / "__manifest__.py").is_file())


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    repo = Path(__file__).resolve().parent.parent
    addons_dir = Path(argv[0]) if argv else repo / "addons"
    addons = find_addons(addons_dir)
    glossary = load_glossary(addons_dir.resolve().parent / "doc" / "glossary.csv")
    findings = []
    for addon in addons:
        findings += check_addon(addon, glossary)
    findings += check_packaging_consistency(addons)
    base = Path.cwd().resolve()
    for finding in findings:
        print(finding.format(base))
    print(
        f"static_checks: {len(addons)} addon(s) checked, {len(findings)} finding(s)",
        file=sys.stderr,
    )
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
