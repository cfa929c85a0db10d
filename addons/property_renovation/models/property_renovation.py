# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_cs import pii

PERSONAL_DATA_GROUP = "property_cs.group_personal_data"
STATES = [
    ("draft", "Draft"),
    ("review", "Under Review"),
    ("returned", "Returned"),
    ("approved", "Approved"),
    ("works", "Works in Progress"),
    ("inspection", "Completion Inspection"),
    ("settled", "Settled"),
    ("done", "Deposit Refunded"),
    ("cancelled", "Cancelled"),
]
PAID_STATES = ("paid", "in_payment")
PATROL_KINDS = ("engineering", "security")


class PropertyRenovation(models.Model):
    """Renovation application (装修申请) and its file up to the deposit refund."""

    _name = "property.renovation"
    _inherit = [
        "property.sequence.mixin",
        "property.renovation.attachment.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _description = "Renovation Application"
    _order = "id desc"
    _check_company_auto = True
    _pcs_sequence_code = "property.renovation"

    name = fields.Char(
        string="Application No.", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, index=True, copy=False
    )
    # ------------------------------------------------------------------
    # Application
    # ------------------------------------------------------------------
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, tracking=True, check_company=True
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, index=True, tracking=True
    )
    applicant_type = fields.Selection(
        [("owner", "Owner"), ("agent", "Notarised Agent")],
        default="owner",
        required=True,
    )
    agent_id = fields.Many2one("res.partner")
    power_of_attorney_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_poa_rel",
        string="Notarised Power of Attorney",
    )
    renovation_type = fields.Selection(
        [("residential", "Residential"), ("non_residential", "Non-residential")],
        compute="_compute_renovation_type",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    description = fields.Text(string="Scope of Works")
    date_start = fields.Date(string="Planned Start", tracking=True)
    date_end = fields.Date(string="Planned End", tracking=True)
    contractor_id = fields.Many2one("res.partner", domain="[('is_company', '=', True)]")
    contractor_licence_no = fields.Char(
        string="Licence / Qualification No.",
        help="Business licence or renovation qualification certificate number.",
    )
    contractor_licence_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_licence_rel",
        string="Licence Documents",
    )
    principal_name = fields.Char(string="Site Principal")
    principal_id_number = fields.Char(
        string="Principal ID Number", groups=PERSONAL_DATA_GROUP, copy=False
    )
    principal_id_number_masked = fields.Char(
        string="Principal ID (masked)",
        compute="_compute_principal_masked",
        store=True,
        compute_sudo=True,
    )
    principal_phone = fields.Char(groups=PERSONAL_DATA_GROUP, copy=False)
    principal_phone_masked = fields.Char(
        string="Principal Phone (masked)",
        compute="_compute_principal_masked",
        store=True,
        compute_sudo=True,
    )
    worker_ids = fields.One2many("property.renovation.worker", "renovation_id")
    worker_count = fields.Integer(compute="_compute_worker_count")
    drawing_ids = fields.Many2many(
        "ir.attachment", "property_renovation_drawing_rel", string="Drawings"
    )
    structural_change = fields.Boolean(
        string="Structural / Load-bearing Change",
        tracking=True,
        help="Needs the qualified designer's approved design and the government "
        "approval before the review can pass.",
    )
    designer_name = fields.Char(string="Qualified Designer")
    design_approval_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_design_rel",
        string="Approved Design",
    )
    government_approval_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_gov_rel",
    )
    fire_approval_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_fire_rel",
        string="Fire Safety Approval",
        help="Non-residential units: the fire-safety design approval or filing.",
    )
    business_use = fields.Char(
        string="Intended Business", help="Non-residential units: the planned use."
    )
    # ------------------------------------------------------------------
    # Review
    # ------------------------------------------------------------------
    date_submitted = fields.Datetime(readonly=True, copy=False)
    review_deadline = fields.Datetime(
        readonly=True, copy=False, tracking=True, index="btree_not_null"
    )
    review_overdue = fields.Boolean(
        compute="_compute_review_overdue",
        search="_search_review_overdue",
    )
    review_escalated = fields.Boolean(
        readonly=True,
        copy=False,
        help="Technical: the overdue review was escalated (once).",
    )
    reviewer_id = fields.Many2one(
        "res.users",
        string="Engineering Reviewer",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    date_reviewed = fields.Datetime(readonly=True, copy=False)
    review_note = fields.Text(string="Review Opinion")
    return_reason = fields.Text(string="Reasons for Return", tracking=True)
    # ------------------------------------------------------------------
    # Briefing, agreements, fees, permit
    # ------------------------------------------------------------------
    briefing_date = fields.Date(string="On-site Briefing", copy=False)
    briefing_user_id = fields.Many2one("res.users", string="Briefed By", copy=False)
    pre_condition = fields.Text(
        string="Pre-renovation Condition",
        help="Condition of the unit, walls, pipes and common parts before works.",
    )
    forbidden_acts_ack = fields.Boolean(
        string="Forbidden Acts Acknowledged",
        copy=False,
        help="The owner and the contractor acknowledged the list of forbidden acts.",
    )
    agreement_signed = fields.Boolean(
        string="Three-party Agreement Signed", copy=False, tracking=True
    )
    commitment_signed = fields.Boolean(
        string="Commitment Letter Signed", copy=False, tracking=True
    )
    fee_amount = fields.Monetary(
        string="Management Fee",
        compute="_compute_fee_amount",
        store=True,
        readonly=False,
        precompute=True,
    )
    deposit_amount = fields.Monetary(
        compute="_compute_deposit_amount",
        store=True,
        readonly=False,
        precompute=True,
    )
    fee_move_id = fields.Many2one(
        "account.move", string="Fee Invoice", readonly=True, copy=False
    )
    fee_payment_state = fields.Selection(
        related="fee_move_id.payment_state", string="Fee Payment"
    )
    deposit_id = fields.Many2one("property.deposit", readonly=True, copy=False)
    deposit_state = fields.Selection(
        related="deposit_id.state", string="Deposit Status"
    )
    permit_no = fields.Char(string="Permit No.", readonly=True, copy=False)
    date_permit = fields.Date(string="Permit Issued", readonly=True, copy=False)
    permit_returned = fields.Boolean(copy=False, tracking=True)
    archive_document_id = fields.Many2one(
        "property.archive.document",
        string="Filed in Archive",
        readonly=True,
        copy=False,
        help="The application and agreement filed in the owner archive (一户一档).",
    )
    # ------------------------------------------------------------------
    # Works and completion
    # ------------------------------------------------------------------
    patrol_ids = fields.One2many("property.renovation.patrol", "renovation_id")
    hot_work_ids = fields.One2many("property.renovation.hot.work", "renovation_id")
    violation_ids = fields.One2many("property.renovation.violation", "renovation_id")
    extension_ids = fields.One2many("property.renovation.extension", "renovation_id")
    gate_pass_ids = fields.One2many("property.renovation.gate.pass", "renovation_id")
    inspection_ids = fields.One2many("property.renovation.inspection", "renovation_id")
    deduction_ids = fields.One2many("property.renovation.deduction", "renovation_id")
    patrol_count = fields.Integer(compute="_compute_counts")
    violation_count = fields.Integer(compute="_compute_counts")
    date_works_finished = fields.Date(readonly=True, copy=False)
    deduction_total = fields.Monetary(compute="_compute_deduction_total", store=True)
    refund_amount = fields.Monetary(
        string="Deposit Refund", compute="_compute_deduction_total", store=True
    )
    settlement_signature = fields.Binary(string="Owner's Signature", copy=False)
    settlement_signed_by = fields.Char(copy=False)
    date_settled = fields.Date(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("unit_id.unit_type")
    def _compute_renovation_type(self):
        for renovation in self:
            renovation.renovation_type = (
                "residential"
                if renovation.unit_id.unit_type in (False, "residence")
                else "non_residential"
            )

    @api.depends("unit_id.area", "renovation_type", "company_id")
    def _compute_fee_amount(self):
        for renovation in self:
            company = renovation.company_id or self.env.company
            rate = (
                company.pcs_renovation_fee_rate_residential
                if renovation.renovation_type == "residential"
                else company.pcs_renovation_fee_rate_non_residential
            )
            renovation.fee_amount = company.currency_id.round(
                rate * (renovation.unit_id.area or 0.0)
            )

    @api.depends("renovation_type", "company_id")
    def _compute_deposit_amount(self):
        for renovation in self:
            company = renovation.company_id or self.env.company
            renovation.deposit_amount = (
                company.pcs_renovation_deposit_residential
                if renovation.renovation_type == "residential"
                else company.pcs_renovation_deposit_non_residential
            )

    @api.depends("principal_id_number", "principal_phone")
    def _compute_principal_masked(self):
        for renovation in self:
            renovation.principal_id_number_masked = pii.mask_id_number(
                renovation.principal_id_number
            )
            renovation.principal_phone_masked = pii.mask_phone(
                renovation.principal_phone
            )

    def _compute_worker_count(self):
        counts = dict(
            self.env["property.renovation.worker"]._read_group(
                [("renovation_id", "in", self.ids)], ["renovation_id"], ["__count"]
            )
        )
        for renovation in self:
            renovation.worker_count = counts.get(renovation, 0)

    def _compute_counts(self):
        patrols = dict(
            self.env["property.renovation.patrol"]._read_group(
                [("renovation_id", "in", self.ids)], ["renovation_id"], ["__count"]
            )
        )
        violations = dict(
            self.env["property.renovation.violation"]._read_group(
                [("renovation_id", "in", self.ids)], ["renovation_id"], ["__count"]
            )
        )
        for renovation in self:
            renovation.patrol_count = patrols.get(renovation, 0)
            renovation.violation_count = violations.get(renovation, 0)

    @api.depends("deduction_ids.amount", "deposit_amount")
    def _compute_deduction_total(self):
        for renovation in self:
            total = sum(renovation.deduction_ids.mapped("amount"))
            renovation.deduction_total = total
            renovation.refund_amount = max(renovation.deposit_amount - total, 0.0)

    @api.depends("state", "review_deadline")
    def _compute_review_overdue(self):
        now = fields.Datetime.now()
        for renovation in self:
            renovation.review_overdue = bool(
                renovation.state == "review"
                and renovation.review_deadline
                and renovation.review_deadline < now
            )

    def _search_review_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the overdue flag."))
        domain = [
            ("state", "=", "review"),
            ("review_deadline", "<", fields.Datetime.now()),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for renovation in self:
            renovation.access_url = f"/my/renovations/{renovation.id}"
        return res

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("principal_id_number")
    def _check_principal_id_number(self):
        for renovation in self.sudo():
            if renovation.principal_id_number:
                try:
                    pii.check_resident_id(renovation.principal_id_number)
                except ValueError as exc:
                    raise ValidationError(
                        self.env._(
                            "The site principal's ID number is invalid (%(reason)s).",
                            reason=exc.args[0],
                        )
                    ) from exc

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for renovation in self:
            if (
                renovation.date_start
                and renovation.date_end
                and renovation.date_end < renovation.date_start
            ):
                raise ValidationError(
                    self.env._("The planned end is before the planned start.")
                )

    @api.constrains("applicant_type", "agent_id")
    def _check_agent(self):
        for renovation in self:
            if renovation.applicant_type == "agent" and not renovation.agent_id:
                raise ValidationError(
                    self.env._("An application by an agent names the agent.")
                )

    # ------------------------------------------------------------------
    # Application and review
    # ------------------------------------------------------------------
    def _default_reviewer(self):
        self.ensure_one()
        group = self.env.ref("property_cs.group_engineering")
        users = self.project_id.user_ids.filtered(
            lambda u: group in u.groups_id and not u.share
        )
        return users[:1] or self.project_id.manager_id

    def _review_deadline(self, submitted):
        """End of the engineering review (3 working days, company settings)."""
        self.ensure_one()
        company = self.company_id or self.env.company
        days = company.pcs_renovation_review_days
        if company.pcs_renovation_review_working_days:
            return company._pcs_add_working_days(submitted, days)
        return submitted + timedelta(days=days)

    def action_submit(self):
        """Send the application to the engineering review (3-day clock)."""
        now = fields.Datetime.now()
        for renovation in self:
            if renovation.state not in ("draft", "returned"):
                raise UserError(
                    self.env._("Only a draft or returned application is submitted.")
                )
            if not (renovation.contractor_id and renovation.date_start):
                raise UserError(
                    self.env._(
                        "Name the contractor and the planned dates before submitting."
                    )
                )
            reviewer = renovation.reviewer_id or renovation._default_reviewer()
            renovation.write(
                {
                    "state": "review",
                    "date_submitted": now,
                    "review_deadline": renovation._review_deadline(now),
                    "review_escalated": False,
                    "reviewer_id": reviewer.id,
                }
            )
            # Submitted from the portal without a reviewer: nobody internal to
            # remind yet (the list shows it under review, red when overdue).
            user = reviewer or (self.env.user if not self.env.user.share else None)
            if user:
                renovation.activity_schedule(
                    "property_renovation.mail_activity_renovation_review",
                    date_deadline=fields.Date.to_date(renovation.review_deadline),
                    user_id=user.id,
                )
        return True

    def _check_review_documents(self):
        for renovation in self:
            if (
                renovation.renovation_type == "non_residential"
                and not renovation.fire_approval_ids
            ):
                raise ValidationError(
                    self.env._(
                        "Application %(name)s is for a non-residential unit: attach "
                        "the fire-safety approval before the review can pass.",
                        name=renovation.name,
                    )
                )
            if renovation.structural_change and not (
                renovation.design_approval_ids and renovation.government_approval_ids
            ):
                raise ValidationError(
                    self.env._(
                        "Application %(name)s changes the structure or a load-bearing "
                        "element: attach the qualified designer's approved design and "
                        "the government approval before the review can pass.",
                        name=renovation.name,
                    )
                )

    def action_approve_review(self):
        for renovation in self:
            if renovation.state != "review":
                raise UserError(self.env._("The application is not under review."))
        self._check_review_documents()
        self.write(
            {
                "state": "approved",
                "date_reviewed": fields.Datetime.now(),
                "return_reason": False,
            }
        )
        self.activity_feedback(["property_renovation.mail_activity_renovation_review"])
        return True

    def action_return(self):
        for renovation in self:
            if renovation.state != "review":
                raise UserError(self.env._("The application is not under review."))
            if not renovation.return_reason:
                raise UserError(
                    self.env._("Write the reasons for returning the application.")
                )
            renovation.message_post(
                body=self._pcs_in_company_lang().env._(
                    "Application returned: %(reason)s", reason=renovation.return_reason
                ),
                partner_ids=renovation.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self.write({"state": "returned", "date_reviewed": fields.Datetime.now()})
        self.activity_feedback(["property_renovation.mail_activity_renovation_review"])
        return True

    def action_cancel(self):
        for renovation in self:
            if renovation.state in ("works", "inspection", "settled", "done"):
                raise UserError(
                    self.env._("Works have started: the application is not cancelled.")
                )
            if renovation.deposit_id.state in ("draft", "invoiced"):
                renovation.deposit_id.action_cancel()
        self.write({"state": "cancelled"})
        return True

    @api.model
    def _normalize_licence_no(self, licence_no):
        return "".join((licence_no or "").split()).upper()

    @api.model
    def _find_or_create_contractor(self, name, licence_no, company):
        """The contractor company partner of a licence / qualification number.

        Reuses the company partner registered with that number (its company ID
        or tax ID), else the contractor of an earlier application with that
        number; creates one only when none exists (or no number is given).
        """
        Partner = self.env["res.partner"]
        number = self._normalize_licence_no(licence_no)
        if number:
            company_domain = [("company_id", "in", [False, company.id])]
            partner = Partner.search(
                [
                    ("is_company", "=", True),
                    *company_domain,
                    "|",
                    ("company_registry", "=ilike", number),
                    ("vat", "=ilike", number),
                ],
                order="id",
                limit=1,
            )
            if not partner:
                partner = self.search(
                    [
                        ("contractor_licence_no", "=ilike", number),
                        ("contractor_id.is_company", "=", True),
                        ("contractor_id.company_id", "in", [False, company.id]),
                    ],
                    order="id",
                    limit=1,
                ).contractor_id
            if partner:
                return partner
        return Partner.create(
            {"name": name, "is_company": True, "company_registry": number or False}
        )

    @api.model
    def _review_escalation_domain(self):
        return [
            ("state", "=", "review"),
            ("review_deadline", "<=", fields.Datetime.now()),
            ("review_escalated", "=", False),
        ]

    @api.model
    def _cron_escalate_reviews(self, limit=200):
        """Escalate overdue reviews, one batch per call; each once (flag set
        with the activity)."""
        return self.env["ir.cron"]._pcs_run_batch(
            self,
            self._review_escalation_domain(),
            lambda found: found._escalate_review(),
            limit=limit,
        )

    def _escalate_review(self):
        self._pcs_schedule_activities(
            "property_renovation.mail_activity_renovation_review_overdue",
            user=lambda r: r.project_id.manager_id or r.reviewer_id,
            summary=lambda r: r.env._("Engineering review overdue"),
        )
        self.write({"review_escalated": True})
        self._message_log_batch(
            {
                r.id: self._pcs_in_company_lang().env._(
                    "The %(days)s-day engineering review is overdue.",
                    days=r.company_id.pcs_renovation_review_days,
                )
                for r in self
            }
        )

    # ------------------------------------------------------------------
    # Briefing, fees and permit
    # ------------------------------------------------------------------
    def action_record_briefing(self):
        for renovation in self:
            if renovation.state != "approved":
                raise UserError(self.env._("Brief the site once the review passed."))
            if not (renovation.pre_condition and renovation.forbidden_acts_ack):
                raise UserError(
                    self.env._(
                        "Record the pre-renovation condition and the acknowledgement "
                        "of the forbidden acts."
                    )
                )
        self.write(
            {
                "briefing_date": fields.Date.context_today(self),
                "briefing_user_id": self.env.uid,
            }
        )
        return True

    def _prepare_fee_invoice_values(self):
        self.ensure_one()
        product = self.env.ref("property_renovation.product_renovation_fee")
        return {
            "move_type": "out_invoice",
            "company_id": self.company_id.id,
            "journal_id": self.company_id._pcs_fee_journal().id,
            "partner_id": self.partner_id.id,
            "invoice_date": fields.Date.context_today(self),
            "invoice_origin": self.name,
            "pcs_unit_id": self.unit_id.id,
            "pcs_project_id": self.project_id.id,
            "pcs_building_id": self.unit_id.building_id.id,
            "pcs_billing_kind": "one_off",
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "name": self.env._(
                            "Renovation management fee %(name)s", name=self.name
                        ),
                        "quantity": 1.0,
                        "price_unit": self.fee_amount,
                    }
                )
            ],
        }

    def action_invoice(self):
        """Invoice the management fee and the deposit (property_billing)."""
        for renovation in self:
            if renovation.state != "approved" or not renovation.briefing_date:
                raise UserError(
                    self.env._("Fees are invoiced after the review and the briefing.")
                )
            if renovation.fee_amount and not renovation.fee_move_id:
                move = (
                    self.env["account.move"]
                    .sudo()
                    .with_company(renovation.company_id)
                    .create(renovation._prepare_fee_invoice_values())
                )
                move.action_post()
                renovation.sudo().fee_move_id = move
            if renovation.deposit_amount and not renovation.deposit_id:
                deposit = (
                    self.env["property.deposit"]
                    .sudo()
                    .create(
                        {
                            "kind": "renovation",
                            "partner_id": renovation.partner_id.id,
                            "unit_id": renovation.unit_id.id,
                            "amount": renovation.deposit_amount,
                            "origin": renovation.name,
                        }
                    )
                )
                deposit.action_invoice()
                renovation.sudo().deposit_id = deposit
        return True

    def _is_paid(self):
        self.ensure_one()
        # The front desk issues the permit: it reads whether the invoice is
        # paid (as its form shows), not the accounting document itself.
        fee_move = self.fee_move_id.sudo()
        fee_paid = not self.fee_amount or (
            fee_move.state == "posted" and fee_move.payment_state in PAID_STATES
        )
        deposit_paid = not self.deposit_amount or self.deposit_id.state == "held"
        return fee_paid and deposit_paid

    def action_issue_permit(self):
        """Issue the numbered permit and the worker passes, once paid."""
        Sequence = self.env["ir.sequence"]
        for renovation in self:
            if renovation.state != "approved":
                raise UserError(self.env._("The application is not approved."))
            if not (renovation.agreement_signed and renovation.commitment_signed):
                raise UserError(
                    self.env._(
                        "The three-party agreement and the commitment letter must be "
                        "signed first."
                    )
                )
            if not (renovation.fee_move_id or renovation.deposit_id) or (
                not renovation._is_paid()
            ):
                raise UserError(
                    self.env._(
                        "The permit is issued only when the renovation fee and the "
                        "deposit are paid."
                    )
                )
            renovation.write(
                {
                    "state": "works",
                    "permit_no": Sequence.next_by_code("property.renovation.permit"),
                    "date_permit": fields.Date.context_today(self),
                }
            )
            renovation.worker_ids.filtered(
                lambda w: w.pass_state == "none"
            )._issue_pass()
        self._file_into_archive()
        return True

    def _file_into_archive(self):
        """File the application and agreement in the unit's owner archive."""
        doc_type = self.env.ref("property_cs.doc_type_renovation")
        Document = self.env["property.archive.document"].sudo()
        for renovation in self.filtered(
            lambda r: r.unit_id.archive_id.state == "open" and not r.archive_document_id
        ):
            renovation.sudo().archive_document_id = Document.create(
                {
                    "archive_id": renovation.unit_id.archive_id.id,
                    "type_id": doc_type.id,
                    "name": self._pcs_in_company_lang().env._(
                        "Renovation permit %(permit)s", permit=renovation.permit_no
                    ),
                    "source": self._pcs_in_company_lang().env._(
                        "Renovation %(name)s", name=renovation.name
                    ),
                }
            )

    # ------------------------------------------------------------------
    # Works: patrols
    # ------------------------------------------------------------------
    @api.model
    def _is_working_day(self, company, day):
        """A working day of the company's calendar, public holidays excluded."""
        return company._pcs_is_working_day(day)

    @api.model
    def _patrol_due_domain(self, day):
        return [
            ("state", "=", "works"),
            ("date_permit", "<=", day),
            "|",
            (
                "patrol_ids",
                "not any",
                [("date", "=", day), ("kind", "=", "engineering")],
            ),
            ("patrol_ids", "not any", [("date", "=", day), ("kind", "=", "security")]),
        ]

    @api.model
    def _cron_generate_patrols(self, limit=200):
        """Create today's engineering and security patrols of open works, one
        batch per call.

        Working days only; one patrol per application, day and kind (unique in
        the database), so that a second run creates nothing. Returns the
        number of patrols created.
        """
        day = fields.Date.context_today(self)
        domain = self._patrol_due_domain(day)

        working = {}

        def is_working(company):
            if company not in working:
                working[company] = self._is_working_day(company, day)
            return working[company]

        def due(limit):
            renovations = self.search(domain, limit=limit, order="id")
            return renovations.filtered(lambda r: is_working(r.company_id))

        created = self.env["property.renovation.patrol"]

        def generate(renovations):
            nonlocal created
            created |= renovations._create_patrols(day)

        self.env["ir.cron"]._pcs_run_batch(self, due, generate, limit=limit)
        return len(created)

    def _create_patrols(self, day):
        """The patrols of ``day`` the applications do not have yet."""
        Patrol = self.env["property.renovation.patrol"]
        existing = {
            (p.renovation_id.id, p.kind)
            for p in Patrol.search(
                [("renovation_id", "in", self.ids), ("date", "=", day)]
            )
        }
        return Patrol.create(
            [
                renovation._prepare_patrol_values(day, kind)
                for renovation in self
                for kind in PATROL_KINDS
                if (renovation.id, kind) not in existing
            ]
        )

    def _prepare_patrol_values(self, day, kind):
        self.ensure_one()
        lang = self.company_id.partner_id.lang or self.env.lang or "en_US"
        checklist = self.with_context(lang=lang)._patrol_checklist(kind)
        return {
            "renovation_id": self.id,
            "date": day,
            "kind": kind,
            "line_ids": [
                Command.create({"sequence": index, "name": item})
                for index, item in enumerate(checklist)
            ],
        }

    def _patrol_checklist(self, kind):
        """Checklist items of a patrol, in the language of the context: the
        company's active checklist items of that kind (Property → Configuration
        → Patrol Checklists)."""
        self.ensure_one()
        items = (
            self.env["property.renovation.checklist.item"]
            .sudo()
            .search(
                [
                    ("kind", "=", kind),
                    ("company_id", "in", [False, self.company_id.id]),
                ]
            )
        )
        return items.mapped("name")

    # ------------------------------------------------------------------
    # Completion
    # ------------------------------------------------------------------
    def action_finish_works(self):
        for renovation in self:
            if renovation.state != "works":
                raise UserError(self.env._("The works are not in progress."))
        today = fields.Date.context_today(self)
        self.write({"state": "inspection", "date_works_finished": today})
        self.env["property.renovation.inspection"].create(
            [
                {"renovation_id": renovation.id, "kind": "initial", "date": today}
                for renovation in self
                if not renovation.inspection_ids.filtered(lambda i: i.kind == "initial")
            ]
        )
        return True

    def action_return_permit(self):
        """Permit and worker passes handed back at completion."""
        for renovation in self:
            if renovation.state != "inspection":
                raise UserError(
                    self.env._("The permit is returned at the completion inspection.")
                )
        self.write({"permit_returned": True})
        self.worker_ids.filtered(lambda w: w.pass_state == "issued").write(
            {"pass_state": "returned"}
        )
        self.gate_pass_ids.filtered(lambda g: g.state == "issued").write(
            {"state": "returned"}
        )
        return True

    def action_prepare_settlement(self):
        """Add a deduction line for every penalty of a violation not yet deducted."""
        Deduction = self.env["property.renovation.deduction"]
        for renovation in self:
            deducted = renovation.deduction_ids.violation_id
            Deduction.create(
                [
                    {
                        "renovation_id": renovation.id,
                        "violation_id": violation.id,
                        "name": violation.name,
                        "kind": "violation",
                        "amount": violation.penalty_amount,
                    }
                    for violation in renovation.violation_ids
                    if violation.penalty_amount and violation not in deducted
                ]
            )
        return True

    def action_settle(self):
        """Owner signs the settlement: the deposit refund is requested."""
        for renovation in self:
            if renovation.state != "inspection":
                raise UserError(self.env._("Settle after the completion inspection."))
            inspections = renovation.inspection_ids
            if not inspections.filtered(
                lambda i: i.kind == "reinspection" and i.state == "done"
            ):
                raise UserError(
                    self.env._("Settle after the re-inspection one month later.")
                )
            if not renovation.permit_returned or renovation.worker_ids.filtered(
                lambda w: w.pass_state == "issued"
            ):
                raise UserError(
                    self.env._("The permit and all worker passes must be returned.")
                )
            if not renovation.settlement_signature:
                raise UserError(self.env._("The owner signs the settlement first."))
            if renovation.deduction_total > renovation.deposit_id.amount:
                raise UserError(
                    self.env._("Deductions cannot exceed the deposit amount.")
                )
            renovation.write(
                {"state": "settled", "date_settled": fields.Date.context_today(self)}
            )
            deposit = renovation.deposit_id.sudo()
            if deposit:
                deposit.write(
                    {
                        "deduction_amount": renovation.deduction_total,
                        "deduction_note": "; ".join(
                            renovation.deduction_ids.mapped("name")
                        ),
                    }
                )
                deposit.action_request_refund()
        return True

    def action_approve_refund(self):
        """Director's approval of the deposit refund (through property.deposit)."""
        for renovation in self:
            if renovation.state != "settled":
                raise UserError(self.env._("The renovation is not settled."))
        self.deposit_id.action_approve_refund()
        self.write({"state": "done"})
        return True

    # ------------------------------------------------------------------
    # Navigation and reports
    # ------------------------------------------------------------------
    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Renovation %(name)s", name=self.name)

    def action_view_patrols(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_renovation.property_renovation_patrol_action"
        )
        action["domain"] = [("renovation_id", "=", self.id)]
        action["context"] = {"default_renovation_id": self.id}
        return action

    def action_view_violations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_renovation.property_renovation_violation_action"
        )
        action["domain"] = [("renovation_id", "=", self.id)]
        action["context"] = {"default_renovation_id": self.id}
        return action
