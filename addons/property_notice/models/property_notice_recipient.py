# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.tools import SQL

from .property_notice import SMS_TEMPLATE_KEYS
from .res_partner import NOTICE_CHANNELS

_logger = logging.getLogger(__name__)


class PropertyNoticeRecipient(models.Model):
    """One owner of one notice: what was sent to them and when they read it.

    Unique per notice and owner; written by the notices job and the portal
    only (nobody edits the rows).
    """

    _name = "property.notice.recipient"
    _description = "Notice Recipient"
    _order = "notice_id desc, partner_id"
    _rec_name = "partner_id"

    notice_id = fields.Many2one(
        "property.notice", required=True, index=True, ondelete="cascade", readonly=True
    )
    project_id = fields.Many2one(
        related="notice_id.project_id", store=True, index=True, string="Project"
    )
    company_id = fields.Many2one(related="notice_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, index=True, readonly=True
    )
    unit_ids = fields.Many2many("property.unit", string="Units", readonly=True)
    state = fields.Selection(
        [
            ("pending", "To Send"),
            ("sent", "Sent"),
            ("portal", "Portal Only"),
            ("unreachable", "No Contact Details"),
        ],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    channel = fields.Selection(
        NOTICE_CHANNELS,
        string="Preference",
        readonly=True,
        help="The owner's preference when the notice was sent.",
    )
    sent_at = fields.Datetime(readonly=True)
    sms_sent = fields.Boolean(string="SMS", readonly=True)
    sms_id = fields.Many2one(
        "sms.sms", string="SMS Record", readonly=True, ondelete="set null"
    )
    sms_state = fields.Selection(related="sms_id.state", string="SMS Status")
    sms_failure_type = fields.Selection(
        related="sms_id.failure_type", string="SMS Failure"
    )
    email_sent = fields.Boolean(string="E-mail", readonly=True)
    note = fields.Char(readonly=True)
    read_at = fields.Datetime(string="First Read On", readonly=True, index=True)
    is_read = fields.Boolean(
        string="Read", compute="_compute_is_read", store=True, index=True
    )

    _sql_constraints = [
        (
            "notice_partner_uniq",
            "unique(notice_id, partner_id)",
            "An owner is listed once per notice.",
        )
    ]

    @api.depends("read_at")
    def _compute_is_read(self):
        for recipient in self:
            recipient.is_read = bool(recipient.read_at)

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------
    @api.model
    def _pcs_due_domain(self, now=None):
        """Rows still to send, of published notices that have started and
        not ended."""
        now = now or fields.Datetime.now()
        return [
            ("state", "=", "pending"),
            ("notice_id.state", "=", "published"),
            ("notice_id.date_start", "<=", now),
            ("notice_id.date_end", ">", now),
        ]

    def _pcs_plan(self):
        """What to send to this owner: ``(number or False, email?, state, note)``.

        SMS and e-mail follow the owner's preference; the other channel
        stands in when the preferred one has no number or address;
        emergency notices go by SMS to every owner with a mobile number.
        """
        self.ensure_one()
        partner = self.partner_id
        preference = partner.pcs_notice_channel or "sms"
        number = partner._pcs_notice_number()
        email = partner.email
        wants_sms = preference in ("sms", "both")
        wants_email = preference in ("email", "both")
        # the note is read by the staff: the company's language
        written = self._pcs_in_company_lang().env
        note = False
        if preference == "sms" and not number and email:
            wants_email = True
            note = written._("No mobile number: sent by e-mail.")
        elif preference == "email" and not email and number:
            wants_sms = True
            note = written._("No e-mail address: sent by SMS.")
        if self.notice_id.kind == "emergency" and number:
            if not wants_sms and preference == "portal":
                note = written._("Emergency: sent by SMS whatever the preference.")
            wants_sms = True
        sms = number if wants_sms and number else False
        mail = bool(wants_email and email)
        if sms or mail:
            state = "sent"
        elif preference == "portal":
            state = "portal"
        else:
            state = "unreachable"
            note = written._("No mobile number and no e-mail address.")
        return sms, mail, state, note

    def _pcs_lock_pending(self):
        """The rows of ``self`` still to send, locked for this transaction;
        rows another run is sending are skipped (``SKIP LOCKED``)."""
        if not self:
            return self
        self.flush_recordset(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM property_notice_recipient WHERE id IN %s "
                "AND state = 'pending' ORDER BY id FOR NO KEY UPDATE SKIP LOCKED",
                tuple(self.ids),
            )
        )
        locked = self.browse([row[0] for row in self.env.cr.fetchall()])
        # The ORM cache may predate the lock: read the state again.
        locked.invalidate_recordset(["state"])
        return locked.filtered(lambda r: r.state == "pending")

    def _pcs_send(self):
        """Queue the SMS and e-mails of these rows, at most once per row."""
        todo = self.sudo()._pcs_lock_pending()
        if not todo:
            return todo
        now = fields.Datetime.now()
        Sms = self.env["sms.sms"].sudo()
        sms_values = {}
        languages = {code for code, _name in self.env["res.lang"].get_installed()}
        sms_rows, sms_vals_list, mail_rows = [], [], self.browse()
        for row in todo:
            number, mail, state, note = row._pcs_plan()
            notice = row.notice_id
            if number:
                lang = next(
                    (
                        code
                        for code in (
                            row.partner_id.lang,
                            notice.company_id.partner_id.lang,
                        )
                        if code in languages
                    ),
                    "en_US",
                )
                key = (notice.id, lang)
                if key not in sms_values:
                    localized = notice.with_context(lang=lang)
                    sms_values[key] = Sms._sms_cn_template_values(
                        SMS_TEMPLATE_KEYS[notice.kind],
                        notice._pcs_sms_params(),
                        company=notice.company_id,
                        body=localized._pcs_sms_fallback(),
                    )
                sms_rows.append(row)
                sms_vals_list.append(
                    {
                        **sms_values[key],
                        "number": number,
                        "partner_id": row.partner_id.id,
                        "state": "outgoing",
                    }
                )
            if mail:
                mail_rows |= row
            row.write(
                {
                    "state": state,
                    "channel": row.partner_id.pcs_notice_channel,
                    "sent_at": now if state == "sent" else False,
                    "sms_sent": bool(number),
                    "email_sent": mail,
                    "note": note,
                }
            )
        for row, sms in zip(sms_rows, Sms.create(sms_vals_list), strict=True):
            row.sms_id = sms
        if mail_rows:
            template = self.env.ref("property_notice.mail_template_property_notice")
            # Queued: the job never waits for the mail server.
            template.sudo().send_mail_batch(mail_rows.ids, force_send=False)
        if sms_rows:
            self.env.ref("sms.ir_cron_sms_scheduler_action").sudo()._trigger()
        _logger.info(
            "Notices: %s owners processed, %s SMS and %s e-mails queued",
            len(todo),
            len(sms_rows),
            len(mail_rows),
        )
        return todo
