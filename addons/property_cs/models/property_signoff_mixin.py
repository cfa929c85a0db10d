# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class PropertySignoffMixin(models.AbstractModel):
    """A document moved through its steps one by one and signed by the owner
    at the end (dispatch orders, rectification records).

    ``_pcs_step`` checks that every record is in one of the states a step
    starts from and, for the closing step, that the owner signed; then writes
    the step's values.
    """

    _name = "property.signoff.mixin"
    _description = "Document Signed Off Step by Step"

    owner_signature = fields.Binary(copy=False, attachment=True)

    def _pcs_step(self, from_states, values, signed=False):
        """Move ``self`` from ``from_states`` to ``values`` (a dict with the new
        ``state`` and the step's time stamps)."""
        wrong = self.filtered(lambda r: r.state not in from_states)
        if wrong:
            raise UserError(
                self.env._(
                    "%s is not in the right state for this step.",
                    ", ".join(wrong.mapped("display_name")),
                )
            )
        unsigned = self.filtered(lambda r: not r.owner_signature) if signed else ()
        if unsigned:
            raise UserError(
                self.env._(
                    "The owner must sign %s first.",
                    ", ".join(unsigned.mapped("display_name")),
                )
            )
        return self.write(values)
