// biome-ignore-all lint/a11y: stand-ins for Taro's components, which are as unsemantic as the WeChat views they render
/**
 * DOM stand-ins for the Taro components the app uses, with Taro's event shapes (`e.detail.value`), so the app's
 * components render in jsdom exactly as written.
 */
import type { ReactNode } from 'react';

type Common = {
  className?: string;
  children?: ReactNode;
  style?: Record<string, unknown>;
  [data: `data-${string}`]: unknown;
};

const rest = (props: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(props).filter(([k]) => k.startsWith('data-') || k === 'className' || k === 'style'),
  );

export function View(props: Common & { onClick?: () => void }) {
  return (
    <div {...rest(props)} onClick={props.onClick}>
      {props.children}
    </div>
  );
}

export function Text(props: Common & { onClick?: () => void }) {
  return (
    <span {...rest(props)} onClick={props.onClick}>
      {props.children}
    </span>
  );
}

export function Button(props: Common & { onClick?: () => void; disabled?: boolean; loading?: boolean }) {
  return (
    <button type="button" {...rest(props)} disabled={props.disabled} onClick={props.onClick}>
      {props.children}
    </button>
  );
}

export function Input(
  props: Common & {
    value?: string;
    placeholder?: string;
    onInput?: (e: { detail: { value: string } }) => void;
  },
) {
  return (
    <input
      {...rest(props)}
      value={props.value}
      placeholder={props.placeholder}
      onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

export function Switch(props: { checked?: boolean; onChange?: (e: { detail: { value: boolean } }) => void }) {
  return (
    <input
      type="checkbox"
      role="switch"
      checked={props.checked}
      onChange={(e) => props.onChange?.({ detail: { value: e.target.checked } })}
    />
  );
}

export function Picker(
  props: Common & { value?: string; onChange?: (e: { detail: { value: string } }) => void },
) {
  return (
    <label {...rest(props)}>
      <input
        type="date"
        value={props.value}
        onChange={(e) => props.onChange?.({ detail: { value: e.target.value } })}
      />
      {props.children}
    </label>
  );
}

export function Image(props: { src: string; className?: string }) {
  return <img alt="" src={props.src} className={props.className} />;
}

export function ScrollView(props: Common) {
  return <div {...rest(props)}>{props.children}</div>;
}
