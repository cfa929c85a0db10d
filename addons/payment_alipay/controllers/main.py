# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import time
from datetime import timedelta

from odoo import fields, http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.payment.controllers.post_processing import PaymentPostProcessing

from .. import const

_logger = logging.getLogger(__name__)

STATUS_PAGE_QUERY_INTERVAL = 15


class AlipayController(http.Controller):
    @http.route(
        f"{const.NOTIFY_ROUTE}/<int:provider_id>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def alipay_notify(self, provider_id, **data):
        """Receive an asynchronous notification (trade_status_sync) of Alipay.

        The RSA2 signature is verified before any transaction is looked up. Alipay
        expects the plain text ``success``; anything else makes it send the
        notification again (8 times over 25 hours).
        """
        provider = request.env["payment.provider"].sudo().browse(provider_id).exists()
        status, text = provider._alipay_receive_notification(data)
        return self._answer(text, status)

    @staticmethod
    def _answer(text, status=200):
        return request.make_response(
            text, headers=[("Content-Type", "text/plain")], status=status
        )

    @http.route(
        f"{const.RETURN_ROUTE}/<int:provider_id>",
        type="http",
        auth="public",
        methods=["GET"],
        save_session=False,
    )
    def alipay_return(self, provider_id, **data):
        """The customer comes back from Alipay's cashier.

        The return parameters carry no payment state: when they are signed by
        Alipay, the trade is queried at once; the status page does the rest.
        """
        provider = request.env["payment.provider"].sudo().browse(provider_id).exists()
        if (
            provider
            and provider.code == "alipay"
            and data.get("out_trade_no")
            and provider._alipay_verify_notification(data)
        ):
            tx = (
                request.env["payment.transaction"]
                .sudo()
                .search(
                    [
                        ("reference", "=", data["out_trade_no"]),
                        ("provider_id", "=", provider.id),
                        ("state", "in", ("draft", "pending")),
                    ],
                    limit=1,
                )
            )
            if tx:
                try:
                    with request.env.cr.savepoint():
                        tx._alipay_query()
                except ValidationError as error:
                    _logger.info("Alipay: query on return failed: %s", error)
        return request.redirect("/payment/status")


class AlipayPostProcessing(PaymentPostProcessing):
    @http.route()
    def poll_status(self, **kwargs):
        """Override of `payment` to ask Alipay when the notification is late."""
        tx = self._get_monitored_transaction()
        if tx.provider_code == "alipay" and tx.state in ("draft", "pending"):
            now = time.time()
            last = request.session.get("alipay_last_query", 0)
            old_enough = tx.create_date <= fields.Datetime.now() - timedelta(
                seconds=STATUS_PAGE_QUERY_INTERVAL
            )
            if old_enough and now - last >= STATUS_PAGE_QUERY_INTERVAL:
                request.session["alipay_last_query"] = now
                try:
                    with request.env.cr.savepoint():
                        tx._alipay_query()
                except ValidationError as error:
                    _logger.info("Alipay: status query failed: %s", error)
        return super().poll_status(**kwargs)
