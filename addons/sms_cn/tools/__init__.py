from .sms_cn_api import (
    SmsCnTransportError,
    match_template,
    normalize_cn_mobile,
    render_template,
    template_variables,
)
