# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .mail_thread import per_record


class MailActivityMixin(models.AbstractModel):
    _inherit = "mail.activity.mixin"

    def _pcs_schedule_activities(
        self,
        activity_type,
        user=None,
        summary=None,
        date_deadline=None,
        note=None,
        notify=False,
    ):
        """Schedule one activity on each record of ``self`` in a single create.

        Batch jobs use it for their reminders: one ``mail.activity`` create,
        with ``mail_activity_quick_update`` (no "assigned to you" mail per
        activity) unless ``notify`` is set.

        :param activity_type: ``mail.activity.type`` record or its xmlid.
        :param user: ``res.users`` (record or id), or a callable
            ``user(record)``, or a dict ``{record.id: user}``; a record whose
            user is empty gets the type's default user, else the current one
            (the cron's user in a job), as ``activity_schedule`` does.
        :param summary: text, or a callable / dict per record; default: the
            type's summary. A callable gets the record in the language of the
            activity's user (write its text with ``record.env._``): the
            assignee reads it, whoever scheduled it.
        :param date_deadline: date, or a callable / dict per record; default:
            today in the user's time zone.
        :param note: HTML note (or a callable / dict); default: the type's.
        :param bool notify: send the assignment notification as
            ``activity_schedule`` would (for a single request that somebody
            must approve).
        :returns: the created ``mail.activity`` records.

        Example::

            tickets._pcs_schedule_activities(
                "property_cs.mail_activity_ticket_followup",
                user=lambda t: t.pcs_accountable_user_id or t.user_id,
                summary=lambda t: t.env._("Follow up with the owner today"),
            )
        """
        if not self or self.env.context.get("mail_activity_automation_skip"):
            return self.env["mail.activity"]
        if isinstance(activity_type, str):
            activity_type = self.env.ref(activity_type)
        today = fields.Date.context_today(self)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        Users = self.env["res.users"]
        for record in self:
            assignee = per_record(user, record)
            if isinstance(assignee, models.BaseModel):
                assignee = assignee.id
            assignee = assignee or activity_type.default_user_id.id or self.env.uid
            # The assignee reads the summary: in their language, else the
            # company's.
            lang = Users.browse(assignee).sudo().lang or record._pcs_lang()
            localized = record.with_context(lang=lang)
            local_type = activity_type.with_context(lang=lang)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "summary": per_record(summary, localized) or local_type.summary,
                    "note": per_record(note, localized) or local_type.default_note,
                    "date_deadline": per_record(date_deadline, record) or today,
                    "user_id": assignee,
                }
            )
        Activity = self.env["mail.activity"]
        if not notify:
            Activity = Activity.with_context(mail_activity_quick_update=True)
        return Activity.create(vals_list)
