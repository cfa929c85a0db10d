# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class IrCron(models.Model):
    _inherit = "ir.cron"

    @api.model
    def _pcs_run_batch(
        self, model, domain, process, limit=200, order="id", finish=None
    ):
        """Run one batch of a scheduled job and report its progress.

        Takes at most ``limit`` items of work, hands them to ``process``, and
        reports ``_notify_progress(done=, remaining=)`` so that the cron
        runner commits and calls the job again while work remains. What is
        left is counted only when the batch was full.

        :param model: recordset searched when ``domain`` is a domain (usually
            ``self``; its user, company and context apply).
        :param domain: the work still to do, in one of three forms:

            - a search domain on ``model``; ``process`` must take the records
              out of it (set a flag, create the unique follow-up record...);
            - a callable ``fetch(limit)`` returning the next items (records
              or a list), at most ``limit``, all of them when ``limit`` is
              ``None`` (used to count what is left); for work found by SQL or
              computed in Python;
            - a dict ``{key: domain or fetch}`` worked through in order within
              the same batch (escalation kinds, companies, periods);
              ``process`` is then called as ``process(items, key)``.
        :param process: callable receiving the items of the batch.
        :param int limit: size of the batch.
        :param str order: order of the search (domains only).
        :param finish: optional callable, called without arguments in the
            run's last call (when this batch leaves no work): what the job
            does once per run, such as a digest of everything it did.  Work it
            cannot finish must stay findable by the next run (a flag), since
            an interrupted run never reaches it.
        :returns: the number of items processed in this call.

        Example::

            domain = [("is_overdue", "=", True), ("overdue_alerted", "=", False)]
            return self.env["ir.cron"]._pcs_run_batch(
                self, domain, lambda loans: loans._alert_overdue(), limit=limit
            )
        """
        keyed = isinstance(domain, dict)
        todo = domain if keyed else {None: domain}

        def fetch(work, size):
            if callable(work):
                return work(size)
            return model.search(work, limit=size, order=order)

        def count(work):
            if callable(work):
                return len(work(None))
            return model.search_count(work)

        done = 0
        full_at = None
        keys = list(todo)
        for index, key in enumerate(keys):
            room = limit - done
            items = fetch(todo[key], room)
            if len(items):
                if keyed:
                    process(items, key)
                else:
                    process(items)
                done += len(items)
            if len(items) >= room:
                full_at = index
                break
        remaining = 0
        if full_at is not None:
            remaining = sum(count(todo[key]) for key in keys[full_at:])
        if finish is not None and not remaining:
            finish()
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done
