import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { checkMobile, checkUscc, formatChineseDate, maskMobile, shanghaiDate } from '@dg/policy';
import { useEffect, useState } from 'react';
import { adoptMe, useMe } from '../../../api/account';
import { api } from '../../../api/client';
import { Alert, Btn, Card, Field, SectionTitle } from '../../../components/ui';
import { toastError, toastOk } from '../../../lib/toast';

const RESEND_SECONDS = 60;

export default function BindPage() {
  const me = useMe();
  const [uscc, setUscc] = useState('');
  const [mobile, setMobile] = useState('');
  const [smsCode, setSmsCode] = useState('');
  const [devCode, setDevCode] = useState<string | null>(null);
  const [resendIn, setResendIn] = useState(0);
  const [inviteCode, setInviteCode] = useState('');
  const [issuedInvite, setIssuedInvite] = useState<{ code: string; expiresAt: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (resendIn <= 0) return;
    const timer = setTimeout(() => setResendIn(resendIn - 1), 1000);
    return () => clearTimeout(timer);
  }, [resendIn]);

  const usccCheck = uscc ? checkUscc(uscc) : null;
  const mobileCheck = mobile ? checkMobile(mobile) : null;
  const active = me?.enterprises.find((e) => e.enterpriseId === me.activeEnterpriseId);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  const requestCode = () =>
    run(async () => {
      if (!mobileCheck?.ok) throw new Error(mobileCheck?.message ?? '请输入法定代表人手机号');
      const reply = await api.auth.requestSmsCode.mutate({
        mobile: mobileCheck.value,
        purpose: 'bind_enterprise',
      });
      setDevCode(reply.devCode);
      setResendIn(RESEND_SECONDS);
      toastOk(`验证码已发送至 ${maskMobile(mobileCheck.value)}`);
    });

  const bind = () =>
    run(async () => {
      await adoptMe(await api.enterprises.bind.mutate({ uscc, legalRepMobile: mobile, smsCode }));
      toastOk('绑定成功');
      Taro.navigateBack();
    });

  const accept = () =>
    run(async () => {
      await adoptMe(await api.enterprises.acceptInvite.mutate({ code: inviteCode }));
      toastOk('已加入企业');
      Taro.navigateBack();
    });

  const invite = () =>
    run(async () => {
      setIssuedInvite(await api.enterprises.invite.mutate());
    });

  return (
    <View className="dg-page">
      <SectionTitle>以法定代表人身份绑定企业</SectionTitle>
      <Card>
        <Field
          label="统一社会信用代码"
          value={uscc}
          maxlength={18}
          required
          warning={usccCheck && !usccCheck.ok ? usccCheck.message : undefined}
          onInput={(v) => setUscc(v.toUpperCase())}
        />
        <Field
          label="法定代表人手机号"
          value={mobile}
          type="number"
          maxlength={11}
          required
          warning={mobileCheck && !mobileCheck.ok ? mobileCheck.message : undefined}
          onInput={setMobile}
        />
        <Field
          label="短信验证码"
          value={smsCode}
          type="number"
          maxlength={6}
          required
          hint={devCode ? `开发环境验证码：${devCode}` : undefined}
          onInput={setSmsCode}
        />
        <View className="dg-row">
          <Btn ghost disabled={resendIn > 0} loading={busy} onClick={requestCode}>
            {resendIn > 0 ? `${resendIn} 秒后可重发` : '获取验证码'}
          </Btn>
          <Btn
            disabled={!usccCheck?.ok || !mobileCheck?.ok || smsCode.length !== 6}
            loading={busy}
            onClick={bind}
          >
            绑定
          </Btn>
        </View>
      </Card>

      <SectionTitle>凭同事的邀请码加入企业</SectionTitle>
      <Card>
        <Field label="邀请码" value={inviteCode} onInput={(v) => setInviteCode(v.trim())} />
        <Btn ghost disabled={inviteCode.length < 6} loading={busy} onClick={accept}>
          加入企业
        </Btn>
      </Card>

      {active?.memberRole === 'owner' && (
        <>
          <SectionTitle>邀请同事加入{active.name}</SectionTitle>
          <Card>
            {issuedInvite ? (
              <Alert tone="ok" title={`邀请码：${issuedInvite.code}`}>
                <Text>
                  请在 {formatChineseDate(shanghaiDate(new Date(issuedInvite.expiresAt)))} 前使用，一次有效
                </Text>
              </Alert>
            ) : (
              <Text className="dg-muted">生成一次性邀请码，同事登录后在本页输入即可加入</Text>
            )}
            <Btn ghost loading={busy} onClick={invite}>
              生成邀请码
            </Btn>
          </Card>
        </>
      )}
    </View>
  );
}
