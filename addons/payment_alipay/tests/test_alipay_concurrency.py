# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Identical Alipay notifications at the same moment, each in its own transaction.

As payment_wechatpay's test_wechatpay_concurrency: every notification runs on its
own cursor, commits, and is replayed on a serialization failure like Odoo's HTTP
dispatcher does for a request. The data is committed first and removed at the end.
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

from odoo.addons.payment_alipay.tests import fake_alipay
from odoo.addons.payment_alipay.tests.common import APP_ID, SELLER_ID

PARALLEL = 4
MAX_TRIES = 5
PROVIDER_FIELDS = [
    "state",
    "alipay_app_id",
    "alipay_app_private_key",
    "alipay_public_key",
    "alipay_seller_id",
    "alipay_gateway_url",
]


@tagged("post_install", "-at_install")
class TestAlipayConcurrentNotifications(BaseCase):
    def test_parallel_identical_notifications_make_one_payment(self):
        registry = Registry(get_db_name())
        reference = f"PCS_RACE_{secrets.token_hex(4)}"
        app_key = fake_alipay.new_rsa_key()
        fake = fake_alipay.FakeAlipay(APP_ID, app_key.public_key(), SELLER_ID)
        self.addCleanup(fake.stop)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            provider = env.ref("payment_alipay.payment_provider_alipay")
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
                    "alipay_app_id": APP_ID,
                    "alipay_app_private_key": fake_alipay.private_pem(app_key),
                    "alipay_public_key": fake_alipay.public_pem(fake.alipay_key),
                    "alipay_seller_id": SELLER_ID,
                    "alipay_gateway_url": fake.url,
                }
            )
            partner = env["res.partner"].create({"name": "Concurrent Owner"})
            tx = env["payment.transaction"].create(
                {
                    "provider_id": provider.id,
                    "payment_method_id": env.ref("payment.payment_method_alipay").id,
                    "reference": reference,
                    "amount": 66.66,
                    "currency_id": cny.id,
                    "partner_id": partner.id,
                    "operation": "online_redirect",
                }
            )
            ids = {"provider": provider.id, "partner": partner.id, "tx": tx.id}
            cr.commit()  # pylint: disable=invalid-commit
        try:
            fake.pay(reference, "66.66")
            params = fake.notification(reference)
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
                            answer = provider._alipay_receive_notification(dict(params))
                            env.flush_all()
                            cr.commit()  # pylint: disable=invalid-commit
                            break
                        except OperationalError as error:
                            if error.pgcode not in PG_CONCURRENCY_ERRORS_TO_RETRY:
                                raise
                            cr.rollback()
                            replays.append(error.pgcode)
                            time.sleep(random.uniform(0.0, 0.5))
                answers.append(answer)

            threads = [threading.Thread(target=notify) for _i in range(PARALLEL)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            self.assertEqual(answers, [(200, "success")] * PARALLEL)
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
