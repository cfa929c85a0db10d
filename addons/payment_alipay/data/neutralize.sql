-- disable the Alipay keys of a neutralized (copied) database
UPDATE payment_provider
   SET alipay_app_private_key = NULL;
