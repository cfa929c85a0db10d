# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

CONSENT_SCOPES = [
    ("identity", "ID number and personal phone"),
    ("contact", "Contact details"),
    ("all", "All personal data of the household file"),
]
IDENTITY_SCOPES = ("identity", "all")


class PropertyConsent(models.Model):
    """Consent to the collection of personal data (PIPL art. 13-14):
    who gave it, when, for what, through which channel, with the signed form;
    withdrawn consents are kept as evidence, never deleted."""

    _name = "property.consent"
    _description = "Personal Data Consent"
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="cascade",
    )
    date = fields.Datetime(
        string="Given On", required=True, default=fields.Datetime.now, readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    scope = fields.Selection(CONSENT_SCOPES, required=True, default="identity")
    purpose = fields.Char(
        required=True,
        default=lambda self: self.env._(
            "Property management: owner file, billing and service"
        ),
    )
    channel = fields.Selection(
        [
            ("paper", "Signed paper form"),
            ("counter", "At the service counter"),
            ("portal", "Owner portal"),
            ("phone", "Recorded phone call"),
        ],
        required=True,
        default="paper",
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="Signed Form", ondelete="restrict"
    )
    date_withdrawn = fields.Datetime(string="Withdrawn On", readonly=True)
    is_valid = fields.Boolean(
        string="Valid", compute="_compute_is_valid", store=True, index=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.depends("date_withdrawn")
    def _compute_is_valid(self):
        for consent in self:
            consent.is_valid = not consent.date_withdrawn

    def write(self, vals):
        if set(vals) - {"date_withdrawn", "is_valid", "attachment_id"}:
            if not self.env.su:
                raise UserError(
                    self.env._(
                        "A recorded consent cannot be changed; withdraw it and "
                        "record a new one."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("A consent is kept as evidence; withdraw it instead.")
        )

    def action_withdraw(self):
        """Withdrawal: the ID number collected under it is erased at once."""
        valid = self.filtered("is_valid")
        valid.write({"date_withdrawn": fields.Datetime.now()})
        for partner in valid.partner_id:
            left = partner.pcs_consent_ids.filtered(
                lambda c: c.is_valid and c.scope in IDENTITY_SCOPES
            )
            if not left:
                partner.sudo().write({"pcs_id_number": False})
        return True
