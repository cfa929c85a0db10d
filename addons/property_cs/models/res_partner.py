# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import config

from .. import pii

PERSONAL_DATA_GROUP = "property_cs.group_personal_data"
ID_TYPES = [
    ("resident_id", "Resident ID Card"),
    ("passport", "Passport"),
    ("hk_macau", "HK/Macau Travel Permit"),
    ("taiwan", "Taiwan Travel Permit"),
    ("other", "Other"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Personal data: readable and writable only by the personal-data group.
    # Everyone else works with the masked companions below. None of these
    # fields is tracked, so no value ever reaches the chatter or the mail.
    pcs_id_type = fields.Selection(ID_TYPES, string="ID Type", default="resident_id")
    pcs_id_number = fields.Char(
        string="ID Number", groups=PERSONAL_DATA_GROUP, copy=False
    )
    pcs_id_number_masked = fields.Char(
        string="ID Number (masked)",
        compute="_compute_pcs_masked",
        store=True,
        compute_sudo=True,
    )
    pcs_id_number_hash = fields.Char(
        string="ID Number Fingerprint",
        compute="_compute_pcs_masked",
        store=True,
        compute_sudo=True,
        index=True,
        groups="base.group_system",
        help="Keyed hash used to detect the same person twice without "
        "revealing the number.",
    )
    pcs_phone = fields.Char(
        string="Personal Phone", groups=PERSONAL_DATA_GROUP, copy=False
    )
    pcs_phone_hash = fields.Char(
        string="Phone Fingerprint",
        compute="_compute_pcs_masked",
        store=True,
        compute_sudo=True,
        index=True,
        groups="base.group_system",
    )
    pcs_phone_masked = fields.Char(
        string="Phone (masked)",
        compute="_compute_pcs_masked",
        store=True,
        compute_sudo=True,
    )
    pcs_phone_lookup = fields.Char(
        string="Phone Number",
        compute="_compute_pcs_phone_lookup",
        search="_search_pcs_phone_lookup",
        help="Search by the full phone number or by its last four digits.",
    )
    pcs_grade = fields.Selection(
        [("normal", "Normal"), ("vip", "VIP")],
        string="Owner Grade",
        default="normal",
    )
    pcs_ownership_ids = fields.One2many(
        "property.ownership", "partner_id", string="Ownerships"
    )
    pcs_resident_ids = fields.One2many(
        "property.resident", "partner_id", string="Residences"
    )
    pcs_vehicle_ids = fields.One2many("property.vehicle", "partner_id")
    pcs_project_ids = fields.Many2many(
        "property.project",
        "property_project_partner_rel",
        "partner_id",
        "project_id",
        string="Property Projects",
        compute="_compute_pcs_project_ids",
        store=True,
        compute_sudo=True,
    )
    pcs_unit_ids = fields.Many2many(
        "property.unit",
        "property_unit_current_owner_rel",
        "partner_id",
        "unit_id",
        string="Owned Units",
        readonly=True,
    )
    pcs_is_owner = fields.Boolean(
        string="Is Owner", compute="_compute_pcs_project_ids", store=True
    )

    @api.depends("pcs_id_number", "pcs_phone")
    def _compute_pcs_masked(self):
        secret = self._pcs_hash_secret()
        for partner in self:
            number = pii.normalize_id_number(partner.pcs_id_number)
            partner.pcs_id_number_masked = pii.mask_id_number(number)
            partner.pcs_id_number_hash = pii.keyed_hash(secret, number)
            partner.pcs_phone_masked = pii.mask_phone(partner.pcs_phone)
            partner.pcs_phone_hash = pii.keyed_hash(
                secret, pii.normalize_phone(partner.pcs_phone)
            )

    def _pcs_hash_secret(self):
        return (
            self.env["ir.config_parameter"].sudo().get_param("database.secret")
            or config.get("db_name")
            or ""
        )

    def _compute_pcs_phone_lookup(self):
        for partner in self:
            partner.pcs_phone_lookup = partner.pcs_phone_masked

    def _search_pcs_phone_lookup(self, operator, value):
        """Exact number or last four digits; never a partial guess.

        Staff outside the personal-data group may find an owner by the number
        the caller gives, or by the four digits a masked value shows anyway,
        but cannot probe the hidden middle digits with ``ilike`` filters.
        """
        if operator not in ("=", "ilike", "like", "=ilike"):
            return [("id", "=", 0)]
        digits = pii.normalize_phone(value if isinstance(value, str) else "")
        if len(digits) == 4:
            return [("pcs_phone_masked", "=like", f"%{digits}")]
        if len(digits) < 7:
            return [("id", "=", 0)]
        fingerprint = pii.keyed_hash(self._pcs_hash_secret(), digits)
        return [
            ("id", "in", self.sudo()._search([("pcs_phone_hash", "=", fingerprint)]))
        ]

    @api.depends(
        "pcs_ownership_ids.unit_id.project_id",
        "pcs_resident_ids.unit_id.project_id",
    )
    def _compute_pcs_project_ids(self):
        for partner in self:
            partner.pcs_project_ids = (
                partner.pcs_ownership_ids.unit_id.project_id
                | partner.pcs_resident_ids.unit_id.project_id
            )
            partner.pcs_is_owner = bool(partner.pcs_ownership_ids)

    @api.constrains("pcs_id_number", "pcs_id_type")
    def _check_pcs_id_number(self):
        for partner in self.sudo():
            if partner.pcs_id_type != "resident_id" or not partner.pcs_id_number:
                continue
            try:
                pii.check_resident_id(partner.pcs_id_number)
            except ValueError as exc:
                reasons = {
                    "length": self.env._("it must have 18 characters"),
                    "format": self.env._(
                        "it must be 17 digits followed by a digit or X"
                    ),
                    "checksum": self.env._("the check digit does not match"),
                    "birthdate": self.env._("the birth date or region code is invalid"),
                }
                raise ValidationError(
                    self.env._(
                        "The resident ID number of %(name)s is not valid: "
                        "%(reason)s. Check the 18 characters on the ID card.",
                        name=partner.name,
                        reason=reasons.get(exc.args[0], exc.args[0]),
                    )
                ) from exc

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._pcs_normalize_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._pcs_normalize_vals(vals)
        return super().write(vals)

    @api.model
    def _pcs_normalize_vals(self, vals):
        if vals.get("pcs_id_number"):
            vals["pcs_id_number"] = pii.normalize_id_number(vals["pcs_id_number"])

    def pcs_find_same_person(self):
        """Partners sharing this partner's ID number (by fingerprint)."""
        self.ensure_one()
        fingerprint = self.sudo().pcs_id_number_hash
        if not fingerprint:
            return self.browse()
        return (
            self.sudo().search(
                [("pcs_id_number_hash", "=", fingerprint), ("id", "!=", self.id)]
            )
        ).with_env(self.env)
