import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { yearsWithHolidayData } from '@dg/policy';
import { api, ErrorAlert } from '@dg/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  type ArrangementValues,
  checkArrangement,
  FESTIVALS,
  type HolidayYear,
  toFormValues,
} from './arrangement';

/** What the modal is for: a new year (its suggested year), or correcting an entered one. */
export type Editing = { kind: 'new'; year: number } | { kind: 'correct'; entry: HolidayYear };

const festivalOptions = FESTIVALS.map((name) => ({ value: name }));
/** The weekday beside the date: make-up working days are always a Saturday or a Sunday. Typed dates need no weekday. */
const DATE_FORMAT = ['YYYY-MM-DD ddd', 'YYYY-MM-DD'];

/** Entering a year's arrangement from the State Council's notice, or correcting one entered before (admin only). */
export function HolidayArrangementModal({
  editing,
  years,
  onClose,
}: {
  editing: Editing | null;
  /** The years the calendar already covers, as listed. */
  years: HolidayYear[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<ArrangementValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const correcting = editing?.kind === 'correct' ? editing.entry : null;
  const year = Form.useWatch('year', form);
  // The pickers open on January of the year being entered.
  const pickerYear = year ?? correcting?.year ?? (editing?.kind === 'new' ? editing.year : undefined);
  const pickerMonth = pickerYear ? dayjs(`${pickerYear}-01-01`) : undefined;

  const save = useMutation({
    mutationFn: (input: Parameters<typeof api.calendar.saveHolidayArrangement.mutate>[0]) =>
      api.calendar.saveHolidayArrangement.mutate(input),
    onSuccess: (saved) => {
      message.success(`已保存 ${saved.year} 年节假日安排`);
      queryClient.invalidateQueries({ queryKey: ['calendar.holidayYears'] });
      onClose();
    },
  });

  const submit = (values: ArrangementValues) => {
    const checked = checkArrangement(values);
    if (!checked.ok) {
      form.setFields(checked.fields);
      return;
    }
    save.mutate({ arrangement: checked.arrangement, version: correcting?.version ?? undefined });
  };

  const initialValues: Partial<ArrangementValues> = correcting?.arrangement
    ? toFormValues(correcting.arrangement)
    : {
        year: editing?.kind === 'new' ? editing.year : undefined,
        holidays: [{ name: '', from: null, to: null }],
        makeUpWorkdays: [],
      };

  return (
    <Modal
      open={editing !== null}
      title={correcting ? `修改 ${correcting.year} 年节假日安排` : '录入节假日安排'}
      width={760}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        请按国务院办公厅当年的节假日安排通知逐项录入：放假时段按通知的起止日期填写（含周末），调休上班日为通知中“上班”的周六、周日。保存后，公示期将按此计算工作日。
      </Typography.Paragraph>
      <Form<ArrangementValues>
        form={form}
        name="holiday-arrangement"
        layout="vertical"
        clearOnDestroy
        initialValues={initialValues}
        onFinish={submit}
      >
        <Form.Item
          name="year"
          label="年份"
          rules={[
            { required: true, message: '请填写年份' },
            {
              validator: (_, value: number | null) =>
                !correcting && years.some((y) => y.year === value && y.origin === 'entered')
                  ? Promise.reject(new Error(`${value} 年已录入，请在列表中点“修改”`))
                  : Promise.resolve(),
            },
          ]}
        >
          <InputNumber min={2000} max={2100} precision={0} disabled={correcting !== null} />
        </Form.Item>
        {!correcting && year !== undefined && year !== null && yearsWithHolidayData.includes(year) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={`${year} 年已有内置数据；录入后将以录入的安排为准，替换该年的内置数据。`}
          />
        )}
        <Form.Item
          name="source"
          label="依据通知（名称和文号）"
          rules={[{ required: true, whitespace: true, message: '请填写依据的通知名称和文号' }]}
        >
          <Input
            maxLength={200}
            placeholder="如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号）"
          />
        </Form.Item>

        <Typography.Text strong>放假时段</Typography.Text>
        <Form.List
          name="holidays"
          rules={[
            {
              validator: (_, list: unknown[] | undefined) =>
                list && list.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error('请至少填写一个放假时段')),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8, marginBottom: 16 }} data-testid="holiday-periods">
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="start">
                  <FestivalField name={[field.name, 'name']} label={`第 ${i + 1} 个放假时段的节日名称`} />
                  <DateField
                    name={[field.name, 'from']}
                    label={`第 ${i + 1} 个放假时段的开始日期`}
                    placeholder="开始日期"
                    pickerMonth={pickerMonth}
                  />
                  <span style={{ lineHeight: '32px' }}>至</span>
                  <DateField
                    name={[field.name, 'to']}
                    label={`第 ${i + 1} 个放假时段的结束日期`}
                    placeholder="结束日期"
                    pickerMonth={pickerMonth}
                  />
                  <RemoveButton label={`删除第 ${i + 1} 个放假时段`} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', from: null, to: null })}
              >
                添加放假时段
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>

        <Typography.Text strong>调休上班日</Typography.Text>
        <Form.List name="makeUpWorkdays">
          {(fields, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8 }} data-testid="make-up-workdays">
              {fields.length === 0 && (
                <Typography.Paragraph type="secondary">通知未安排调休上班的，此项留空。</Typography.Paragraph>
              )}
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="start">
                  <FestivalField name={[field.name, 'name']} label={`第 ${i + 1} 个调休上班日的节日名称`} />
                  <DateField
                    name={[field.name, 'date']}
                    label={`第 ${i + 1} 个调休上班日的日期`}
                    placeholder="上班日期（周六或周日）"
                    pickerMonth={pickerMonth}
                  />
                  <RemoveButton label={`删除第 ${i + 1} 个调休上班日`} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', date: null })}>
                添加调休上班日
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
      </Form>
      <ErrorAlert error={save.error} style={{ marginTop: 16 }} />
    </Modal>
  );
}

/** A row's festival name: free text, the statutory festivals offered. */
function FestivalField({ name, label }: { name: (string | number)[]; label: string }) {
  return (
    <Form.Item
      name={name}
      rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]}
      style={{ width: 160 }}
    >
      <AutoComplete options={festivalOptions} placeholder="节日名称" aria-label={label} />
    </Form.Item>
  );
}

/** A row's date, its picker opening on January of the year being entered. */
function DateField({
  name,
  label,
  placeholder,
  pickerMonth,
}: {
  name: (string | number)[];
  label: string;
  placeholder: string;
  pickerMonth: Dayjs | undefined;
}) {
  return (
    <Form.Item name={name} rules={[{ required: true, message: `请选择${placeholder}` }]} style={{ flex: 1 }}>
      <DatePicker
        format={DATE_FORMAT}
        defaultPickerValue={pickerMonth}
        placeholder={placeholder}
        aria-label={label}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return <Button type="text" icon={<DeleteOutlined />} aria-label={label} onClick={onClick} />;
}
