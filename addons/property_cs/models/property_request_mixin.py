# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class PropertyRequestMixin(models.AbstractModel):
    """Turns a finding into a service request.

    The single entry point ``_property_create_request`` creates a plain
    ``helpdesk.ticket`` today; the service desk addon points it at its richer
    API (request types, clocks, dispatch) by overriding this one method.
    """

    _name = "property.request.mixin"
    _description = "Service Request Creation"

    @api.model
    def _property_create_request(self, vals):
        """Create a service request from ``vals``.

        ``vals`` keys: name, description, partner_id, unit_id, project_id,
        company_id. Keys unknown to the ticket model are dropped.
        """
        Ticket = self.env["helpdesk.ticket"].sudo()
        ticket_vals = {
            key: value
            for key, value in vals.items()
            if key in Ticket._fields and value not in (None,)
        }
        ticket_vals.setdefault("description", vals.get("name"))
        return Ticket.create(ticket_vals).sudo(False)
