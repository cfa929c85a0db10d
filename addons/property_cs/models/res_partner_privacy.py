# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .property_consent import IDENTITY_SCOPES

RETENTION_BATCH = 200
# Personal fields emptied by the retention clean-up (the name gets a pseudonym).
ANONYMISED_FIELDS = (
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "website",
    "function",
    "comment",
    "image_1920",
    "pcs_id_number",
    "pcs_phone",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    pcs_consent_ids = fields.One2many(
        "property.consent", "partner_id", string="Consents"
    )
    pcs_has_consent = fields.Boolean(
        string="Consent Recorded", compute="_compute_pcs_has_consent"
    )
    pcs_anonymised = fields.Boolean(
        string="Anonymised", readonly=True, copy=False, index=True
    )
    pcs_anonymised_date = fields.Date(string="Anonymised On", readonly=True, copy=False)

    @api.depends("pcs_consent_ids.is_valid", "pcs_consent_ids.scope")
    def _compute_pcs_has_consent(self):
        for partner in self:
            partner.pcs_has_consent = any(
                c.is_valid and c.scope in IDENTITY_SCOPES
                for c in partner.pcs_consent_ids
            )

    @api.constrains("pcs_id_number", "pcs_consent_ids")
    def _check_pcs_consent(self):
        for partner in self.sudo():
            if partner.pcs_id_number and not partner.pcs_has_consent:
                raise ValidationError(
                    self.env._(
                        "The ID number of %s cannot be recorded without the "
                        "person's consent: record the consent (date, channel, "
                        "signed form) first.",
                        partner.name,
                    )
                )

    # ------------------------------------------------------------------
    # Reveal with a purpose
    # ------------------------------------------------------------------
    def _pcs_action_pii_wizard(self, model, name, field=None):
        self.ensure_one()
        context = {"default_partner_id": self.id}
        if field:
            context["default_field"] = field
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    def action_pcs_reveal_id(self):
        return self._pcs_action_pii_wizard(
            "property.pii.reveal.wizard", self.env._("Reveal ID Number"), "id_number"
        )

    def action_pcs_reveal_phone(self):
        return self._pcs_action_pii_wizard(
            "property.pii.reveal.wizard", self.env._("Reveal Phone"), "phone"
        )

    def action_pcs_collect(self):
        return self._pcs_action_pii_wizard(
            "property.pii.collect.wizard", self.env._("Record Personal Data")
        )

    def action_pcs_export(self):
        return self._pcs_action_pii_wizard(
            "property.personal.data.export.wizard",
            self.env._("Export Personal Data"),
        )

    # ------------------------------------------------------------------
    # Export on request
    # ------------------------------------------------------------------
    def _pcs_personal_data(self):
        """Everything the product holds about this person, as plain data.

        Other addons extend it (``property_billing`` adds the invoices)."""
        self.ensure_one()
        partner = self.sudo()

        def d(value):
            return fields.Date.to_string(value) if value else None

        return {
            "person": {
                "name": partner.name,
                "id_type": partner.pcs_id_type,
                "id_number": partner.pcs_id_number or None,
                "personal_phone": partner.pcs_phone or None,
                "phone": partner.phone or None,
                "mobile": partner.mobile or None,
                "email": partner.email or None,
                "address": partner._display_address(without_company=True) or None,
                "grade": partner.pcs_grade,
            },
            "consents": [
                {
                    "date": fields.Datetime.to_string(c.date),
                    "scope": c.scope,
                    "purpose": c.purpose,
                    "channel": c.channel,
                    "withdrawn": fields.Datetime.to_string(c.date_withdrawn)
                    if c.date_withdrawn
                    else None,
                }
                for c in partner.pcs_consent_ids
            ],
            "ownerships": [
                {
                    "unit": o.unit_id.display_name,
                    "archive": o.archive_id.name,
                    "share": o.share,
                    "from": d(o.date_start),
                    "until": d(o.date_end),
                }
                for o in partner.pcs_ownership_ids
            ],
            "residences": [
                {
                    "unit": r.unit_id.display_name,
                    "relation": r.relation,
                    "relationship": r.relationship or None,
                    "since": d(r.date_start),
                    "until": d(r.date_end),
                }
                for r in partner.pcs_resident_ids
            ],
            "vehicles": [
                {"plate": v.plate, "model": v.model or None, "color": v.color or None}
                for v in partner.pcs_vehicle_ids
            ],
            "archives": [
                {
                    "archive": a.name,
                    "unit": a.unit_id.display_name,
                    "state": a.state,
                    "opened": d(a.date_open),
                    "closed": d(a.date_close),
                    "documents": [
                        {
                            "type": doc.type_id.name,
                            "received": d(doc.date_received),
                            "pages": doc.page_count,
                        }
                        for doc in a.document_ids
                    ],
                }
                for a in (
                    partner.pcs_ownership_ids.archive_id
                    | partner.pcs_resident_ids.archive_id
                )
            ],
            "tickets": [
                {
                    "number": t.number,
                    "title": t.name,
                    "stage": t.stage_id.name,
                    "created": fields.Datetime.to_string(t.create_date),
                }
                for t in self.env["helpdesk.ticket"]
                .sudo()
                .search([("partner_id", "=", partner.id)])
            ],
        }

    # ------------------------------------------------------------------
    # Retention clean-up
    # ------------------------------------------------------------------
    @api.model
    def _pcs_retention_domain(self, company, cutoff):
        """Former owners and residents whose last tie ended before ``cutoff``."""
        ended = ["|", ("date_end", "=", False), ("date_end", ">", cutoff)]
        return [
            ("pcs_anonymised", "=", False),
            ("user_ids", "=", False),
            "|",
            ("company_id", "=", company.id),
            ("company_id", "=", False),
            "|",
            ("pcs_ownership_ids", "!=", False),
            ("pcs_resident_ids", "!=", False),
            ("pcs_ownership_ids", "not any", ended),
            ("pcs_resident_ids", "not any", ended),
            "|",
            ("pcs_ownership_ids.company_id", "=", company.id),
            ("pcs_resident_ids.company_id", "=", company.id),
        ]

    def _pcs_retention_blocked(self):
        """Partners of self that must be kept as they are (hook: open debts)."""
        return self.browse()

    @api.model
    def _cron_pcs_retention(self, limit=RETENTION_BATCH):
        """Anonymise former owners and residents past the retention period,
        one batch per call (the cron runner commits and calls again)."""
        Partner = self.sudo().with_context(active_test=False)
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].sudo().search([]):
            years = company.pcs_pii_retention_years
            if years <= 0:
                continue
            cutoff = today - relativedelta(years=years)
            domain = Partner._pcs_retention_domain(company, cutoff)
            candidates = Partner.search(domain, order="id")
            candidates -= candidates._pcs_retention_blocked()
            if not candidates:
                continue
            batch = candidates[:limit]
            batch._pcs_anonymise()
            self.env["ir.cron"]._notify_progress(
                done=len(batch), remaining=len(candidates) - len(batch)
            )
            return True
        self.env["ir.cron"]._notify_progress(done=0, remaining=0)
        return True

    def _pcs_anonymise(self):
        """Replace the person's data by a pseudonym; keep the record (and the
        accounting documents pointing at it)."""
        today = fields.Date.context_today(self)
        for partner in self.sudo():
            vals = dict.fromkeys(ANONYMISED_FIELDS, False)
            vals.update(
                name=f"ANON-{partner.id:06d}",
                pcs_anonymised=True,
                pcs_anonymised_date=today,
            )
            partner.with_context(tracking_disable=True).write(vals)
        vehicles = self.sudo().pcs_vehicle_ids
        vehicles.write({"partner_id": False})
        return True
