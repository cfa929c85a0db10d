# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class PropertyRequestMixin(models.AbstractModel):
    """Turns another document into a service request (``helpdesk.ticket``).

    Every document that raises a request (findings of patrols and vacant-unit
    visits, handover defects, service problems noted in other addons) goes
    through the one entry point ``_property_create_request``: unit, project,
    channel, category and first-contact owner are set the same way
    everywhere, and the request's clocks start at once.
    """

    _name = "property.request.mixin"
    _description = "Service Request Creation"

    @api.model
    def _property_create_request(self, vals):
        """Create a service request from ``vals``.

        ``vals`` keys: name, description, partner_id, unit_id, project_id,
        company_id, and any ``helpdesk.ticket`` field (e.g. ``pcs_category``,
        ``pcs_channel``). Defaults: channel "internal" (found by staff),
        category "rectification" for a unit and "common_repair" otherwise,
        the current user accountable, the name as description. A key that is
        not a ``helpdesk.ticket`` field (other than ``unit_id`` and
        ``project_id``) is a programming error and raises ``ValueError``:
        nothing is dropped silently.
        """
        vals = dict(vals)
        unit_id = vals.pop("unit_id", False)
        project_id = vals.pop("project_id", False)
        if unit_id:
            vals["pcs_unit_id"] = unit_id
        if project_id:
            vals["pcs_project_id"] = project_id
        vals.setdefault("pcs_channel", "internal")
        vals.setdefault("pcs_category", "rectification" if unit_id else "common_repair")
        vals.setdefault("pcs_accountable_user_id", self.env.user.id)
        vals.setdefault("description", vals.get("name"))
        Ticket = self.env["helpdesk.ticket"].sudo()
        unknown = sorted(set(vals) - set(Ticket._fields))
        if unknown:
            raise ValueError(f"Not fields of a service request: {', '.join(unknown)}")
        ticket_vals = {key: value for key, value in vals.items() if value is not None}
        return Ticket.create(ticket_vals).sudo(False)
