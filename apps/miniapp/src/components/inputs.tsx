import { Picker, Text, View } from '@tarojs/components';
import {
  type Fen,
  fenToYuanText,
  formatChineseDate,
  formatYuan,
  type IsoDate,
  yuanTextToFen,
} from '@dg/policy';
import { useState } from 'react';
import { Field } from './ui';

/** A yuan amount typed as text and handed on as fen; the text stays as typed while it is being edited. */
export function AmountField(props: {
  label: string;
  fen: Fen | null;
  onChange: (fen: Fen | null) => void;
  required?: boolean;
  hint?: string;
  warning?: string;
  error?: string;
}) {
  const [text, setText] = useState(props.fen === null ? '' : fenToYuanText(props.fen));
  const parsed = yuanTextToFen(text) ?? null;
  const invalid = text !== '' && parsed === null;
  return (
    <Field
      label={`${props.label}（元）`}
      value={text}
      type="digit"
      placeholder="0.00"
      required={props.required}
      hint={parsed !== null ? `${formatYuan(parsed)}${props.hint ? ` · ${props.hint}` : ''}` : props.hint}
      warning={props.warning}
      // An empty field is a gap the summary lists, not an error to shout about while the user is still typing.
      error={invalid ? '请输入金额，最多两位小数' : text === '' ? undefined : props.error}
      onInput={(value) => {
        setText(value);
        props.onChange(value === '' ? null : (yuanTextToFen(value) ?? null));
      }}
    />
  );
}

export function DateField(props: {
  label: string;
  value: IsoDate | null;
  onChange: (date: IsoDate) => void;
  required?: boolean;
  hint?: string;
  error?: string;
}) {
  return (
    <View className="dg-field">
      <Text className="dg-field__label">
        {props.label}
        {props.required && <Text className="dg-field__required">*</Text>}
      </Text>
      <Picker mode="date" value={props.value ?? ''} onChange={(e) => props.onChange(String(e.detail.value))}>
        <Text className="dg-field__input">{props.value ? formatChineseDate(props.value) : '请选择日期'}</Text>
      </Picker>
      {props.hint && <Text className="dg-field__hint">{props.hint}</Text>}
      {props.error && <Text className="dg-field__error">{props.error}</Text>}
    </View>
  );
}

export function CountField(props: {
  label: string;
  value: number | null;
  onChange: (n: number | null) => void;
  hint?: string;
}) {
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  const invalid = text !== '' && !/^\d{1,7}$/.test(text);
  return (
    <Field
      label={props.label}
      value={text}
      type="number"
      hint={props.hint}
      error={invalid ? '请输入整数' : undefined}
      onInput={(value) => {
        setText(value);
        props.onChange(/^\d{1,7}$/.test(value) ? Number(value) : null);
      }}
    />
  );
}

/** One choice from a list too long for chips (e.g. the 33 towns and parks). */
export function SelectField<T extends string>(props: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T | null | undefined;
  onChange: (value: T) => void;
  required?: boolean;
  warning?: string;
  error?: string;
}) {
  const index = props.options.findIndex((o) => o.value === props.value);
  return (
    <View className="dg-field">
      <Text className="dg-field__label">
        {props.label}
        {props.required && <Text className="dg-field__required">*</Text>}
      </Text>
      <Picker
        mode="selector"
        range={props.options.map((o) => o.label)}
        value={Math.max(0, index)}
        onChange={(e) => {
          const chosen = props.options[Number(e.detail.value)];
          if (chosen) props.onChange(chosen.value);
        }}
      >
        <Text className="dg-field__input">{index >= 0 ? props.options[index]?.label : '请选择'}</Text>
      </Picker>
      {props.warning && <Text className="dg-field__warn">{props.warning}</Text>}
      {props.error && <Text className="dg-field__error">{props.error}</Text>}
    </View>
  );
}
