import { View } from '@tarojs/components';
import type { RouterInputs } from '@dg/api';
import { checkMobile, maskMobile } from '@dg/policy';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { Btn, Field } from '../../components/ui';
import { toastOk } from '../../lib/toast';

type SmsPurpose = RouterInputs['auth']['requestSmsCode']['purpose'];

const RESEND_SECONDS = 60;

/**
 * The legal representative's SMS code, as binding and registering ask for it: `request` sends it (and shows the
 * development code when the SMS adapter is the development one), then the button waits a minute before resending.
 */
function useSmsCode(purpose: SmsPurpose) {
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

/**
 * The legal representative's mobile and SMS code, with the button that sends the code beside the page's own submit
 * button: what binding and registering an enterprise both end with.
 */
export function LegalRepVerification(props: {
  purpose: SmsPurpose;
  mobile: string;
  onMobile: (mobile: string) => void;
  smsCode: string;
  onSmsCode: (code: string) => void;
  busy: boolean;
  run: (work: () => Promise<unknown>) => Promise<void>;
  submit: { label: string; disabled: boolean; onClick: () => void };
}) {
  const sms = useSmsCode(props.purpose);
  const mobileCheck = props.mobile ? checkMobile(props.mobile) : null;
  return (
    <>
      <Field
        label="法定代表人手机号"
        value={props.mobile}
        type="number"
        maxlength={11}
        required
        warning={mobileCheck && !mobileCheck.ok ? mobileCheck.message : undefined}
        onInput={props.onMobile}
      />
      <Field
        label="短信验证码"
        value={props.smsCode}
        type="number"
        maxlength={6}
        required
        hint={sms.hint}
        onInput={props.onSmsCode}
      />
      <View className="dg-row">
        <Btn
          ghost
          disabled={sms.resendIn > 0}
          loading={props.busy}
          onClick={() => props.run(() => sms.request(props.mobile))}
        >
          {sms.buttonText}
        </Btn>
        <Btn disabled={props.submit.disabled} loading={props.busy} onClick={props.submit.onClick}>
          {props.submit.label}
        </Btn>
      </View>
    </>
  );
}
