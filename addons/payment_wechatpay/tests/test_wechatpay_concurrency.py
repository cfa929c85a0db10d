# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Identical notifications at the same moment, each in its own database transaction.

Not a TransactionCase: every notification runs on its own cursor and commits,
and is replayed on a serialization failure, as Odoo's HTTP dispatcher does for a
request (`odoo.service.model.retrying`; that function and real-cursor HTTP
requests wait for the registry lock the test runner holds, hence this loop and
no HTTP here: the route itself is tested in test_wechatpay.py). The data is
committed first and removed at the end.
"""

import random
import secrets
import threading
import time

from psycopg2 import OperationalError

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY
from odoo.tests import BaseCase, get_db_name, tagged

from odoo.addons.payment_wechatpay.tests import fake_wechatpay
from odoo.addons.payment_wechatpay.tests.common import APIV3_KEY, APP_ID, MCH_ID

PARALLEL = 4
MAX_TRIES = 5
PROVIDER_FIELDS = [
    "state",
    "wechatpay_mch_id",
    "wechatpay_app_id",
    "wechatpay_mch_serial_no",
    "wechatpay_mch_private_key",
    "wechatpay_apiv3_key",
    "wechatpay_platform_certificates",
    "wechatpay_public_key_id",
    "wechatpay_public_key",
    "wechatpay_api_url",
]


@tagged("post_install", "-at_install")
class TestWechatpayConcurrentNotifications(BaseCase):
    def test_parallel_identical_notifications_make_one_payment(self):
        registry = Registry(get_db_name())
        reference = f"PCS_RACE_{secrets.token_hex(4)}"
        merchant_key = fake_wechatpay.new_rsa_key()
        fake = fake_wechatpay.FakeWechatpay(
            MCH_ID, APP_ID, APIV3_KEY, merchant_key.public_key()
        )
        self.addCleanup(fake.stop)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            provider = env.ref("payment_wechatpay.payment_provider_wechatpay")
            saved = {
                name: value
                for name, value in provider.read(PROVIDER_FIELDS)[0].items()
                if name != "id"
            }
            cny = env.ref("base.CNY")
            cny_was_active = cny.active
            cny.active = True
            provider.write(
                {
                    "state": "test",
                    "wechatpay_mch_id": MCH_ID,
                    "wechatpay_app_id": APP_ID,
                    "wechatpay_mch_serial_no": "3775B6A45ACD588826D15E583A95F5DD2",
                    "wechatpay_mch_private_key": fake_wechatpay.private_pem(
                        merchant_key
                    ),
                    "wechatpay_apiv3_key": APIV3_KEY,
                    "wechatpay_platform_certificates": fake.certificate_pem,
                    "wechatpay_public_key_id": False,
                    "wechatpay_public_key": False,
                    "wechatpay_api_url": fake.url,
                }
            )
            partner = env["res.partner"].create({"name": "Concurrent Owner"})
            tx = env["payment.transaction"].create(
                {
                    "provider_id": provider.id,
                    "payment_method_id": env.ref(
                        "payment.payment_method_wechat_pay"
                    ).id,
                    "reference": reference,
                    "amount": 66.66,
                    "currency_id": cny.id,
                    "partner_id": partner.id,
                    "operation": "online_redirect",
                }
            )
            tx._get_processing_values()  # places the order at the fake
            ids = {"provider": provider.id, "partner": partner.id, "tx": tx.id}
            cr.commit()  # pylint: disable=invalid-commit
        try:
            body, headers = fake.notification(fake.pay(reference))
            barrier = threading.Barrier(PARALLEL)
            answers = []

            replays = []

            def notify():
                barrier.wait()
                with registry.cursor() as cr:
                    for _try in range(MAX_TRIES):
                        # The registry object is given: looking it up by name would
                        # wait for the registry lock that the test runner holds.
                        cr.transaction = api.Transaction(registry)
                        env = api.Environment(cr, SUPERUSER_ID, {})
                        provider = env["payment.provider"].browse(ids["provider"])
                        try:
                            status, code, _message = (
                                provider._wechatpay_receive_notification(headers, body)
                            )
                            env.flush_all()
                            cr.commit()  # pylint: disable=invalid-commit
                            break
                        except OperationalError as error:
                            if error.pgcode not in PG_CONCURRENCY_ERRORS_TO_RETRY:
                                raise
                            cr.rollback()
                            replays.append(error.pgcode)
                            time.sleep(random.uniform(0.0, 0.5))
                answers.append((status, code))

            threads = [threading.Thread(target=notify) for _i in range(PARALLEL)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            self.assertEqual(answers, [(200, "SUCCESS")] * PARALLEL)
            self.assertTrue(replays)  # the notifications did meet on the row lock
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                tx = env["payment.transaction"].browse(ids["tx"])
                payments = env["account.payment"].search(
                    [("payment_transaction_id", "=", tx.id)]
                )
                self.assertEqual(tx.state, "done")
                self.assertEqual(len(payments), 1)
                self.assertEqual(payments.amount, 66.66)
        finally:
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                tx = env["payment.transaction"].browse(ids["tx"])
                payments = env["account.payment"].search(
                    [("payment_transaction_id", "=", tx.id)]
                )
                payments.action_draft()
                payments.unlink()
                tx.unlink()
                env["res.partner"].browse(ids["partner"]).unlink()
                env["payment.provider"].browse(ids["provider"]).write(saved)
                env.ref("base.CNY").active = cny_was_active
                cr.commit()  # pylint: disable=invalid-commit
