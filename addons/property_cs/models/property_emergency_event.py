# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyEmergencyEvent(models.Model):
    """An emergency (fire, flooding, lift entrapment...) and who was told."""

    _name = "property.emergency.event"
    _description = "Emergency Event"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    grade_id = fields.Many2one(
        "property.emergency.grade",
        required=True,
        check_company=True,
        tracking=True,
    )
    description = fields.Text()
    notified_at = fields.Datetime(readonly=True, copy=False)

    def action_notify(self):
        """Notify the grade's list once (message and mail)."""
        for event in self.filtered(lambda e: not e.notified_at):
            partners = event.grade_id._recipients().partner_id
            event.message_post(
                body=event._pcs_in_company_lang().env._(
                    "Emergency %(grade)s: %(name)s",
                    grade=event._pcs_in_company_lang().grade_id.name,
                    name=event.name,
                ),
                partner_ids=partners.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            event.notified_at = fields.Datetime.now()
