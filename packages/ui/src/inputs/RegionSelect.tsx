import {
  type DongguanRegionCode,
  dongguanRegionByCode,
  dongguanRegionKindLabels,
  dongguanRegions,
} from '@dg/policy';
import { Select } from 'antd';

const OPTIONS = (['subdistrict', 'town', 'park'] as const).map((kind) => ({
  label: dongguanRegionKindLabels[kind],
  options: dongguanRegions.filter((r) => r.kind === kind).map((r) => ({ value: r.code, label: r.name })),
}));

interface RegionSelectProps {
  value?: DongguanRegionCode;
  onChange?: (code: DongguanRegionCode | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
}

/** Dongguan's towns, subdistricts and parks (镇街园区) from the policy core, grouped by kind, searchable by name. */
export function RegionSelect({ value, onChange, placeholder = '镇街（园区）', style }: RegionSelectProps) {
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={(code) => onChange?.(code ?? undefined)}
      placeholder={placeholder}
      options={OPTIONS}
      style={{ width: 180, ...style }}
    />
  );
}

/** 松山湖高新区 for 'songshanhu'; an unknown code as itself. */
export function regionName(code: string | null | undefined): string {
  if (!code) return '—';
  return dongguanRegionByCode(code)?.name ?? code;
}
