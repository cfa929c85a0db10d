# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportPropertyLawyerLetter(models.AbstractModel):
    """The lawyer's letter (律师函): whole sentences with their values, so
    that each language puts the owner, the unit and the amounts where its
    grammar wants them (QWeb fragments around ``t-out`` cannot)."""

    _name = "report.property_billing.report_lawyer_letter"
    _description = "Lawyer's Letter"

    @api.model
    def _get_report_values(self, docids, data=None):
        lines = self.env["property.dunning.line"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "property.dunning.line",
            "docs": lines,
            "letter_texts": self._letter_texts,
        }

    @api.model
    def _letter_texts(self, line):
        """The letter's sentences in the language of ``line``'s environment."""
        env = line.env
        company = line.company_id.name
        unit = " ".join(
            part for part in (line.project_id.name, line.unit_id.code) if part
        )
        return {
            "salutation": env._(
                "To %(owner)s, owner of unit %(unit)s:",
                owner=line.partner_id.name or "",
                unit=unit,
            ),
            "mandate": env._(
                "We have been instructed by %(company)s, the property service "
                "company of your residential community, about the property fees "
                "of unit %(unit)s that remain unpaid despite repeated reminders.",
                company=company,
                unit=unit,
            ),
            "figures": env._("As of today the following amounts are unpaid:"),
            "demand": env._(
                "Please settle the amount within %(days)s days of receiving this "
                "letter. Failing that, %(company)s will take legal action to "
                "recover the fees, the late fee and the costs.",
                company=company,
                days=line.company_id.pcs_lawyer_payment_days,
            ),
            "closing": env._("We hereby give you formal notice."),
        }
