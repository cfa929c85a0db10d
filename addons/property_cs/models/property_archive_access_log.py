# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# Why personal data is looked at: the purposes a user must choose from before
# an ID number or phone is revealed, an archive is opened or data is exported.
PII_PURPOSES = [
    ("owner_request", "Request of the person concerned"),
    ("service", "Service to the household (repair, complaint, handover)"),
    ("billing", "Billing and collection"),
    ("emergency", "Emergency or safety"),
    ("legal", "Legal obligation or request of the authorities"),
    ("audit", "Internal audit"),
    ("other", "Other (explain)"),
]


class PropertyArchiveAccessLog(models.Model):
    """Consultation register (查阅登记): append-only, for everyone."""

    _name = "property.archive.access.log"
    _description = "Archive Access Log"
    _order = "date desc, id desc"
    _log_access = True

    # Evidence: the person, archive, unit, request and users a row is about
    # cannot be deleted (``restrict`` in the database, a clear message from
    # ``_pcs_check_evidence`` in the ORM); retention anonymises the person in
    # place, so the row keeps pointing at the pseudonymised contact.
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Who", required=True, readonly=True, ondelete="restrict"
    )
    archive_id = fields.Many2one(
        "property.archive", readonly=True, index=True, ondelete="restrict"
    )
    archive_name = fields.Char(string="Archive No.", readonly=True)
    unit_id = fields.Many2one(
        "property.unit", readonly=True, index="btree_not_null", ondelete="restrict"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    action = fields.Selection(
        [
            ("view", "Viewed archive"),
            ("print", "Printed archive"),
            ("copy", "Copied document"),
            ("reveal_id", "Revealed ID number"),
            ("reveal_phone", "Revealed phone"),
            ("export", "Exported personal data"),
            ("phone_lookup", "Looked up a phone number"),
        ],
        string="What",
        required=True,
        readonly=True,
    )
    purpose = fields.Selection(PII_PURPOSES, readonly=True)
    reason = fields.Text(string="Why", readonly=True)
    request_id = fields.Many2one(
        "property.archive.access.request",
        string="Access Request",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    approver_id = fields.Many2one(
        "res.users",
        string="Approved By",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    # Phone look-ups: which number (its keyed hash) and who it matched.
    phone_hash = fields.Char(string="Phone Fingerprint", readonly=True)
    matched_partner_ids = fields.Many2many(
        "res.partner",
        "property_access_log_matched_partner_rel",
        "log_id",
        "partner_id",
        string="Matched",
        readonly=True,
        ondelete="restrict",
    )

    def init(self):
        # The phone look-up limit counts a user's recent look-ups.
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS property_archive_access_log_user_action_idx "
            "ON property_archive_access_log (user_id, action, date)"
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.pop("date", None)  # the server's clock, never the caller's
        return super().create(vals_list)

    @api.model
    def _pcs_log_partner(self, partner, action, purpose, reason):
        """One row for one look at a person's data (reveal, export)."""
        partner.ensure_one()
        archive = (
            partner.sudo().pcs_ownership_ids.archive_id
            | partner.sudo().pcs_resident_ids.archive_id
        ).sorted(lambda a: (a.state != "open", -a.id))[:1]
        return self.sudo().create(
            {
                "archive_id": archive.id,
                "archive_name": archive.name,
                "unit_id": archive.unit_id.id,
                "partner_id": partner.id,
                "user_id": self.env.uid,
                "action": action,
                "purpose": purpose,
                "reason": reason,
                "company_id": (partner.company_id or self.env.company).id,
            }
        )

    @api.model
    def _pcs_check_evidence(self, records):
        """Refuse to delete ``records`` (people, archives, units, requests,
        users) that rows of the log are about: the log is evidence."""
        fields_of = {
            "res.partner": ["partner_id", "matched_partner_ids"],
            "property.archive": ["archive_id"],
            "property.unit": ["unit_id"],
            "property.archive.access.request": ["request_id"],
            "res.users": ["user_id", "approver_id"],
        }[records._name]
        Log = self.sudo().with_context(active_test=False)
        logged = records.browse()
        for name in fields_of:
            for (record,) in Log._read_group([(name, "in", records.ids)], [name]):
                if record.id in records.ids:
                    logged |= records.browse(record.id)
        if logged:
            raise UserError(
                self.env._(
                    "%(records)s cannot be deleted: the archive access log records "
                    "who looked at them, and the log is kept as evidence. Archive "
                    "them instead (personal data is erased by the retention "
                    "clean-up).",
                    records=", ".join(logged.sudo().mapped("display_name")),
                )
            )

    def write(self, vals):
        if self:
            raise UserError(self.env._("The archive access log cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=True)
    def _unlink_never(self):
        raise UserError(self.env._("The archive access log cannot be deleted."))
