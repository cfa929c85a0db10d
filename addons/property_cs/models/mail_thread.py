# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


def per_record(value, record):
    """``value`` for ``record``: called when callable, looked up by id in a
    dict, else the value itself (the bulk helpers' per-record arguments)."""
    if callable(value):
        return value(record)
    if isinstance(value, dict):
        return value.get(record.id)
    return value


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _creation_message(self):
        """ "Owner Archive created" in the company's language, not in the
        language of whoever (or whichever job) created the record."""
        if self._name.startswith("property.") or self._name == "helpdesk.ticket":
            record = self._pcs_in_company_lang()
            if record is not self:
                return super(MailThread, record)._creation_message()
        return super()._creation_message()

    def _pcs_notify(
        self, body, partners, message_type="notification", subtype="mail.mt_note"
    ):
        """Post a note on each record of ``self`` to ``partners``.

        Used by batch jobs (escalations, overdue alerts): the mails are queued,
        a job never waits for the mail server.

        :param body: text, or a callable ``body(record)`` / dict by id; a
            callable gets the record in its company's language (write its
            text with ``record.env._``), the message being read by everyone.
        :param partners: ``res.partner`` records, or a callable / dict giving
            them per record.
        :returns: the posted messages.

        Example::

            loans._pcs_notify(
                lambda loan: loan.env._("Keys %s overdue", loan.key_set_id.name),
                lambda loan: loan.project_id.user_ids.partner_id,
            )
        """
        messages = self.env["mail.message"]
        for record in self.with_context(mail_notify_force_send=False):
            recipients = per_record(partners, record)
            text = (
                body(record._pcs_in_company_lang())
                if callable(body)
                else per_record(body, record)
            )
            messages |= record.message_post(
                body=text,
                partner_ids=recipients.ids if recipients else [],
                message_type=message_type,
                subtype_xmlid=subtype,
            )
        return messages
