import type { RouterInputs } from '@dg/api';
import { checkMobile, maskMobile } from '@dg/policy';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { toastOk } from '../../lib/toast';

type SmsPurpose = RouterInputs['auth']['requestSmsCode']['purpose'];

const RESEND_SECONDS = 60;

/**
 * The legal representative's SMS code, as binding and registering ask for it: `request` sends it (and shows the
 * development code when the SMS adapter is the development one), then the button waits a minute before resending.
 */
export function useSmsCode(purpose: SmsPurpose) {
  const [devCode, setDevCode] = useState<string | null>(null);
  const [resendIn, setResendIn] = useState(0);

  useEffect(() => {
    if (resendIn <= 0) return;
    const timer = setTimeout(() => setResendIn(resendIn - 1), 1000);
    return () => clearTimeout(timer);
  }, [resendIn]);

  const request = async (mobile: string) => {
    const checked = checkMobile(mobile);
    if (!checked.ok) throw new Error(mobile ? checked.message : '请输入法定代表人手机号');
    const reply = await api.auth.requestSmsCode.mutate({ mobile: checked.value, purpose });
    setDevCode(reply.devCode);
    setResendIn(RESEND_SECONDS);
    toastOk(`验证码已发送至 ${maskMobile(checked.value)}`);
  };

  return {
    request,
    resendIn,
    /** The button's text: 获取验证码, or the seconds left before it can be sent again. */
    buttonText: resendIn > 0 ? `${resendIn} 秒后可重发` : '获取验证码',
    /** Shown under the code field when the development adapter sent it. */
    hint: devCode ? `开发环境验证码：${devCode}` : undefined,
  };
}
