from .aliyun_api import AliyunSmsClient, canonical_query, sign_v3
