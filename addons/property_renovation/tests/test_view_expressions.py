# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every name a view's expressions use is in the view its users get.

The web client evaluates ``invisible``, ``readonly``, ``required``,
``decoration-*``, ``context`` and ``domain`` (the node's, or the field's own
domain, e.g. the company check of ``check_company=True``) on the record's
values: a name missing from the view raises ``EvalError: Name 'company_id'
is not defined`` in the browser (director -> monthly service reports -> New
-> choose a project). Fields shown only with ``groups=`` (the company field
for multi-company users) are missing for everyone else. This test reads each
form, list and kanban view of the three property addons as each role gets it
(no multi-company group) and names every such expression.
"""

from lxml import etree

from odoo.tests import tagged
from odoo.tools.view_validation import get_expression_field_names

from .common import RenovationTestCommon

ADDONS = ("property_cs", "property_billing", "property_renovation")
VIEW_TYPES = ("form", "list", "kanban")
ROOTS = {"form", "list", "kanban", "tree"}
ATTRIBUTES = ("invisible", "readonly", "required", "context", "domain")
ALWAYS = {"id", "parent"}


def _level(root):
    """The nodes of ``root``'s view, without those of the views nested in
    its x2many fields (yielded apart with the field they belong to)."""
    own, nested = [], []
    stack = list(root)
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str):
            continue
        if node.tag in ROOTS:
            nested.append(node)
            continue
        own.append(node)
        stack.extend(node)
    return own, nested


@tagged("post_install", "-at_install")
class TestViewExpressions(RenovationTestCommon):
    def _views(self):
        data = self.env["ir.model.data"].search(
            [("module", "in", ADDONS), ("model", "=", "ir.ui.view")]
        )
        views = self.env["ir.ui.view"].browse(data.mapped("res_id"))
        roots = {}
        for view in views.filtered(lambda v: v.type in VIEW_TYPES):
            root = view
            while root.mode == "extension" and root.inherit_id:
                root = root.inherit_id
            roots[root.id] = root
        return list(roots.values())

    def _check(self, root, model, parent_names, where, problems):
        nodes, nested = _level(root)
        names = {node.get("name") for node in nodes if node.tag == "field"}
        editable = root.tag == "form" or root.get("editable")
        for node in nodes:
            exprs = [
                (attr, node.get(attr))
                for attr in node.attrib
                if attr in ATTRIBUTES or attr.startswith("decoration-")
            ]
            field = model._fields.get(node.get("name")) if node.tag == "field" else None
            if field and field.relational and not node.get("domain") and editable:
                domain = field._description_domain(model.env)
                if isinstance(domain, str):
                    exprs.append(("domain of the field", domain))
            for attr, expr in exprs:
                if node.tag == "filter" or not expr:
                    continue
                try:
                    used = get_expression_field_names(expr)
                except SyntaxError:
                    continue
                for name in used:
                    if name.startswith("parent."):
                        ok = name.split(".")[1] in parent_names
                    else:
                        ok = name in names or name in ALWAYS
                    if not ok:
                        problems.append(
                            f"{where}: <{node.tag} name={node.get('name')!r}> "
                            f"{attr}={expr!r} uses {name!r}, missing from the view"
                        )
        for sub in nested:
            holder = sub.getparent()
            while holder is not None and holder.tag != "field":
                holder = holder.getparent()
            field = (
                model._fields.get(holder.get("name")) if holder is not None else None
            )
            if field is None or not field.relational:
                continue
            self._check(
                sub,
                model.env[field.comodel_name],
                names,
                f"{where} > {holder.get('name')} ({sub.tag})",
                problems,
            )

    def test_expressions_name_fields_of_the_view(self):
        roles = {
            "front desk": self.front_desk_a,
            "director": self.director,
            "finance": self.finance_user,
            "engineering": self.engineer,
            "security": self.security_guard,
        }
        problems = []
        for view in self._views():
            for role, user in roles.items():
                model = self.env[view.model].with_user(user)
                try:
                    result = model.get_views([(view.id, view.type)])
                except Exception:  # noqa: BLE001 - the role may not read the model
                    continue
                arch = etree.fromstring(result["views"][view.type]["arch"])
                self._check(
                    arch,
                    model,
                    set(),
                    f"{view.xml_id or view.name} as {role}",
                    problems,
                )
        problems = sorted(set(problems))
        self.assertFalse(
            problems,
            "Expressions naming fields missing from the view (EvalError in the "
            "browser):\n" + "\n".join(problems),
        )
