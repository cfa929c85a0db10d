# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyFindingSourceMixin(models.AbstractModel):
    """A round that finds problems (patrols, vacant-unit visits): the count of
    its findings and the buttons to record one and to list them.

    ``_pcs_finding_field`` names the field of ``property.finding`` pointing
    at the round; ``_pcs_finding_defaults`` gives the values a new finding
    takes from it.
    """

    _name = "property.finding.source.mixin"
    _description = "Round with Findings"
    _pcs_finding_field = None

    finding_count = fields.Integer(compute="_compute_finding_count")

    def _compute_finding_count(self):
        field = self._pcs_finding_field
        counts = dict(
            self.env["property.finding"]._read_group(
                [(field, "in", self.ids)], [field], ["__count"]
            )
        )
        for record in self:
            record.finding_count = counts.get(record, 0)

    def _pcs_finding_defaults(self):
        self.ensure_one()
        return {self._pcs_finding_field: self.id, "project_id": self.project_id.id}

    def _pcs_finding_context(self):
        return {
            f"default_{name}": value
            for name, value in self._pcs_finding_defaults().items()
        }

    def action_add_finding(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Finding"),
            "res_model": "property.finding",
            "view_mode": "form",
            "target": "new",
            "context": self._pcs_finding_context(),
        }

    def action_view_findings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_finding_action"
        )
        action["domain"] = [(self._pcs_finding_field, "=", self.id)]
        action["context"] = self._pcs_finding_context()
        return action
