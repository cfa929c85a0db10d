# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    pcs_project_ids = fields.Many2many(
        "property.project",
        "property_project_res_users_rel",
        "user_id",
        "project_id",
        string="Property Projects",
        help="Projects whose units, owners and requests this user works on.",
    )
    pcs_phone_lookup_date = fields.Datetime(
        string="Last Phone Look-up",
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="Technical: written by every search by a full phone number, so "
        "that one user's look-ups are counted one after the other.",
    )
    pcs_allowed_project_ids = fields.Many2many(
        "property.project",
        string="Visible Projects",
        compute="_compute_pcs_allowed_project_ids",
        compute_sudo=True,
    )

    @api.depends("pcs_project_ids", "groups_id")
    def _compute_pcs_allowed_project_ids(self):
        Project = self.env["property.project"].sudo().with_context(active_test=False)
        for user in self:
            if user.has_group("property_cs.group_all_projects"):
                user.pcs_allowed_project_ids = Project.search(
                    [("company_id", "in", user.company_ids.ids)]
                )
            else:
                user.pcs_allowed_project_ids = user.pcs_project_ids

    @api.ondelete(at_uninstall=False)
    def _unlink_except_access_log(self):
        """The access log is evidence: what it is about stays."""
        self.env["property.archive.access.log"]._pcs_check_evidence(self)

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + [
            "pcs_project_ids",
            "pcs_allowed_project_ids",
        ]

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._pcs_set_home_action()
        return users

    def write(self, vals):
        res = super().write(vals)
        if "pcs_project_ids" in vals:
            self.env.registry.clear_cache()
        if any(
            key.startswith(("groups_id", "in_group_", "sel_groups_")) for key in vals
        ):
            self._pcs_set_home_action()
        return res

    def _pcs_set_home_action(self):
        """Zone managers (and the roles above them) start their day in the
        property app, on their open requests, instead of Discuss: their home
        action, unless one was chosen already. Administrators keep theirs."""
        action = self.env.ref(
            "property_cs.helpdesk_ticket_my_work_action", raise_if_not_found=False
        )
        if not action:
            return
        users = self.sudo().filtered(
            lambda u: not u.action_id
            and not u.share
            and u.has_group("property_cs.group_zone_manager")
            and not u.has_group("base.group_system")
        )
        if users:
            users.write({"action_id": action.id})
