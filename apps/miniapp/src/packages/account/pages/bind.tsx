import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { checkMobile, checkUscc, formatChineseDate, shanghaiDate } from '@dg/policy';
import { useState } from 'react';
import { adoptMe, useMe } from '../../../api/account';
import { api } from '../../../api/client';
import { Alert, Btn, Card, Field, SectionTitle } from '../../../components/ui';
import { routes } from '../../../lib/routes';
import { toastOk } from '../../../lib/toast';
import { LegalRepVerification } from '../sms-code';
import { useBusy } from '../../../lib/use-busy';

export default function BindPage() {
  const me = useMe();
  const [uscc, setUscc] = useState('');
  const [mobile, setMobile] = useState('');
  const [smsCode, setSmsCode] = useState('');
  const [inviteCode, setInviteCode] = useState('');
  const [issuedInvite, setIssuedInvite] = useState<{ code: string; expiresAt: string } | null>(null);
  const { busy, run } = useBusy();

  const usccCheck = uscc ? checkUscc(uscc) : null;
  const mobileCheck = mobile ? checkMobile(mobile) : null;
  const active = me?.enterprises.find((e) => e.enterpriseId === me.activeEnterpriseId);

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
        <LegalRepVerification
          purpose="bind_enterprise"
          mobile={mobile}
          onMobile={setMobile}
          smsCode={smsCode}
          onSmsCode={setSmsCode}
          busy={busy}
          run={run}
          submit={{
            label: '绑定',
            disabled: !usccCheck?.ok || !mobileCheck?.ok || smsCode.length !== 6,
            onClick: bind,
          }}
        />
      </Card>

      <SectionTitle>企业还未在平台登记</SectionTitle>
      <Card>
        <Text className="dg-muted">由法定代表人手机验证后登记企业信息，您将成为企业管理员</Text>
        <Btn ghost onClick={() => Taro.navigateTo({ url: routes.registerEnterprise })}>
          登记新企业
        </Btn>
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
