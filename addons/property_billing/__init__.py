from . import models
from . import report
from . import wizards


def post_init_hook(env):
    """Fee journals of the companies and projects that exist already."""
    env["res.company"].search([])._pcs_create_fee_journals()
