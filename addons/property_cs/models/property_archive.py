# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

ARCHIVE_MANAGER_GROUP = "property_cs.group_archive_manager"


class PropertyArchive(models.Model):
    """One household, one file (一户一档)."""

    _name = "property.archive"
    _description = "Owner Archive"
    _inherit = ["property.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _pcs_sequence_code = "property.archive"
    _order = "state desc, date_open desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Archive No.",
        required=True,
        copy=False,
        readonly=True,
        default=lambda self: self.env._("New"),
    )
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(
        related="unit_id.building_id", store=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    state = fields.Selection(
        [("open", "Current"), ("closed", "Closed")],
        default="open",
        required=True,
        index=True,
        tracking=True,
    )
    date_open = fields.Date(
        string="Opened On", required=True, default=fields.Date.context_today
    )
    date_close = fields.Date(string="Closed On", readonly=True, tracking=True)
    close_reason = fields.Char(readonly=True)
    previous_archive_id = fields.Many2one("property.archive", readonly=True, index=True)
    ownership_ids = fields.One2many("property.ownership", "archive_id", "Owners")
    resident_ids = fields.One2many("property.resident", "archive_id", "Residents")
    vehicle_ids = fields.One2many("property.vehicle", "archive_id", "Vehicles")
    document_ids = fields.One2many(
        "property.archive.document", "archive_id", "Documents"
    )
    document_count = fields.Integer(compute="_compute_document_summary")
    missing_document_type_ids = fields.Many2many(
        "property.archive.document.type",
        string="Missing Documents",
        compute="_compute_document_summary",
    )
    owner_names = fields.Char(compute="_compute_owner_names", store=True)
    access_request_ids = fields.One2many(
        "property.archive.access.request", "archive_id"
    )
    can_view_full = fields.Boolean(
        compute="_compute_can_view_full",
        help="Whether the current user may open the documents of this archive.",
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "The archive number must be unique.",
        ),
        # partial unique index created in init()
        (
            "one_open_per_unit",
            "",
            "A unit has one current archive: close it (ownership change) before "
            "opening another one for the unit.",
        ),
    ]

    def init(self):
        # One current archive per unit, guaranteed by the database.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS property_archive_one_open_per_unit "
            "ON property_archive (unit_id) WHERE state = 'open'"
        )

    @api.depends("ownership_ids.partner_id.name", "ownership_ids.date_end")
    def _compute_owner_names(self):
        for archive in self:
            owners = archive.ownership_ids.filtered(
                lambda o, a=archive: a.state == "closed" or not o.date_end
            )
            archive.owner_names = ", ".join(owners.partner_id.mapped("name"))

    def _compute_document_summary(self):
        """Counts read in sudo: the cover sheet shows them to every staff."""
        Document = self.env["property.archive.document"].sudo()
        groups = Document._read_group(
            [("archive_id", "in", self.ids)], ["archive_id", "type_id"], ["__count"]
        )
        received = {}
        for archive, doc_type, count in groups:
            received.setdefault(archive.id, {})[doc_type.id] = count
        required = self.env["property.archive.document.type"].search(
            [("required_in_archive", "=", True)]
        )
        for archive in self:
            per_type = received.get(archive.id, {})
            archive.document_count = sum(per_type.values())
            archive.missing_document_type_ids = required.filtered(
                lambda t, p=per_type: t.id not in p
            )

    def _compute_can_view_full(self):
        granted = self._pcs_granted_ids()
        for archive in self:
            archive.can_view_full = archive.id in granted

    # ------------------------------------------------------------------
    # Confidential access
    # ------------------------------------------------------------------
    def _pcs_granted_ids(self):
        """Ids of the archives in self the current user may open in full."""
        if self.env.su or self.env.user.has_group(ARCHIVE_MANAGER_GROUP):
            return set(self.ids)
        requests = (
            self.env["property.archive.access.request"]
            .sudo()
            .search(
                [
                    ("archive_id", "in", self.ids),
                    ("user_id", "=", self.env.uid),
                    ("state", "=", "approved"),
                    ("date_expire", ">", fields.Datetime.now()),
                ]
            )
        )
        return set(requests.archive_id.ids)

    def _pcs_active_request(self):
        self.ensure_one()
        return (
            self.env["property.archive.access.request"]
            .sudo()
            .search(
                [
                    ("archive_id", "=", self.id),
                    ("user_id", "=", self.env.uid),
                    ("state", "=", "approved"),
                    ("date_expire", ">", fields.Datetime.now()),
                ],
                order="date_approved desc",
                limit=1,
            )
        )

    def _pcs_check_full_access(self):
        granted = self._pcs_granted_ids()
        refused = self.filtered(lambda a: a.id not in granted)
        if refused:
            raise AccessError(
                self.env._(
                    "Archive %(archives)s is confidential. Ask for access with a "
                    "reason; the service-centre director must approve it first.",
                    archives=", ".join(refused.mapped("name")),
                )
            )

    def _pcs_log_access(self, action, reason=None, partner=None, purpose=None):
        """Write one access-log row per archive for the current user."""
        Log = self.env["property.archive.access.log"].sudo()
        vals_list = []
        for archive in self:
            request = archive._pcs_active_request()
            # An archive manager states the purpose once, when opening the
            # archive; printing or copying afterwards serves that purpose.
            opening = (
                Log.search(
                    [
                        ("archive_id", "=", archive.id),
                        ("user_id", "=", self.env.uid),
                        ("action", "=", "view"),
                        ("purpose", "!=", False),
                    ],
                    order="date desc, id desc",
                    limit=1,
                )
                if not (purpose or request)
                else Log
            )
            vals_list.append(
                {
                    "archive_id": archive.id,
                    "archive_name": archive.name,
                    "unit_id": archive.unit_id.id,
                    "user_id": self.env.uid,
                    "action": action,
                    "purpose": purpose
                    or request.data_purpose
                    or opening.purpose
                    or False,
                    "reason": reason
                    or request.reason
                    or opening.reason
                    or self.env._("Archive manager access"),
                    "request_id": request.id,
                    "approver_id": request.approver_id.id,
                    "partner_id": partner.id if partner else False,
                    "company_id": archive.company_id.id,
                }
            )
        return Log.create(vals_list)

    def web_read(self, specification):
        """The documents are shown within an opening only.

        Each opening (the Open Full Archive button, or the purpose wizard of
        archive managers) writes one log row and opens the full form with
        that row in its context; reloading that form (after a save, a
        button) is the same opening and writes nothing. Any other read of
        the documents is refused."""
        if "document_ids" in specification and not self.env.su:
            self._pcs_check_full_access()
            self._pcs_check_opening()
        return super().web_read(specification)

    def _pcs_check_opening(self):
        """Refuse a read of the documents outside an opening of this user
        (a log row of this archive, still within the access validity)."""
        opening = self.env.context.get("pcs_archive_opening")
        Log = self.env["property.archive.access.log"].sudo()
        for archive in self:
            hours = archive.company_id.pcs_access_request_hours or 24
            valid = isinstance(opening, int) and Log.search_count(
                [
                    ("id", "=", opening),
                    ("archive_id", "=", archive.id),
                    ("user_id", "=", self.env.uid),
                    ("action", "=", "view"),
                    ("date", ">", fields.Datetime.now() - timedelta(hours=hours)),
                ]
            )
            if not valid:
                raise UserError(
                    self.env._(
                        "Open archive %s with the Open Full Archive button: each "
                        "opening is recorded in the access log with its purpose.",
                        archive.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_access_log(self):
        """The access log is evidence: what it is about stays."""
        self.env["property.archive.access.log"]._pcs_check_evidence(self)

    def action_open_full(self):
        """Open the full archive: refused without an approved request; an
        archive manager without a request states the purpose first."""
        self.ensure_one()
        self._pcs_check_full_access()
        if not self._pcs_active_request() and not self.env.su:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Purpose of the Consultation"),
                "res_model": "property.archive.open.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_archive_id": self.id},
            }
        return self._pcs_open()

    def _pcs_open(self, reason=None, purpose=None):
        """One opening: one ``view`` row in the access log and the full form
        showing the documents for that opening."""
        self.ensure_one()
        log = self._pcs_log_access("view", reason=reason, purpose=purpose)
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.archive",
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (self.env.ref("property_cs.property_archive_view_form").id, "form")
            ],
            "context": {"pcs_archive_opening": log.id},
        }

    def action_request_access(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request Archive Access"),
            "res_model": "property.archive.access.request",
            "view_mode": "form",
            "target": "new",
            "context": {"default_archive_id": self.id},
        }

    def action_print_cover(self):
        return self.env.ref("property_cs.action_report_archive_cover").report_action(
            self
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def write(self, vals):
        if not self.env.su and set(vals) - {"message_main_attachment_id"}:
            closed = self.filtered(lambda a: a.state == "closed")
            if closed and not self.env.context.get("pcs_archive_close"):
                raise UserError(
                    self.env._(
                        "Archive %s is closed: it is kept read-only.",
                        ", ".join(closed.mapped("name")),
                    )
                )
        return super().write(vals)

    def _pcs_close(self, reason, date=None):
        """Close on ``date``: the old owners' last day is the day before."""
        date = date or fields.Date.context_today(self)
        last_day = fields.Date.subtract(date, days=1)
        self.ownership_ids.filtered(lambda o: not o.date_end).write(
            {"date_end": last_day}
        )
        self.resident_ids.filtered(lambda r: not r.date_end).write(
            {"date_end": last_day}
        )
        self.with_context(pcs_archive_close=True).write(
            {"state": "closed", "date_close": date, "close_reason": reason}
        )
        # The partial unique index sees the closure before a new archive opens.
        self.flush_recordset(["state"])
