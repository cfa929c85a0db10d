from .tencentcloud_api import TencentCloudSmsClient, sign_tc3
