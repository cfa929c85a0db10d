# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

NOTICE_KINDS = [
    ("general", "Announcement"),
    ("outage", "Outage Notice"),
    ("emergency", "Emergency Notice"),
]
OUTAGE_TYPES = [
    ("water", "Water"),
    ("power", "Power"),
    ("gas", "Gas"),
    ("water_power", "Water and Power"),
]
# Registered SMS template (sms.cn.template.key) sent for each kind of notice:
# carriers in mainland China deliver only approved templates, never free text.
SMS_TEMPLATE_KEYS = {
    "general": "property_general_notice",
    "outage": "property_outage_notice",
    "emergency": "property_emergency_notice",
}
# Values of ${outage} in the registered (Chinese) templates: "暂停${outage}".
OUTAGE_SMS_WORDS = {
    "water": "供水",
    "power": "供电",
    "gas": "供气",
    "water_power": "供水供电",
}
GRADE_SMS_WORDS = {"1": "Ⅰ级", "2": "Ⅱ级", "3": "Ⅲ级", "4": "Ⅳ级"}
# Units named one by one in the affected area; beyond, "and N more".
AREA_UNITS_SHOWN = 5
DEFAULT_VALID_DAYS = 7


class PropertyNotice(models.Model):
    """A notice (公告, 停水停电通知, 紧急通知) to the owners of a project, of some
    of its buildings or of some units.

    Publishing it makes one ``property.notice.recipient`` row per owner
    concerned (unique): the row decides what the owner sees on the portal,
    what is sent to them (SMS through a registered template and/or e-mail,
    after their preference) and records when they first read it.
    """

    _name = "property.notice"
    _description = "Notice to Owners"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    kind = fields.Selection(
        NOTICE_KINDS, required=True, default="general", tracking=True
    )
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        default=lambda self: self.env.user.pcs_allowed_project_ids[:1]
        if len(self.env.user.pcs_allowed_project_ids) == 1
        else False,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    scope = fields.Selection(
        [
            ("project", "Whole Project"),
            ("buildings", "Some Buildings"),
            ("units", "Some Units"),
        ],
        string="Addressed To",
        required=True,
        default="project",
        tracking=True,
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        domain="[('project_id', '=', project_id)]",
    )
    unit_ids = fields.Many2many(
        "property.unit", string="Units", domain="[('project_id', '=', project_id)]"
    )
    area = fields.Char(
        string="Affected Area",
        compute="_compute_area",
        store=True,
        readonly=False,
        help="Named in the SMS and on the printed notice; filled in from the "
        "buildings or units, editable (e.g. 1栋1单元).",
    )
    body = fields.Html(string="Text", sanitize_style=True)
    summary = fields.Char(
        string="SMS Summary",
        help="One short sentence for the SMS (${summary} in the registered "
        "templates), e.g. what owners should do. Carriers limit the length "
        "of each value.",
    )
    date_start = fields.Datetime(
        string="Valid From",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        help="The notice appears on the owners' portal and is sent from then on.",
    )
    date_end = fields.Datetime(
        string="Valid Until",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="The notice disappears from the owners' portal after this moment.",
    )
    # Outage notices (停水停电通知)
    outage_type = fields.Selection(OUTAGE_TYPES, string="Interrupted Supply")
    outage_reason = fields.Char(
        string="Reason", help="E.g. 二次供水水箱清洗 (written into the SMS)."
    )
    outage_start = fields.Datetime(string="Interruption From")
    outage_end = fields.Datetime(string="Interruption Until")
    # Emergency notices (紧急通知)
    emergency_event_id = fields.Many2one(
        "property.emergency.event",
        string="Emergency",
        index="btree_not_null",
        check_company=True,
        ondelete="set null",
    )
    emergency_grade_id = fields.Many2one(
        "property.emergency.grade",
        compute="_compute_emergency_grade_id",
        store=True,
        readonly=False,
        check_company=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("published", "Published"),
            ("cancelled", "Withdrawn"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    validity = fields.Selection(
        [
            ("draft", "Not Published"),
            ("scheduled", "Scheduled"),
            ("current", "Current"),
            ("expired", "Expired"),
            ("cancelled", "Withdrawn"),
        ],
        compute="_compute_validity",
        search="_search_validity",
    )
    published_at = fields.Datetime(readonly=True, copy=False)
    published_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    recipients_synced_at = fields.Datetime(
        string="Owners Last Listed", readonly=True, copy=False
    )
    recipient_ids = fields.One2many(
        "property.notice.recipient", "notice_id", string="Recipients", copy=False
    )
    recipient_count = fields.Integer(string="Owners", compute="_compute_counts")
    read_count = fields.Integer(string="Read", compute="_compute_counts")
    unread_count = fields.Integer(string="Not Read", compute="_compute_counts")
    read_rate = fields.Float(string="Read (%)", compute="_compute_counts")
    pending_count = fields.Integer(string="To Send", compute="_compute_counts")
    sms_count = fields.Integer(string="SMS", compute="_compute_counts")
    email_count = fields.Integer(string="E-mails", compute="_compute_counts")
    sms_template_key = fields.Char(
        string="SMS Template Key",
        compute="_compute_sms_template",
        compute_sudo=True,
        help="Technical key of the registered SMS template sent for this kind "
        "of notice (Settings › Technical › Phone / SMS › Registered SMS "
        "Templates).",
    )
    sms_template_id = fields.Many2one(
        "sms.cn.template",
        string="SMS Template",
        compute="_compute_sms_template",
        compute_sudo=True,
    )
    sms_warning = fields.Char(compute="_compute_sms_template", compute_sudo=True)
    access_url = fields.Char(compute="_compute_access_url")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("scope", "project_id.name", "building_ids.name", "unit_ids.code")
    def _compute_area(self):
        for notice in self:
            if notice.scope == "buildings" and notice.building_ids:
                notice.area = "、".join(
                    notice.building_ids.sorted("code").mapped("name")
                )
            elif notice.scope == "units" and notice.unit_ids:
                codes = notice.unit_ids.sorted("code").mapped("code")
                shown = "、".join(codes[:AREA_UNITS_SHOWN])
                notice.area = (
                    self.env._(
                        "%(units)s and %(count)s more units",
                        units=shown,
                        count=len(codes) - AREA_UNITS_SHOWN,
                    )
                    if len(codes) > AREA_UNITS_SHOWN
                    else shown
                )
            else:
                notice.area = notice.project_id.name or False

    @api.depends("date_start", "outage_end", "kind")
    def _compute_date_end(self):
        for notice in self:
            if notice.kind == "outage" and notice.outage_end:
                notice.date_end = max(
                    notice.outage_end, (notice.date_start or notice.outage_end)
                ) + timedelta(hours=1)
            elif not notice.date_end:
                start = notice.date_start or fields.Datetime.now()
                notice.date_end = start + timedelta(days=DEFAULT_VALID_DAYS)

    @api.depends("emergency_event_id.grade_id")
    def _compute_emergency_grade_id(self):
        for notice in self:
            if notice.emergency_event_id:
                notice.emergency_grade_id = notice.emergency_event_id.grade_id

    @api.depends("state", "date_start", "date_end")
    def _compute_validity(self):
        now = fields.Datetime.now()
        for notice in self:
            if notice.state != "published":
                notice.validity = notice.state
            elif notice.date_end and notice.date_end <= now:
                notice.validity = "expired"
            elif notice.date_start and notice.date_start > now:
                notice.validity = "scheduled"
            else:
                notice.validity = "current"

    @api.model
    def _pcs_validity_domain(self, validity, now=None):
        now = now or fields.Datetime.now()
        published = [("state", "=", "published")]
        return {
            "draft": [("state", "=", "draft")],
            "cancelled": [("state", "=", "cancelled")],
            "scheduled": published + [("date_start", ">", now)],
            "current": published + [("date_start", "<=", now), ("date_end", ">", now)],
            "expired": published + [("date_end", "<=", now)],
        }[validity]

    def _search_validity(self, operator, value):
        if operator not in ("=", "in"):
            raise NotImplementedError(operator)
        values = [value] if operator == "=" else list(value)
        domains = [self._pcs_validity_domain(v) for v in values if v]
        return expression.OR(domains) if domains else [("id", "=", 0)]

    @api.depends(
        "recipient_ids.state",
        "recipient_ids.read_at",
        "recipient_ids.sms_sent",
        "recipient_ids.email_sent",
    )
    def _compute_counts(self):
        Recipient = self.env["property.notice.recipient"].sudo()
        counts = defaultdict(lambda: defaultdict(int))
        for notice, is_read, state, sms, mail, count in Recipient._read_group(
            [("notice_id", "in", self.ids)],
            ["notice_id", "is_read", "state", "sms_sent", "email_sent"],
            ["__count"],
        ):
            row = counts[notice.id]
            row["all"] += count
            row["read"] += count if is_read else 0
            row["pending"] += count if state == "pending" else 0
            row["sms"] += count if sms else 0
            row["email"] += count if mail else 0
        for notice in self:
            row = counts[notice.id]
            notice.recipient_count = row["all"]
            notice.read_count = row["read"]
            notice.unread_count = row["all"] - row["read"]
            notice.read_rate = (
                round(100.0 * row["read"] / row["all"], 1) if row["all"] else 0.0
            )
            notice.pending_count = row["pending"]
            notice.sms_count = row["sms"]
            notice.email_count = row["email"]

    @api.depends("kind", "company_id")
    def _compute_sms_template(self):
        Gateway = self.env["sms.cn.gateway"].sudo()
        gateways = Gateway._sms_cn_gateway_for_companies(self.company_id.ids)
        for notice in self:
            key = SMS_TEMPLATE_KEYS.get(notice.kind)
            gateway = gateways.get(notice.company_id.id)
            template = (
                gateway
                and gateway.template_ids.filtered(
                    lambda t, k=key: t.active and t.key == k
                )[:1]
            )
            notice.sms_template_key = key
            notice.sms_template_id = template or False
            if not notice.company_id or template:
                notice.sms_warning = False
            elif not gateway:
                notice.sms_warning = self.env._(
                    "The company has no Chinese SMS gateway: SMS go through "
                    "Odoo's IAP service, which Chinese carriers do not deliver."
                )
            else:
                notice.sms_warning = self.env._(
                    "The SMS gateway %(gateway)s has no registered template with "
                    "the key %(key)s: the SMS of this notice will fail until it "
                    "is added.",
                    gateway=gateway.name,
                    key=key,
                )

    def _compute_access_url(self):
        for notice in self:
            notice.access_url = f"/my/notices/{notice.id}" if notice.id else False

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("scope", "building_ids", "unit_ids", "project_id")
    def _check_scope(self):
        for notice in self:
            if notice.building_ids.project_id - notice.project_id or (
                notice.unit_ids.project_id - notice.project_id
            ):
                raise ValidationError(
                    self.env._(
                        "Notice %(notice)s: the buildings and units must belong to "
                        "the project %(project)s.",
                        notice=notice.name,
                        project=notice.project_id.name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for notice in self:
            if notice.date_end <= notice.date_start:
                raise ValidationError(
                    self.env._(
                        "Notice %s: it must be valid until after it is valid from.",
                        notice.name,
                    )
                )

    @api.constrains("outage_start", "outage_end")
    def _check_outage_dates(self):
        for notice in self:
            if (
                notice.outage_start
                and notice.outage_end
                and notice.outage_end <= notice.outage_start
            ):
                raise ValidationError(
                    self.env._(
                        "Notice %s: the interruption must end after it starts.",
                        notice.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda n: n.state != "draft"):
            raise UserError(
                self.env._(
                    "A published notice cannot be deleted: withdraw it instead "
                    "(its owners and read receipts are kept)."
                )
            )

    # ------------------------------------------------------------------
    # Who is concerned
    # ------------------------------------------------------------------
    def _pcs_units(self):
        """The units the notice is addressed to."""
        self.ensure_one()
        Unit = self.env["property.unit"].sudo()
        if self.scope == "units":
            return self.unit_ids.sudo()
        if self.scope == "buildings":
            return Unit.search([("building_id", "in", self.building_ids.ids)])
        return Unit.search([("project_id", "=", self.project_id.id)])

    def _pcs_owner_units(self):
        """``{owner: units}``: the current owners of the units addressed."""
        self.ensure_one()
        owners = defaultdict(lambda: self.env["property.unit"].sudo())
        for unit in self._pcs_units():
            for owner in unit.current_owner_ids:
                owners[owner] |= unit
        return owners

    def _pcs_sync_recipients(self):
        """One recipient row per current owner addressed (new owners since the
        last listing are added; nobody is listed twice)."""
        Recipient = self.env["property.notice.recipient"].sudo()
        now = fields.Datetime.now()
        created = Recipient
        for notice in self:
            known = set(notice.sudo().recipient_ids.partner_id.ids)
            vals_list = [
                {
                    "notice_id": notice.id,
                    "partner_id": owner.id,
                    "unit_ids": [fields.Command.set(units.ids)],
                }
                for owner, units in notice._pcs_owner_units().items()
                if owner.id not in known
            ]
            created |= Recipient.create(vals_list)
            notice.sudo().recipients_synced_at = now
        return created

    # ------------------------------------------------------------------
    # Texts of the SMS and the notice board
    # ------------------------------------------------------------------
    def _pcs_local(self, moment):
        """``moment`` (UTC) in the company's time zone."""
        self.ensure_one()
        tz = pytz.timezone(self.company_id.partner_id.tz or self.env.user.tz or "UTC")
        return pytz.utc.localize(moment).astimezone(tz)

    def _pcs_sms_time(self, moment):
        """A moment as written in the Chinese SMS templates: 6月12日08:00."""
        if not moment:
            return ""
        local = self._pcs_local(moment)
        return f"{local.month}月{local.day}日{local:%H:%M}"

    def _pcs_sms_params(self):
        """Values of the variables the registered templates may use.

        Every kind gives all of them; each template takes the ones it names:
        ${project} ${area} ${title} ${summary} ${start} ${end} ${reason}
        ${outage} ${grade}. Fixed words are Chinese like the templates the
        carriers approved.
        """
        self.ensure_one()
        start = self.outage_start if self.kind == "outage" else self.date_start
        end = self.outage_end if self.kind == "outage" else self.date_end
        return {
            "project": self.project_id.name or "",
            "area": self.area or self.project_id.name or "",
            "title": self.name or "",
            "summary": self.summary or self.name or "",
            "start": self._pcs_sms_time(start or self.date_start),
            "end": self._pcs_sms_time(end or self.date_end),
            "reason": self.outage_reason or "",
            "outage": OUTAGE_SMS_WORDS.get(self.outage_type, ""),
            "grade": GRADE_SMS_WORDS.get(self.emergency_grade_id.grade, ""),
        }

    def _pcs_sms_fallback(self):
        """The text sent when the company has no Chinese gateway (IAP), in the
        language of the environment."""
        self.ensure_one()
        return self.env._(
            "%(project)s: %(title)s (%(area)s). Details on your owner portal.",
            project=self.project_id.name,
            title=self.name,
            area=self.area or "",
        )

    def _pcs_heading(self):
        """Heading of the printed notice: 公告, 停水通知, 紧急通知..."""
        self.ensure_one()
        if self.kind == "outage":
            return {
                "water": self.env._("Water Outage Notice"),
                "power": self.env._("Power Outage Notice"),
                "gas": self.env._("Gas Outage Notice"),
                "water_power": self.env._("Water and Power Outage Notice"),
            }.get(self.outage_type, self.env._("Outage Notice"))
        if self.kind == "emergency":
            return self.env._("Emergency Notice")
        return self.env._("Announcement")

    def _pcs_local_text(self, moment, with_time=True):
        """A moment for the printed notice and the portal, company time."""
        if not moment:
            return ""
        local = self._pcs_local(moment)
        return f"{local:%Y-%m-%d %H:%M}" if with_time else f"{local:%Y-%m-%d}"

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _pcs_check_can_publish(self):
        if self.env.su:
            return
        user = self.env.user
        for notice in self:
            if user.has_group("property_cs.group_director"):
                continue
            if notice.kind == "emergency" and user.has_group(
                "property_cs.group_cs_manager"
            ):
                continue
            raise AccessError(
                self.env._(
                    "Only the service-centre director publishes notices "
                    "(customer-service managers may publish emergency notices)."
                )
            )

    def _pcs_check_complete(self):
        now = fields.Datetime.now()
        for notice in self:
            problems = []
            if notice.state != "draft":
                problems.append(self.env._("it is not a draft"))
            if notice.date_end <= now:
                problems.append(self.env._("its validity has already ended"))
            if notice.scope == "buildings" and not notice.building_ids:
                problems.append(self.env._("no building is selected"))
            if notice.scope == "units" and not notice.unit_ids:
                problems.append(self.env._("no unit is selected"))
            if notice.kind == "outage" and not (
                notice.outage_type
                and notice.outage_reason
                and notice.outage_start
                and notice.outage_end
            ):
                problems.append(
                    self.env._(
                        "an outage notice needs the supply interrupted, the "
                        "reason and the interruption's start and end"
                    )
                )
            if notice.kind == "emergency" and not notice.emergency_grade_id:
                problems.append(self.env._("an emergency notice needs its grade"))
            if problems:
                raise UserError(
                    self.env._(
                        "Notice %(notice)s cannot be published: %(problems)s.",
                        notice=notice.name,
                        problems="; ".join(problems),
                    )
                )

    def action_publish(self):
        """Publish: list the owners concerned and send to them (in the
        notices job, started at once)."""
        self._pcs_check_can_publish()
        self._pcs_check_complete()
        self.write(
            {
                "state": "published",
                "published_at": fields.Datetime.now(),
                "published_by_id": self.env.user.id,
            }
        )
        for notice in self:
            recipients = notice._pcs_sync_recipients()
            notice.message_post(
                body=self._pcs_in_company_lang().env._(
                    "Published to %(count)s owners (%(area)s).",
                    count=len(recipients),
                    area=notice.area or "",
                ),
                subtype_xmlid="mail.mt_note",
            )
        self.env.ref("property_notice.ir_cron_property_notice_send")._trigger()
        return True

    def action_cancel(self):
        """Withdraw: the notice leaves the portal; what is not sent yet is not
        sent."""
        self._pcs_check_can_publish()
        self.filtered(lambda n: n.state != "cancelled").write({"state": "cancelled"})
        return True

    def action_send_now(self):
        """Start the notices job now (what is due is sent only once)."""
        self.env.ref("property_notice.ir_cron_property_notice_send")._trigger()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "Sending started: the owners not reached yet are sent to "
                    "within a minute."
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_print(self):
        return self.env.ref(
            "property_notice.action_report_property_notice"
        ).report_action(self)

    def _pcs_recipients_action(self, domain, name):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_notice.property_notice_recipient_action"
        )
        action.update(
            {
                "name": name,
                "domain": [("notice_id", "=", self.id), *domain],
                "context": {"create": False},
            }
        )
        return action

    def action_view_recipients(self):
        return self._pcs_recipients_action([], self.env._("Owners"))

    def action_view_readers(self):
        return self._pcs_recipients_action(
            [("is_read", "=", True)], self.env._("Owners Who Read It")
        )

    def action_view_non_readers(self):
        return self._pcs_recipients_action(
            [("is_read", "=", False)], self.env._("Owners Who Have Not Read It")
        )

    # ------------------------------------------------------------------
    # Job: list new owners of current notices, send what is due
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_notices(self, limit=200):
        """Send the notices due to their owners, ``limit`` owners per batch.

        Each owner of a notice has one row (unique); a row leaves the "to
        send" state in the same transaction as its SMS and e-mail are queued,
        and the rows are locked first (``SKIP LOCKED``), so a second run or a
        run at the same moment never sends twice. Current notices are listed
        again once a day for owners who arrived since.
        """
        now = fields.Datetime.now()
        stale = self.search(
            self._pcs_validity_domain("current", now)
            + [
                "|",
                ("recipients_synced_at", "=", False),
                ("recipients_synced_at", "<", now - timedelta(days=1)),
            ]
        )
        stale._pcs_sync_recipients()
        Recipient = self.env["property.notice.recipient"]
        return self.env["ir.cron"]._pcs_run_batch(
            Recipient,
            Recipient._pcs_due_domain(now),
            lambda recipients: recipients._pcs_send(),
            limit,
        )

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    @api.model
    def _pcs_portal_domain(self):
        """Notices an owner sees in the portal (with their own record rules):
        published, started and not expired."""
        return self._pcs_validity_domain("current")

    def _pcs_mark_read(self, partner):
        """Record the first reading of the notice by ``partner`` (portal)."""
        self.ensure_one()
        if isinstance(partner, int):
            partner = self.env["res.partner"].browse(partner)
        partners = partner | partner.commercial_partner_id
        rows = (
            self.env["property.notice.recipient"]
            .sudo()
            .search(
                [
                    ("notice_id", "=", self.id),
                    ("partner_id", "in", partners.ids),
                    ("read_at", "=", False),
                ]
            )
        )
        rows.write({"read_at": fields.Datetime.now()})
        return rows

    def _pcs_body_markup(self):
        self.ensure_one()
        return self.body or Markup("")
