# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import Command, fields

from odoo.addons.property_cs.tests.common import PropertyTestCommon

GENERAL_TEXT = (
    "尊敬的业主：${project}发布公告《${title}》，详情请登录业主服务平台查看。"
)
OUTAGE_TEXT = (
    "尊敬的业主：因${reason}，${area}将于${start}至${end}暂停${outage}，请提前做好准备。"
    "给您带来不便，敬请谅解。"
)
EMERGENCY_TEXT = "紧急通知（${grade}）：${title}（${area}），${summary}。请注意安全。"


class PropertyNoticeTestCommon(PropertyTestCommon):
    """The product's base plus: the company's SMS gateway in test mode with
    the three notice templates; in project A a second building A2 with two
    units and owner A's second unit in A1; an e-mail address on owner C.

    Owners of project A: ``owner_a`` (A1-1-0101 and A1-2-0101), ``owner_c``
    (A2-1-0101, A2-1-0102), ``owner_d`` (A2-1-0102 with C). Project B:
    ``owner_b``. ``unit_a2`` (A1) has no owner.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The company sends through one gateway at a time: ours.
        cls.env["sms.cn.gateway"].search(
            [("company_id", "=", cls.company.id), ("state", "!=", "disabled")]
        ).state = "disabled"
        cls.gateway = cls.env["sms.cn.gateway"].create(
            {
                "name": "Test gateway",
                "company_id": cls.company.id,
                "provider": "none",
                "state": "test",
                "sign_name": "阳光花园物业",
            }
        )
        cls.env["sms.cn.template"].create(
            [
                {
                    "gateway_id": cls.gateway.id,
                    "name": name,
                    "key": key,
                    "code": code,
                    "content": content,
                }
                for name, key, code, content in (
                    ("公告", "property_general_notice", "SMS_1", GENERAL_TEXT),
                    ("停水停电通知", "property_outage_notice", "SMS_2", OUTAGE_TEXT),
                    ("紧急通知", "property_emergency_notice", "SMS_3", EMERGENCY_TEXT),
                )
            ]
        )
        cls.building_a2 = cls.env["property.building"].create(
            {
                "name": "Building A2",
                "code": "A2",
                "project_id": cls.project_a.id,
                "floor_count": 6,
            }
        )
        cls.owner_c = cls._create_owner("Owner C", email="owner.c@example.com")
        cls.owner_d = cls._create_owner("Owner D")
        cls.unit_a_2 = cls._create_unit("A1-2-0101", cls.owner_a)
        cls.unit_c1, cls.unit_c2 = cls._create_units(
            2,
            codes=["A2-1-0101", "A2-1-0102"],
            building=cls.building_a2,
            owners=cls.owner_c + cls.owner_c,
        )
        # Owner D shares A2-1-0102 with owner C, half each.
        cls.unit_c2.archive_id.ownership_ids.share = 50.0
        cls.env["property.ownership"].create(
            {
                "archive_id": cls.unit_c2.archive_id.id,
                "partner_id": cls.owner_d.id,
                "date_start": "2024-01-01",
                "share": 50.0,
            }
        )
        cls.Notice = cls.env["property.notice"]
        cls.Recipient = cls.env["property.notice.recipient"]

    @classmethod
    def _notice(cls, **vals):
        """A draft announcement to the whole project A, valid a week."""
        now = fields.Datetime.now()
        values = {
            "name": "Garden works",
            "project_id": cls.project_a.id,
            "body": "<p>The garden is closed on Monday.</p>",
            "date_start": now - timedelta(minutes=5),
            "date_end": now + timedelta(days=7),
            **vals,
        }
        return cls.Notice.create(
            {key: value for key, value in values.items() if value is not None}
        )

    @classmethod
    def _outage(cls, **vals):
        """A water outage in building A1, tomorrow 08:00-16:00 Shanghai time."""
        tomorrow = fields.Date.today() + timedelta(days=1)
        start = datetime.combine(tomorrow, datetime.min.time())  # 08:00 UTC+8
        return cls._notice(
            **{
                "name": "Water tank cleaning",
                "kind": "outage",
                "scope": "buildings",
                "building_ids": [Command.set(cls.building_a.ids)],
                "outage_type": "water",
                "outage_reason": "二次供水水箱清洗",
                "outage_start": start,
                "outage_end": start + timedelta(hours=8),
                "date_end": None,  # follows the interruption
                **vals,
            }
        )

    def _publish(self, notice):
        notice.with_user(self.director).action_publish()
        return notice

    def _send(self):
        """Run the notices job as the scheduler does."""
        return self.Notice._cron_send_notices()

    def _rows(self, notice):
        return notice.recipient_ids.sorted(lambda r: r.partner_id.name)
