# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hmac
import json
import logging

from odoo import http
from odoo.http import request

_logger = logging.getLogger(__name__)


class SmsCnController(http.Controller):
    @http.route(
        "/sms_cn/report/<int:gateway_id>/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def sms_cn_report(self, gateway_id, token, **kwargs):
        """Delivery reports pushed by a provider (JSON body).

        The providers do not sign their pushes: the secret token of the
        gateway's report URL is the access check, compared in constant time
        before anything else is read. Only SMS this gateway sent are updated,
        and only from "sent" to delivered or failed.
        """
        gateway = request.env["sms.cn.gateway"].sudo().browse(gateway_id).exists()
        expected = gateway.report_token if gateway else ""
        if (
            not gateway
            or gateway.state != "enabled"
            or not expected
            or not hmac.compare_digest(expected.encode(), token.encode())
        ):
            return request.make_json_response({"error": "forbidden"}, status=403)
        try:
            payload = json.loads(request.httprequest.get_data() or b"null")
        except ValueError:
            return request.make_json_response({"error": "not JSON"}, status=400)
        if not isinstance(payload, list):
            return request.make_json_response({"error": "expected a list"}, status=400)
        answer = gateway._sms_cn_process_report(payload)
        _logger.info(
            "SMS gateway %s: %s delivery reports received", gateway.id, len(payload)
        )
        return request.make_json_response(answer)
