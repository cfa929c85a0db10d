# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import logging
import time
from datetime import timedelta

import qrcode
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.payment import utils as payment_utils
from odoo.addons.payment.controllers.post_processing import PaymentPostProcessing

from .. import const

_logger = logging.getLogger(__name__)

# Seconds between two queries of WeChat Pay triggered by the status page.
STATUS_PAGE_QUERY_INTERVAL = 15


class WechatpayController(http.Controller):
    @http.route(
        f"{const.NOTIFY_ROUTE}/<int:provider_id>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def wechatpay_notify(self, provider_id):
        """Receive a payment or refund notification of WeChat Pay.

        The signature is verified (platform certificate or WeChat Pay public key,
        timestamp at most 5 minutes old) and the resource decrypted before any
        transaction is looked up. WeChat Pay expects HTTP 200 for a notification
        taken, anything else makes it send the notification again.
        """
        provider = request.env["payment.provider"].sudo().browse(provider_id).exists()
        status, code, message = provider._wechatpay_receive_notification(
            request.httprequest.headers, request.httprequest.get_data(as_text=True)
        )
        return self._answer(status, code, message)

    @staticmethod
    def _answer(status, code, message):
        return request.make_json_response(
            {"code": code, "message": message}, status=status
        )

    @http.route(
        const.QR_ROUTE,
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def wechatpay_qr(self, reference=None, access_token=None, **kwargs):
        """Show the QR code of a Native order; the page polls the payment status."""
        if not reference or not payment_utils.check_access_token(
            access_token, reference
        ):
            raise NotFound()
        tx = (
            request.env["payment.transaction"]
            .sudo()
            .search(
                [("reference", "=", reference), ("provider_code", "=", "wechatpay")],
                limit=1,
            )
        )
        if not tx.wechatpay_code_url:
            raise NotFound()
        if tx.state not in ("draft", "pending"):
            return request.redirect("/payment/status")
        user_agent = request.httprequest.headers.get("User-Agent", "")
        # As Odoo's auth_totp does: the qrcode library, PNG as a data URI.
        image = io.BytesIO()
        qrcode.make(tx.wechatpay_code_url, box_size=8, border=2).save(
            image, format="PNG"
        )
        qr_src = "data:image/png;base64," + base64.b64encode(image.getvalue()).decode()
        return request.render(
            "payment_wechatpay.qr_page",
            {
                "tx": tx,
                "qr_src": qr_src,
                "in_wechat": const.WECHAT_UA_MARKER in user_agent,
            },
        )


class WechatpayPostProcessing(PaymentPostProcessing):
    @http.route()
    def poll_status(self, **kwargs):
        """Override of `payment` to ask WeChat Pay when the notification is late.

        While the customer waits on the QR code or status page, WeChat Pay is
        queried at most every 15 seconds, from 15 seconds after the order.
        """
        tx = self._get_monitored_transaction()
        if tx.provider_code == "wechatpay" and tx.state in ("draft", "pending"):
            now = time.time()
            last = request.session.get("wechatpay_last_query", 0)
            old_enough = tx.create_date <= fields.Datetime.now() - timedelta(
                seconds=STATUS_PAGE_QUERY_INTERVAL
            )
            if old_enough and now - last >= STATUS_PAGE_QUERY_INTERVAL:
                request.session["wechatpay_last_query"] = now
                try:
                    with request.env.cr.savepoint():
                        tx._wechatpay_query()
                except ValidationError as error:
                    _logger.info("WeChat Pay: status query failed: %s", error)
        return super().poll_status(**kwargs)
