# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang

# States before work starts: a paid repair is quoted and answered in these.
PRE_WORK_STATES = ("draft", "dispatched", "accepted")


class PropertyDispatchOrder(models.Model):
    """Dispatch order (派工单): the work handed to a crew for a request."""

    _name = "property.dispatch.order"
    _description = "Dispatch Order"
    _inherit = [
        "property.sequence.mixin",
        "property.signoff.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _pcs_sequence_code = "property.dispatch.order"
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    project_id = fields.Many2one(
        related="ticket_id.pcs_project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(related="ticket_id.pcs_unit_id", store=True)
    partner_id = fields.Many2one(
        related="ticket_id.partner_id", string="Owner", store=True
    )
    category = fields.Selection(related="ticket_id.pcs_category", store=True)
    urgency = fields.Selection(related="ticket_id.pcs_urgency")
    appointment_at = fields.Datetime(
        related="ticket_id.pcs_appointment_at", readonly=False
    )
    description = fields.Text(string="Work", required=True)
    department_id = fields.Many2one("property.department", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        tracking=True,
        domain="[('id', 'in', assignable_user_ids)]",
    )
    assignable_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_assignable_user_ids",
        help="Staff of the request's project and members of the department: "
        "internal users only (never an owner's portal login).",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("dispatched", "Dispatched"),
            ("accepted", "Accepted"),
            ("on_site", "On Site"),
            ("done", "Completed"),
            ("returned", "Returned to Front Desk"),
            ("refused", "Price Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    dispatched_at = fields.Datetime(readonly=True, copy=False)
    accepted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    accepted_at = fields.Datetime(readonly=True, copy=False)
    on_site_at = fields.Datetime(readonly=True, copy=False)
    done_at = fields.Datetime(string="Completed At", readonly=True, copy=False)
    returned_at = fields.Datetime(readonly=True, copy=False)
    result = fields.Text(string="Work Done")
    owner_signed_by = fields.Char(copy=False)
    owner_satisfied = fields.Boolean(default=True, copy=False)
    # Paid special repairs
    is_paid = fields.Boolean(
        compute="_compute_is_paid", store=True, readonly=False, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    labour_amount = fields.Monetary(string="Labour", tracking=True)
    material_amount = fields.Monetary(string="Materials", tracking=True)
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True
    )
    # Quote of a paid special repair (先报价后施工): quoted by the desk or by
    # the crew on site, accepted or refused by the owner, before work starts.
    quote_state = fields.Selection(
        [
            ("none", "Not Quoted"),
            ("quoted", "Quoted, Awaiting the Owner"),
            ("accepted", "Accepted by the Owner"),
            ("refused", "Refused by the Owner"),
        ],
        string="Quote",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    quoted_amount = fields.Monetary(
        string="Quoted Price",
        readonly=True,
        copy=False,
        help="Total quoted to the owner (VAT included): what the owner pays.",
    )
    quoted_at = fields.Datetime(readonly=True, copy=False)
    quoted_by_id = fields.Many2one("res.users", readonly=True)
    price_accepted = fields.Boolean(
        string="Price Accepted by Owner", readonly=True, copy=False, tracking=True
    )
    price_accepted_at = fields.Datetime(readonly=True, copy=False)
    price_refused_at = fields.Datetime(readonly=True, copy=False)
    refusal_reason = fields.Text(
        string="Owner's Reason for Refusing",
        copy=False,
        help="Recorded when the owner declines the quote.",
    )
    parent_id = fields.Many2one(
        "property.dispatch.order",
        string="Reopened From",
        readonly=True,
        index=True,
        copy=False,
    )
    child_ids = fields.One2many(
        "property.dispatch.order", "parent_id", string="Reopened As"
    )
    reassign_count = fields.Integer(
        string="Reassignments",
        readonly=True,
        copy=False,
        help="Times the order was handed to another person or department after "
        "dispatch; each one is logged in the chatter.",
    )

    @api.depends("ticket_id.pcs_category")
    def _compute_is_paid(self):
        for order in self:
            order.is_paid = order.ticket_id.pcs_category == "paid_repair"

    @api.depends("labour_amount", "material_amount")
    def _compute_amount_total(self):
        for order in self:
            order.amount_total = order.labour_amount + order.material_amount

    @api.depends("project_id", "department_id", "company_id")
    def _compute_assignable_user_ids(self):
        all_projects = self.env.ref("property_cs.group_all_projects")
        for order in self:
            project = order.project_id.sudo()
            department = order.department_id.sudo()
            users = (
                project.user_ids
                | project.manager_id
                | department.member_ids
                | department.manager_id
                | all_projects.sudo().users
            )
            company = order.company_id or self.env.company
            order.assignable_user_ids = users.filtered(
                lambda u, c=company: not u.share and u.active and c in u.company_ids
            )

    @api.constrains("user_id")
    def _check_user_id(self):
        for order in self:
            if order.user_id.share:
                raise ValidationError(
                    self.env._(
                        "%(user)s is an owner's portal login: dispatch orders go "
                        "to staff only.",
                        user=order.user_id.name,
                    )
                )

    def _pcs_assignee_label(self):
        self.ensure_one()
        return " / ".join(
            name for name in (self.user_id.name, self.department_id.name) if name
        ) or self.env._("nobody")

    def write(self, vals):
        if {"labour_amount", "material_amount"} & set(vals):
            self._pcs_check_price_change(vals)
        moved = self.browse()
        before = {}
        if "user_id" in vals or "department_id" in vals:
            for order in self.filtered(lambda o: o.state not in ("draft", "cancel")):
                if any(
                    field in vals and order[field].id != (vals[field] or False)
                    for field in ("user_id", "department_id")
                ):
                    moved |= order
                    before[order.id] = order._pcs_assignee_label()
        res = super().write(vals)
        for order in moved:
            # The new crew accepts again; the history stays in the chatter.
            values = {"reassign_count": order.reassign_count + 1}
            if order.state == "accepted":
                values.update(
                    {
                        "state": "dispatched",
                        "accepted_by_id": False,
                        "accepted_at": False,
                    }
                )
            super(PropertyDispatchOrder, order).write(values)
            order.message_post(
                body=self._pcs_in_company_lang().env._(
                    "Reassigned from %(old)s to %(new)s.",
                    old=before[order.id],
                    new=order._pcs_assignee_label(),
                ),
                subtype_xmlid="mail.mt_note",
            )
            if order.user_id:
                order.ticket_id.message_subscribe(
                    partner_ids=order.user_id.partner_id.ids
                )
        return res

    # ------------------------------------------------------------------
    # Paid repairs: quote, owner's answer
    # ------------------------------------------------------------------
    def _pcs_check_price_change(self, vals):
        """A changed price needs a new quote; once work started it is fixed."""
        for order in self.filtered(lambda o: o.is_paid):
            changed = any(
                key in vals
                and order.currency_id.compare_amounts(vals[key] or 0.0, order[key])
                for key in ("labour_amount", "material_amount")
            )
            if not changed:
                continue
            if order.state not in (*PRE_WORK_STATES, "refused"):
                raise UserError(
                    self.env._(
                        "The price of %(order)s was accepted and work started: it "
                        "can no longer change.",
                        order=order.name,
                    )
                )
            if order.quote_state in ("quoted", "accepted"):
                order.write({"quote_state": "none", "price_accepted": False})
                order.message_post(
                    body=self._pcs_in_company_lang().env._(
                        "The price changed: quote it to the owner again.",
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def _pcs_check_quotable(self):
        for order in self:
            if not order.is_paid:
                raise UserError(
                    self.env._("%(order)s is not a paid repair.", order=order.name)
                )
            if order.state not in (*PRE_WORK_STATES, "refused"):
                raise UserError(
                    self.env._(
                        "Work on %(order)s has started or ended: the price is "
                        "quoted before work starts.",
                        order=order.name,
                    )
                )
            # A zero price is a free repair the owner agrees to; never negative.
            if order.currency_id.compare_amounts(order.amount_total, 0.0) < 0:
                raise UserError(
                    self.env._(
                        "The price of %(order)s cannot be negative.",
                        order=order.name,
                    )
                )

    def _pcs_state_before_refusal(self):
        self.ensure_one()
        if self.accepted_at:
            return "accepted"
        return "dispatched" if self.dispatched_at else "draft"

    def action_quote(self):
        """Quote the price to the owner, from the desk or by the crew on site
        (context ``pcs_quote_on_site``: the crew arrived, which is the
        request's on-site time); any time before work starts, also again after
        a refusal or to change the price."""
        self._pcs_check_quotable()
        now = fields.Datetime.now()
        on_site = self.env.context.get("pcs_quote_on_site")
        for order in self:
            vals = {
                "quote_state": "quoted",
                "quoted_amount": order.amount_total,
                "quoted_at": now,
                "quoted_by_id": self.env.uid,
                "price_accepted": False,
                "price_accepted_at": False,
            }
            if order.state == "refused":
                vals.update(
                    state=order._pcs_state_before_refusal(), price_refused_at=False
                )
            order.write(vals)
            amounts = {
                "amount": order._pcs_format_amount(order.amount_total),
                "labour": order._pcs_format_amount(order.labour_amount),
                "materials": order._pcs_format_amount(order.material_amount),
            }
            order.message_post(
                body=self._pcs_in_company_lang().env._(
                    "Quoted on site to the owner: %(amount)s (labour %(labour)s, "
                    "materials %(materials)s).",
                    **amounts,
                )
                if on_site
                else self._pcs_in_company_lang().env._(
                    "Quoted to the owner: %(amount)s (labour %(labour)s, materials "
                    "%(materials)s).",
                    **amounts,
                ),
                subtype_xmlid="mail.mt_note",
            )
        if on_site:
            self.ticket_id.filtered(lambda t: not t.pcs_on_site_at).write(
                {"pcs_on_site_at": now}
            )
        return True

    def _pcs_format_amount(self, amount):
        self.ensure_one()
        return formatLang(self.env, amount, currency_obj=self.currency_id)

    def _pcs_check_answerable(self):
        for order in self:
            if not order.is_paid or order.state not in PRE_WORK_STATES:
                raise UserError(
                    self.env._(
                        "%(order)s has no price for the owner to answer before "
                        "work starts.",
                        order=order.name,
                    )
                )

    def action_accept_price(self):
        """The owner accepted the quoted price of a paid special repair (a price
        entered but not yet quoted is quoted at the same time)."""
        self._pcs_check_answerable()
        self.filtered(lambda o: o.quote_state in ("none", "refused")).action_quote()
        now = fields.Datetime.now()
        for order in self:
            order.write(
                {
                    "quote_state": "accepted",
                    "quoted_amount": order.amount_total,
                    "price_accepted": True,
                    "price_accepted_at": now,
                }
            )
            order.message_post(
                body=self._pcs_in_company_lang().env._(
                    "The owner accepted the price of %(amount)s: work can start.",
                    amount=order._pcs_format_amount(order.amount_total),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_refuse_price(self):
        """The owner declined the quote: the order closes without work, the
        refusal and its reason are recorded on the order and the request."""
        self._pcs_check_answerable()
        for order in self:
            if order.quote_state != "quoted":
                raise UserError(
                    self.env._(
                        "Quote the price of %(order)s to the owner first.",
                        order=order.name,
                    )
                )
        now = fields.Datetime.now()
        for order in self:
            order.write(
                {
                    "state": "refused",
                    "quote_state": "refused",
                    "price_refused_at": now,
                }
            )
            written = order._pcs_in_company_lang().env
            body = written._(
                "The owner declined the quote of %(amount)s for %(order)s "
                "(reason: %(reason)s). The order is closed: no work is done and "
                "nothing is charged. Thank the owner; a new quote can reopen it.",
                amount=order._pcs_format_amount(order.quoted_amount),
                order=order.name,
                reason=order.refusal_reason or written._("none given"),
            )
            order.message_post(body=body, subtype_xmlid="mail.mt_note")
            order.ticket_id.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def action_dispatch(self):
        for order in self:
            if not (order.user_id or order.department_id):
                raise UserError(
                    self.env._("Assign %s to a department or a person.", order.name)
                )
        now = fields.Datetime.now()
        self._pcs_step(("draft",), {"state": "dispatched", "dispatched_at": now})
        self.ticket_id.filtered(lambda t: not t.pcs_dispatched_at).write(
            {"pcs_dispatched_at": now}
        )
        for order in self.filtered("user_id"):
            order.ticket_id.message_subscribe(partner_ids=order.user_id.partner_id.ids)

    def action_accept(self):
        self._pcs_step(
            ("dispatched",),
            {
                "state": "accepted",
                "accepted_by_id": self.env.user.id,
                "accepted_at": fields.Datetime.now(),
            },
        )

    def action_on_site(self):
        """The crew is on site and starts work (for a paid repair: once the
        owner accepted the price; to inspect and quote first, quote on site)."""
        unpriced = self.filtered(lambda o: o.is_paid and o.quote_state != "accepted")
        if unpriced:
            raise UserError(
                self.env._(
                    "The owner must accept the price of %s before work starts: "
                    "quote it (on site if the crew inspects first) and record the "
                    "owner's answer.",
                    ", ".join(unpriced.mapped("name")),
                )
            )
        now = fields.Datetime.now()
        self._pcs_step(
            ("dispatched", "accepted"), {"state": "on_site", "on_site_at": now}
        )
        self.ticket_id.filtered(lambda t: not t.pcs_on_site_at).write(
            {"pcs_on_site_at": now}
        )

    def action_done(self):
        self._pcs_step(
            ("on_site",),
            {"state": "done", "done_at": fields.Datetime.now()},
            signed=True,
        )
        self.filtered("is_paid")._property_invoice_paid_repair()

    def action_return(self):
        """The completed order comes back to the front desk."""
        self._pcs_step(
            ("done",), {"state": "returned", "returned_at": fields.Datetime.now()}
        )

    def action_cancel(self):
        self._pcs_step(("draft", "dispatched", "accepted"), {"state": "cancel"})

    def action_reopen(self):
        """The owner is not satisfied: the work continues as a new linked order."""
        self._pcs_step(("done", "returned"), {"owner_satisfied": False})
        new_orders = self.env["property.dispatch.order"]
        for order in self:
            new_orders |= order.copy(
                {
                    "parent_id": order.id,
                    "description": order.description,
                    "labour_amount": 0.0,
                    "material_amount": 0.0,
                }
            )
            order.message_post(
                body=self._pcs_in_company_lang().env._(
                    "Owner not satisfied: reopened as a new order."
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "res_id": new_orders[:1].id,
        }

    def action_print(self):
        return self.env.ref("property_cs.action_report_dispatch_order").report_action(
            self
        )

    def _property_invoice_paid_repair(self):
        """Hook: invoice completed paid repairs (overridden by property_billing)."""
        return False
