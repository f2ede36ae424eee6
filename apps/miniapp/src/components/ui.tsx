/** The app's small component set on top of Taro's own components; styles live in app.css under `dg-`. */
import { Button, Input, Switch, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export function Card(props: {
  title?: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
  onClick?: () => void;
}) {
  return (
    <View className="dg-card" onClick={props.onClick}>
      {props.title !== undefined && (
        <View className="dg-card__head">
          <Text className="dg-card__title">{props.title}</Text>
          {props.extra !== undefined && <Text className="dg-card__extra">{props.extra}</Text>}
        </View>
      )}
      {props.children}
    </View>
  );
}

export function SectionTitle({ children }: { children: ReactNode }) {
  return <Text className="dg-section-title">{children}</Text>;
}

export function Cell(props: { label: ReactNode; value?: ReactNode; onClick?: () => void }) {
  return (
    <View className={`dg-cell${props.onClick ? ' dg-cell--link' : ''}`} onClick={props.onClick}>
      <Text className="dg-cell__label">{props.label}</Text>
      <Text className="dg-cell__value">{props.value}</Text>
    </View>
  );
}

export type Tone = 'brand' | 'ok' | 'warn' | 'bad' | 'muted';

export function Tag({ tone = 'brand', children }: { tone?: Tone; children: ReactNode }) {
  return <Text className={`dg-tag dg-tag--${tone}`}>{children}</Text>;
}

export function Btn(props: {
  children: ReactNode;
  onClick?: () => void;
  ghost?: boolean;
  small?: boolean;
  disabled?: boolean;
  loading?: boolean;
}) {
  const cls = [
    'dg-btn',
    props.ghost && 'dg-btn--ghost',
    props.small && 'dg-btn--small',
    props.disabled && 'dg-btn--disabled',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    // Taro's own `loading` renders an unstyled spinner in h5 and hides the label; a busy button says so in words.
    <Button
      className={cls}
      disabled={props.disabled || props.loading || undefined}
      onClick={props.disabled || props.loading ? undefined : props.onClick}
    >
      {props.loading ? '处理中…' : props.children}
    </Button>
  );
}

export function Field(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  required?: boolean;
  hint?: string;
  warning?: string;
  error?: string;
  maxlength?: number;
}) {
  return (
    <View className="dg-field">
      <Text className="dg-field__label">
        {props.label}
        {props.required && <Text className="dg-field__required">*</Text>}
      </Text>
      <Input
        className="dg-field__input"
        value={props.value}
        type={props.type ?? 'text'}
        placeholder={props.placeholder ?? `请输入${props.label}`}
        maxlength={props.maxlength ?? 140}
        onInput={(e) => props.onInput(e.detail.value)}
      />
      {props.hint && <Text className="dg-field__hint">{props.hint}</Text>}
      {props.warning && <Text className="dg-field__warn">{props.warning}</Text>}
      {props.error && <Text className="dg-field__error">{props.error}</Text>}
    </View>
  );
}

export function SwitchRow(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <View className="dg-switch-row">
      <Text className="dg-switch-row__label">{props.label}</Text>
      <Switch checked={props.checked} color="#1f5fd6" onChange={(e) => props.onChange(e.detail.value)} />
    </View>
  );
}

export function Chips<T extends string>(props: {
  label?: string;
  options: readonly { value: T; label: string }[];
  value: T | undefined;
  onChange: (value: T) => void;
}) {
  return (
    <View className="dg-field">
      {props.label && <Text className="dg-field__label">{props.label}</Text>}
      <View className="dg-chips">
        {props.options.map((o) => (
          <Text
            key={o.value}
            className={`dg-chip${o.value === props.value ? ' dg-chip--on' : ''}`}
            onClick={() => props.onChange(o.value)}
          >
            {o.label}
          </Text>
        ))}
      </View>
    </View>
  );
}

export function Alert(props: {
  tone: 'warn' | 'bad' | 'info' | 'ok';
  title?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <View className={`dg-alert dg-alert--${props.tone}`}>
      {props.title !== undefined && <Text className="dg-alert__title">{props.title}</Text>}
      {props.children}
    </View>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <View className="dg-empty">{children}</View>;
}

export function StepsBar({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <View className="dg-steps-bar">
      {steps.map((s, i) => (
        <Text key={s} className={`dg-steps-bar__item${i <= current ? ' dg-steps-bar__item--on' : ''}`}>
          {s}
        </Text>
      ))}
    </View>
  );
}

export function MultiChips<T extends string>(props: {
  label?: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  warning?: string;
}) {
  const toggle = (o: T) =>
    props.onChange(props.value.includes(o) ? props.value.filter((v) => v !== o) : [...props.value, o]);
  return (
    <View className="dg-field">
      {props.label && <Text className="dg-field__label">{props.label}</Text>}
      <View className="dg-chips">
        {props.options.map((o) => (
          <Text
            key={o}
            className={`dg-chip${props.value.includes(o) ? ' dg-chip--on' : ''}`}
            onClick={() => toggle(o)}
          >
            {o}
          </Text>
        ))}
      </View>
      {props.warning && <Text className="dg-field__warn">{props.warning}</Text>}
    </View>
  );
}

export function Checkbox(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <View className="dg-check" onClick={() => props.onChange(!props.checked)} data-checked={props.checked}>
      <View className={`dg-check__box${props.checked ? ' dg-check__box--on' : ''}`}>
        {props.checked ? '✓' : ''}
      </View>
      <Text className="dg-check__text">{props.children}</Text>
    </View>
  );
}
