# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

LOAN_PURPOSES = [
    ("cleaning", "Cleaning"),
    ("inspection", "Inspection"),
    ("repair", "Repair"),
    ("viewing", "Viewing"),
    ("other", "Other"),
]
OPEN_LOAN_INDEX = "property_key_loan_open_uniq"
CRON_BATCH = 200


class PropertyKeyLoan(models.Model):
    """One lending of a key set; at most one open loan per set (DB-enforced)."""

    _name = "property.key.loan"
    _description = "Key Loan"
    _inherit = ["property.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _pcs_sequence_code = "property.key.loan"
    _order = "date_out desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Loan No.",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    key_set_id = fields.Many2one(
        "property.key.set",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        domain="[('state', '=', 'in_cabinet')]",
    )
    unit_id = fields.Many2one(related="key_set_id.unit_id", store=True, index=True)
    project_id = fields.Many2one(
        related="key_set_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="key_set_id.company_id", store=True, index=True, precompute=True
    )
    borrower_partner_id = fields.Many2one(
        "res.partner", string="Borrower", tracking=True
    )
    borrower_user_id = fields.Many2one(
        "res.users",
        string="Borrowing Staff",
        tracking=True,
        domain=[("share", "=", False)],
    )
    purpose = fields.Selection(
        LOAN_PURPOSES, required=True, default="cleaning", tracking=True
    )
    purpose_note = fields.Char()
    handed_by_id = fields.Many2one(
        "res.users",
        string="Handed Out By",
        required=True,
        default=lambda self: self.env.user,
    )
    date_out = fields.Datetime(
        string="Out", required=True, default=fields.Datetime.now, tracking=True
    )
    date_due = fields.Datetime(
        string="Expected Return",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Datetime.now() + timedelta(hours=4),
    )
    date_returned = fields.Datetime(string="Returned", tracking=True, copy=False)
    received_by_id = fields.Many2one("res.users", copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Not returned and the expected return time has passed.",
    )
    overdue_alerted = fields.Boolean(
        readonly=True,
        copy=False,
        help="The front desk has been alerted about this overdue loan.",
    )
    note = fields.Text()

    _sql_constraints = [
        # partial unique index created in init()
        (
            "open_uniq",
            "",
            "This key set is already lent: it must be returned before it is lent "
            "again.",
        )
    ]

    def init(self):
        # A key set can never be lent twice at once: the database refuses a
        # second open loan even when two transactions pass the Python check.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s "
                "ON property_key_loan (key_set_id) WHERE date_returned IS NULL",
                SQL.identifier(OPEN_LOAN_INDEX),
            )
        )

    @api.depends("date_due", "date_returned")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for loan in self:
            loan.is_overdue = bool(
                not loan.date_returned and loan.date_due and loan.date_due < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(operator)
        domain = [
            ("date_returned", "=", False),
            ("date_due", "<", fields.Datetime.now()),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.constrains("borrower_partner_id", "borrower_user_id")
    def _check_borrower(self):
        for loan in self:
            if not loan.borrower_partner_id and not loan.borrower_user_id:
                raise ValidationError(
                    self.env._("A key loan needs a borrower (contact or staff).")
                )

    @api.constrains("date_out", "date_due", "date_returned")
    def _check_dates(self):
        for loan in self:
            if loan.date_due < loan.date_out:
                raise ValidationError(
                    self.env._("The expected return is before the out time.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        KeySet = self.env["property.key.set"]
        key_set_ids = [
            vals["key_set_id"]
            for vals in vals_list
            if vals.get("key_set_id") and not vals.get("date_returned")
        ]
        if len(key_set_ids) != len(set(key_set_ids)):
            raise UserError(
                self.env._("The same key set cannot be lent twice at once.")
            )
        key_sets = KeySet.browse(key_set_ids)
        key_sets._lock_for_update()
        for key_set in key_sets:
            if key_set.state != "in_cabinet":
                raise UserError(
                    self.env._(
                        "Key set %(key_set)s is not in the cabinet (%(state)s); it "
                        "cannot be lent.",
                        key_set=key_set.display_name,
                        state=dict(key_set._fields["state"].selection)[key_set.state],
                    )
                )
        try:
            with self.env.cr.savepoint():
                loans = super().create(vals_list)
        except psycopg2.IntegrityError as exc:
            if exc.diag.constraint_name != OPEN_LOAN_INDEX:
                raise
            raise UserError(
                self.env._(
                    "This key set has just been lent by someone else. Refresh "
                    "and check the key ledger."
                )
            ) from exc
        loans.filtered(lambda loan: not loan.date_returned).key_set_id.sudo().write(
            {"state": "lent"}
        )
        return loans

    def write(self, vals):
        if "key_set_id" in vals and self.filtered(lambda loan: not loan.date_returned):
            raise UserError(
                self.env._("The key set of an open loan cannot be changed.")
            )
        return super().write(vals)

    def action_return(self):
        open_loans = self.filtered(lambda loan: not loan.date_returned)
        open_loans.write(
            {"date_returned": fields.Datetime.now(), "received_by_id": self.env.uid}
        )
        open_loans.key_set_id.filtered(lambda k: k.state == "lent").sudo().write(
            {"state": "in_cabinet"}
        )
        open_loans.activity_unlink(["property_cs.mail_activity_key_overdue"])
        return True

    def action_print_slip(self):
        return self.env.ref("property_cs.action_report_key_loan_slip").report_action(
            self
        )

    def _overdue_alert_users(self):
        """Front-desk users of the loan's project."""
        self.ensure_one()
        front_desk = self.env.ref("property_cs.group_front_desk")
        return self.project_id.user_ids.filtered(
            lambda u: u.active and front_desk in u.groups_id
        )

    @api.model
    def _cron_alert_overdue(self, limit=CRON_BATCH):
        """Alert the front desk exactly once per overdue loan, in batches."""
        domain = [("is_overdue", "=", True), ("overdue_alerted", "=", False)]
        return self.env["ir.cron"]._pcs_run_batch(
            self,
            domain,
            lambda loans: loans._pcs_alert_overdue(),
            limit,
            order="date_due",
        )

    def _pcs_alert_overdue(self):
        """One activity for the user who handed the keys out, and a message to
        the project's front-desk users; ``overdue_alerted`` makes the next run
        skip the loan."""
        self._pcs_schedule_activities(
            "property_cs.mail_activity_key_overdue",
            user=lambda loan: loan.handed_by_id,
            summary=lambda loan: loan.env._(
                "Keys %(key_set)s not returned", key_set=loan.key_set_id.display_name
            ),
        )
        self._pcs_notify(
            lambda loan: loan.env._(
                "Overdue: keys %(key_set)s were due back at %(due)s.",
                key_set=loan.key_set_id.display_name,
                due=fields.Datetime.to_string(loan.date_due),
            ),
            lambda loan: loan._overdue_alert_users().partner_id,
        )
        self.write({"overdue_alerted": True})
