# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import sms_cn_api


class SmsCnTemplate(models.Model):
    """A text registered with the provider (模板), with its code and variables.

    Chinese carriers deliver only registered texts: an SMS is sent as one of
    these templates with the values of its variables. Odoo finds the template
    and the values either from the caller (``key`` and parameters, see
    ``sms.sms._sms_cn_template_values``) or from the text itself: a text
    that is this template filled in is sent as this template.
    """

    _name = "sms.cn.template"
    _description = "Registered SMS Template"
    _order = "gateway_id, sequence, id"
    _check_company_auto = True

    gateway_id = fields.Many2one(
        "sms.cn.gateway", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="gateway_id.company_id", store=True, index=True
    )
    provider = fields.Selection(related="gateway_id.provider")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    name = fields.Char(required=True, help="What the template is for.")
    key = fields.Char(
        string="Technical Key",
        help="Name other modules use to send this template with parameters, "
        "e.g. property_dunning_reminder. The same key in the templates of "
        "every gateway lets them send whatever the company's provider.",
    )
    code = fields.Char(
        string="Template Code",
        required=True,
        help="The code (模板CODE, e.g. SMS_123456789) or ID (模板ID, e.g. "
        "1234567) the provider gave the approved template.",
    )
    content = fields.Text(
        string="Template Text",
        required=True,
        help="The text as registered, with each variable written ${name}, "
        "e.g. 尊敬的业主，您的${unit}物业费${amount}元尚未缴纳，请于${date}前缴纳。",
    )
    registered_content = fields.Text(
        string="Text as Registered with the Provider",
        compute="_compute_registered_content",
        help="The text in the provider's own syntax, to compare with the "
        "provider's console.",
    )
    param_names = fields.Char(
        string="Template Parameters", compute="_compute_param_names"
    )
    sms_template_ids = fields.Many2many(
        "sms.template",
        string="Odoo SMS Templates",
        help="Messages written with these Odoo SMS templates are sent as this "
        "registered template; their text must stay this template filled in.",
    )

    _sql_constraints = [
        (
            "code_gateway_uniq",
            "unique(gateway_id, code)",
            "A template code is registered once per gateway.",
        ),
        (
            "key_gateway_uniq",
            "unique(gateway_id, key)",
            "A technical key is used once per gateway.",
        ),
    ]

    @api.depends("content", "gateway_id.provider")
    def _compute_registered_content(self):
        for template in self:
            template.registered_content = (
                template.gateway_id._sms_cn_registered_content(template.content)
                if template.gateway_id and template.content
                else template.content
            )

    @api.depends("content")
    def _compute_param_names(self):
        for template in self:
            template.param_names = ", ".join(
                sms_cn_api.template_variables(template.content)
            )

    @api.constrains("content")
    def _check_content(self):
        for template in self:
            if sms_cn_api.ADJACENT_VARIABLES_RE.search(template.content or ""):
                raise ValidationError(
                    self.env._(
                        "Template %(name)s: put some text between two "
                        "variables (e.g. ${start}至${end}), or the values "
                        "could not be found in the text.",
                        name=template.name,
                    )
                )
            if sms_cn_api.BAD_VARIABLE_RE.search(template.content or ""):
                raise ValidationError(
                    self.env._(
                        "Template %(name)s: write each variable as ${name} "
                        "with letters, digits and underscores only, e.g. "
                        "${unit}.",
                        name=template.name,
                    )
                )

    def _compute_display_name(self):
        for template in self:
            template.display_name = (
                f"{template.name} ({template.code})" if template.code else template.name
            )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _sms_cn_variables(self):
        self.ensure_one()
        return sms_cn_api.template_variables(self.content)

    def _sms_cn_match(self, text):
        """Values of the variables if ``text`` is this template filled in."""
        self.ensure_one()
        return sms_cn_api.match_template(self.content, text)

    def _sms_cn_render(self, params):
        self.ensure_one()
        return sms_cn_api.render_template(self.content, params)
