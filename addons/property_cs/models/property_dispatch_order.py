# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


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
    user_id = fields.Many2one("res.users", string="Assigned To", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("dispatched", "Dispatched"),
            ("accepted", "Accepted"),
            ("on_site", "On Site"),
            ("done", "Completed"),
            ("returned", "Returned to Front Desk"),
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
    price_accepted = fields.Boolean(
        string="Price Accepted by Owner", readonly=True, copy=False, tracking=True
    )
    price_accepted_at = fields.Datetime(readonly=True, copy=False)
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

    def _pcs_assignee_label(self):
        self.ensure_one()
        return " / ".join(
            name for name in (self.user_id.name, self.department_id.name) if name
        ) or self.env._("nobody")

    def write(self, vals):
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
                body=self.env._(
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

    def action_accept_price(self):
        """The owner accepted the price of a paid special repair."""
        self._pcs_step(
            ("draft", "dispatched"),
            {"price_accepted": True, "price_accepted_at": fields.Datetime.now()},
        )

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
        unpriced = self.filtered(lambda o: o.is_paid and not o.price_accepted)
        if unpriced:
            raise UserError(
                self.env._(
                    "The owner must accept the price of %s before work starts.",
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
                body=self.env._("Owner not satisfied: reopened as a new order.")
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
