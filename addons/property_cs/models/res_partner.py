# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from psycopg2 import errors

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import SQL, config

from .. import pii
from .property_consent import IDENTITY_SCOPES

PERSONAL_DATA_GROUP = "property_cs.group_personal_data"
ID_TYPES = [
    ("resident_id", "Resident ID Card"),
    ("passport", "Passport"),
    ("hk_macau", "HK/Macau Travel Permit"),
    ("taiwan", "Taiwan Travel Permit"),
    ("other", "Other"),
]
RETENTION_BATCH = 200
LOOKUP_TRIES = 3

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
        "property.resident", "partner_id", string="Resident Records"
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
        but cannot probe the hidden middle digits: ``ilike`` fragments and
        negations find nothing, a search gives one number at a time, and full
        numbers are limited per user and logged (:meth:`_pcs_phone_lookup`).
        """
        if isinstance(value, list | tuple | set):
            raise self._pcs_one_number_error()
        if operator not in ("=", "ilike", "like", "=ilike") or not isinstance(
            value, str
        ):
            return [("id", "=", 0)]
        digits = pii.normalize_phone(value)
        if len(digits) == 4:
            return [("pcs_phone_masked", "=like", f"%{digits}")]
        if len(digits) < 7:
            return [("id", "=", 0)]
        fingerprint = pii.keyed_hash(self._pcs_hash_secret(), digits)
        matched = (
            self.sudo()
            .with_context(active_test=False)
            .search([("pcs_phone_hash", "=", fingerprint)])
        )
        if not self.env.su:
            self._pcs_phone_lookup(fingerprint, matched)
        return [("id", "in", matched.ids)]

    @api.model
    def _pcs_one_number_error(self):
        return UserError(
            self.env._(
                "Search one phone number at a time (the full number or its last "
                "four digits): a search with several phone numbers is refused."
            )
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """One phone number per search: a domain OR-ing several full numbers
        (the bisection of the hidden digits) is refused before any look-up."""
        numbers = {
            pii.normalize_phone(term[2])
            for term in domain or ()
            if isinstance(term, list | tuple)
            and len(term) == 3
            and isinstance(term[0], str)
            and term[0].split(".")[-1] == "pcs_phone_lookup"
            and isinstance(term[2], str)
        }
        if len({number for number in numbers if len(number) >= 7}) > 1:
            raise self._pcs_one_number_error()
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _pcs_phone_lookup(self, fingerprint, matched):
        """Admit one search by a full phone number of the current user, or
        raise ``UserError``.

        - one number per search (per HTTP request): a domain OR-ing several
          candidates is refused;
        - at most ``pcs_phone_lookup_limit`` different numbers per user within
          ``pcs_phone_lookup_window`` minutes (the same number again within
          the window is the same look-up);
        - each admitted number is written to the access log (who, when, the
          number's keyed hash, the contacts it matched) in its own committed
          transaction, so that neither the count nor the row disappears when
          the caller's transaction fails afterwards.
        """
        numbers = set()
        if request:
            numbers = getattr(request, "_pcs_phone_lookups", None)
            if numbers is None:
                numbers = request._pcs_phone_lookups = set()
            if numbers and fingerprint not in numbers:
                raise self._pcs_one_number_error()
            if fingerprint in numbers:
                return  # logged when this request first searched it
        company = self.env.company
        limit = company.pcs_phone_lookup_limit
        if limit <= 0:
            raise UserError(
                self.env._(
                    "Searching by a full phone number is turned off: search by "
                    "its last four digits or by the unit."
                )
            )
        since = fields.Datetime.now() - timedelta(
            minutes=max(company.pcs_phone_lookup_window, 0)
        )
        if self.env.cr.readonly:
            # The look-up writes its log row: Odoo runs a read-only request
            # again in a read/write transaction on this error.
            raise errors.ReadOnlySqlTransaction(
                "A phone look-up is logged: it needs a read/write transaction."
            )
        # A test case's data is uncommitted in its own transaction: it logs in
        # a savepoint of that transaction instead of a cursor of its own.
        in_test_case = (
            getattr(threading.current_thread(), "testing", False)
            and self.env.registry.test_cr is None
        )
        for attempt in range(LOOKUP_TRIES):
            try:
                if in_test_case:
                    with self.env.cr.savepoint():
                        self.sudo()._pcs_log_phone_lookup(
                            fingerprint, matched.ids, limit, since
                        )
                else:
                    with self.env.registry.cursor() as cr:
                        self.with_env(self.env(cr=cr, su=True))._pcs_log_phone_lookup(
                            fingerprint, matched.ids, limit, since
                        )
                numbers.add(fingerprint)
                return
            except (errors.SerializationFailure, errors.LockNotAvailable):
                # another look-up of this user ran at the same moment: count
                # again with its row
                if attempt == LOOKUP_TRIES - 1:
                    raise UserError(
                        self.env._(
                            "Your phone look-ups are busy: try again in a moment."
                        )
                    ) from None

    @api.model
    def _pcs_log_phone_lookup(self, fingerprint, partner_ids, limit, since):
        """In the look-up's own transaction (``self.env.cr``): serialise the
        user's look-ups, count them, write the row."""
        cr = self.env.cr
        cr.execute("SET LOCAL lock_timeout = '5s'")
        cr.execute(
            SQL(
                "UPDATE res_users SET pcs_phone_lookup_date = %s WHERE id = %s",
                fields.Datetime.now(),
                self.env.uid,
            )
        )
        cr.execute(
            SQL(
                """
                SELECT DISTINCT phone_hash FROM property_archive_access_log
                 WHERE user_id = %s AND action = 'phone_lookup' AND date > %s
                """,
                self.env.uid,
                since,
            )
        )
        recent = {row[0] for row in cr.fetchall()}
        if fingerprint not in recent:
            if len(recent) >= limit:
                raise UserError(
                    self.env._(
                        "You have looked up %(count)s phone numbers in the last "
                        "%(minutes)s minutes, the most allowed. Search by the "
                        "last four digits or the unit, or try again later.",
                        count=len(recent),
                        minutes=self.env.company.pcs_phone_lookup_window,
                    )
                )
            partners = self.browse(partner_ids)
            self.env["property.archive.access.log"].create(
                {
                    "user_id": self.env.uid,
                    "action": "phone_lookup",
                    "phone_hash": fingerprint,
                    "partner_id": partners.id if len(partners) == 1 else False,
                    "matched_partner_ids": [Command.set(partners.ids)],
                    "company_id": self.env.company.id,
                }
            )
            self.env.flush_all()
        cr.execute("SET LOCAL lock_timeout = DEFAULT")

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

    @api.ondelete(at_uninstall=False)
    def _unlink_except_access_log(self):
        """The access log is evidence: what it is about stays."""
        self.env["property.archive.access.log"]._pcs_check_evidence(self)

    # ------------------------------------------------------------------
    # Language: owners get the company's language unless they choose another
    # ------------------------------------------------------------------
    @api.model
    def _pcs_default_lang(self, company_id=None):
        """The company's working language (its partner's), if active.

        Owners typed in by an English-speaking clerk, imported, or loaded as
        demo data get it, so that their letters and their portal are in the
        company's language (DOMAIN.md) instead of the creator's.
        """
        company = self.env["res.company"].browse(company_id) or self.env.company
        lang = company.sudo().partner_id.lang
        if lang and self.env["res.lang"]._lang_get(lang):
            return lang
        return self.env.lang

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if "lang" in fields_list and "default_lang" not in self.env.context:
            res["lang"] = self._pcs_default_lang(res.get("company_id"))
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._pcs_normalize_vals(vals)
            if not vals.get("lang") and "default_lang" not in self.env.context:
                vals["lang"] = self._pcs_default_lang(vals.get("company_id"))
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

        def candidates(company):
            cutoff = today - relativedelta(years=company.pcs_pii_retention_years)
            domain = Partner._pcs_retention_domain(company, cutoff)

            def fetch(size):
                found = Partner.search(domain, order="id")
                found -= found._pcs_retention_blocked()
                return found[:size] if size else found

            return fetch

        companies = self.env["res.company"].sudo().search([])
        return self.env["ir.cron"]._pcs_run_batch(
            Partner,
            {
                company: candidates(company)
                for company in companies
                if company.pcs_pii_retention_years > 0
            },
            lambda partners, _company: partners._pcs_anonymise(),
            limit,
        )

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
