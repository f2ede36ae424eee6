import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RouterInputs } from '@dg/api';
import { checkMobile, checkUscc } from '@dg/policy';
import { useState } from 'react';
import { adoptMe } from '../../../api/account';
import { api } from '../../../api/client';
import { SelectField } from '../../../components/inputs';
import { Card, Chips, Field, SectionTitle, SwitchRow } from '../../../components/ui';
import { categoryOptions, regionOptions } from '../../../lib/labels';
import { routes } from '../../../lib/routes';
import { toastOk } from '../../../lib/toast';
import { LegalRepVerification } from '../sms-code';
import { useBusy } from '../../../lib/use-busy';

type Registration = RouterInputs['enterprises']['register'];

/**
 * An enterprise not yet on the platform, registered by its legal representative's phone: the platform checks the
 * credit code's check character here and again on the server, and the SMS code proves the phone. The person
 * becomes the enterprise's administrator and can invite colleagues from the bind page.
 */
export default function RegisterEnterprisePage() {
  const [form, setForm] = useState<
    Omit<Registration, 'smsCode' | 'category' | 'townCode'> & {
      category: Registration['category'] | null;
      townCode: Registration['townCode'] | null;
    }
  >({
    uscc: '',
    name: '',
    category: null,
    townCode: null,
    industrial: true,
    legalRepName: '',
    legalRepMobile: '',
    address: '',
  });
  const [smsCode, setSmsCode] = useState('');
  const { busy, run } = useBusy();
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  const usccCheck = form.uscc ? checkUscc(form.uscc) : null;
  const mobileCheck = form.legalRepMobile ? checkMobile(form.legalRepMobile) : null;
  const complete =
    usccCheck?.ok &&
    mobileCheck?.ok &&
    form.name.trim().length >= 2 &&
    form.category !== null &&
    form.townCode !== null &&
    form.legalRepName.trim() !== '' &&
    smsCode.length === 6;

  const register = () =>
    run(async () => {
      if (!form.category || !form.townCode) throw new Error('请选择单位类别和所属镇街（园区）');
      const { address, ...rest } = form;
      await adoptMe(
        await api.enterprises.register.mutate({
          ...rest,
          category: form.category,
          townCode: form.townCode,
          ...(address?.trim() && { address: address.trim() }),
          smsCode,
        }),
      );
      toastOk('登记成功，您已成为企业管理员');
      Taro.switchTab({ url: routes.me });
    });

  return (
    <View className="dg-page">
      <SectionTitle>企业登记信息</SectionTitle>
      <Card>
        <Field
          label="统一社会信用代码"
          value={form.uscc}
          maxlength={18}
          required
          warning={usccCheck && !usccCheck.ok ? usccCheck.message : undefined}
          onInput={(v) => set({ uscc: v.toUpperCase() })}
        />
        <Field
          label="企业名称"
          value={form.name}
          maxlength={100}
          required
          hint="与营业执照一致"
          onInput={(name) => set({ name })}
        />
        <Chips
          label="单位类别"
          options={categoryOptions}
          value={form.category ?? undefined}
          onChange={(category) => set({ category })}
        />
        <SelectField
          label="所属镇街（园区）"
          required
          options={regionOptions}
          value={form.townCode}
          onChange={(townCode) => set({ townCode })}
        />
        <SwitchRow
          label="属于工业企业"
          checked={form.industrial}
          onChange={(industrial) => set({ industrial })}
        />
        <Field
          label="经营地址"
          value={form.address ?? ''}
          maxlength={200}
          onInput={(address) => set({ address })}
        />
      </Card>

      <SectionTitle>法定代表人</SectionTitle>
      <Card>
        <Field
          label="法定代表人姓名"
          value={form.legalRepName}
          maxlength={40}
          required
          onInput={(legalRepName) => set({ legalRepName })}
        />
        <LegalRepVerification
          purpose="register_enterprise"
          mobile={form.legalRepMobile}
          onMobile={(legalRepMobile) => set({ legalRepMobile })}
          smsCode={smsCode}
          onSmsCode={setSmsCode}
          busy={busy}
          run={run}
          submit={{ label: '提交登记', disabled: !complete, onClick: register }}
        />
        <Text className="dg-muted">信用状况（经营异常名录、严重失信名单）由审核人员核查后记录</Text>
      </Card>
    </View>
  );
}
