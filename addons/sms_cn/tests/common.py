# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import werkzeug.urls

from odoo.tests.common import TransactionCase, _super_send

DUNNING_TEXT = "尊敬的业主，您的${unit}物业费${amount}元尚未缴纳，请于${date}前缴纳。"
OUTAGE_TEXT = (
    "尊敬的业主：因${reason}，${area}将于${start}至${end}暂停${outage}，请提前做好准备。"
    "给您带来不便，敬请谅解。"
)


class SmsCnLoopbackMixin:
    """Let requests to the fake providers on 127.0.0.1 keep the gateway's
    own timeout (Odoo raises every timeout under 10 s to 10 s in tests), so
    that the timeout test waits one second instead of ten."""

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        if werkzeug.urls.url_parse(r.url).host == "127.0.0.1":
            return _super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)


class SmsCnCommonMixin(SmsCnLoopbackMixin):
    """Two companies of their own (none of the demo data), owners with
    mainland mobile numbers, helpers to make gateways and templates."""

    @classmethod
    def _sms_cn_setup(cls):
        cls.company = cls.env["res.company"].create({"name": "海湾物业服务有限公司"})
        cls.company_2 = cls.env["res.company"].create({"name": "绿城物业服务有限公司"})
        cls.env.user.company_ids |= cls.company | cls.company_2
        cls.owners = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "mobile": mobile,
                    "company_id": cls.company.id,
                }
                for name, mobile in (
                    ("张伟", "138 0013 8000"),
                    ("李娜", "+86 139-0013-9001"),
                    ("王芳", "8613700137002"),
                )
            ]
        )
        cls.owner_2 = cls.env["res.partner"].create(
            {"name": "刘洋", "mobile": "13600136003", "company_id": cls.company_2.id}
        )

    @classmethod
    def _make_gateway(cls, company, provider="none", state="test", **values):
        return cls.env["sms.cn.gateway"].create(
            {
                "name": f"{provider} {company.name}",
                "company_id": company.id,
                "provider": provider,
                "state": state,
                "sign_name": "阳光花园物业",
                "timeout": 1,
                **values,
            }
        )

    @classmethod
    def _make_templates(cls, gateway, dunning_code, outage_code):
        return cls.env["sms.cn.template"].create(
            [
                {
                    "gateway_id": gateway.id,
                    "name": "物业费催缴提醒",
                    "key": "property_dunning_reminder",
                    "code": dunning_code,
                    "content": DUNNING_TEXT,
                },
                {
                    "gateway_id": gateway.id,
                    "name": "停水停电通知",
                    "key": "property_outage_notice",
                    "code": outage_code,
                    "content": OUTAGE_TEXT,
                },
            ]
        )

    def _dunning_sms(self, number="13800138000", company=None, **params):
        """An outgoing sms.sms sending the dunning template with parameters
        through the API other modules use."""
        values = self.env["sms.sms"]._sms_cn_template_values(
            "property_dunning_reminder",
            dict(
                {"unit": "A-1-0302", "amount": "1,280.00", "date": "5月31日"}, **params
            ),
            company=company or self.company,
            body="Dear owner, your fees are unpaid.",
        )
        return self.env["sms.sms"].create(dict(values, number=number))


class SmsCnCommon(SmsCnCommonMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sms_cn_setup()
