-- disable the WeChat Pay keys of a neutralized (copied) database
UPDATE payment_provider
   SET wechatpay_mch_private_key = NULL,
       wechatpay_apiv3_key = NULL;
