import { createHash, createHmac } from 'node:crypto';

// Sending SMS verification codes. The real adapter is Tencent Cloud SMS (API 3.0, TC3-HMAC-SHA256 signing);
// without credentials the development adapter logs the code (and the API may return it in development).

export interface SmsSender {
  readonly name: string;
  /** `true` when codes are not really sent (the API then returns them to the caller in development). */
  readonly revealsCodes: boolean;
  sendCode(mobile: string, code: string): Promise<void>;
}

export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  region?: string;
}

function sha256(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}
function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** https://cloud.tencent.com/document/product/382/55981 (SendSms) with the TC3-HMAC-SHA256 signature. */
export function createTencentSmsSender(config: TencentSmsConfig, fetchImpl: typeof fetch = fetch): SmsSender {
  const host = 'sms.tencentcloudapi.com';
  const service = 'sms';
  return {
    name: 'tencent-cloud',
    revealsCodes: false,
    async sendCode(mobile, code) {
      const payload = JSON.stringify({
        PhoneNumberSet: [`+86${mobile}`],
        SmsSdkAppId: config.sdkAppId,
        SignName: config.signName,
        TemplateId: config.templateId,
        TemplateParamSet: [code],
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
      const canonicalRequest = [
        'POST',
        '/',
        '',
        `content-type:application/json; charset=utf-8\nhost:${host}\n`,
        'content-type;host',
        sha256(payload),
      ].join('\n');
      const scope = `${date}/${service}/tc3_request`;
      const stringToSign = ['TC3-HMAC-SHA256', timestamp, scope, sha256(canonicalRequest)].join('\n');
      const signingKey = hmac(hmac(hmac(`TC3${config.secretKey}`, date), service), 'tc3_request');
      const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
      const response = await fetchImpl(`https://${host}`, {
        method: 'POST',
        signal: AbortSignal.timeout(5000),
        headers: {
          Authorization: `TC3-HMAC-SHA256 Credential=${config.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
          'Content-Type': 'application/json; charset=utf-8',
          Host: host,
          'X-TC-Action': 'SendSms',
          'X-TC-Version': '2021-01-11',
          'X-TC-Timestamp': String(timestamp),
          'X-TC-Region': config.region ?? 'ap-guangzhou',
        },
        body: payload,
      });
      const reply = (await response.json()) as {
        Response?: {
          Error?: { Code: string; Message: string };
          SendStatusSet?: { Code: string; Message: string }[];
        };
      };
      const error = reply.Response?.Error ?? reply.Response?.SendStatusSet?.find((s) => s.Code !== 'Ok');
      if (!response.ok || error)
        throw new Error(`Tencent SMS failed: ${error?.Code ?? response.status} ${error?.Message ?? ''}`);
    },
  };
}

/** Development: the code is written to the log instead of being sent. */
export function createDevSmsSender(log: (message: string) => void): SmsSender {
  return {
    name: 'development',
    revealsCodes: true,
    async sendCode(mobile, code) {
      log(`[dev SMS] verification code for ${mobile}: ${code}`);
    },
  };
}
