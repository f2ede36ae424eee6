/**
 * Dongguan's towns, subdistricts and parks (镇街园区): the unit that does the town review (CV 镇街复核) and gives the
 * town opinion (细则 7(五), 20(五)). Dongguan has no counties: the city governs 4 subdistricts (街道) and 28 towns (镇)
 * directly, beside parks and functional areas with their own administrative committees.
 * A code is a stable slug: stored in the database and sent by the apps, never shown to people.
 */
import { z } from 'zod';

export type DongguanRegionKind = 'subdistrict' | 'town' | 'park';

export const dongguanRegionKindLabels: Record<DongguanRegionKind, string> = {
  subdistrict: '街道',
  town: '镇',
  park: '园区',
};

export interface DongguanRegion {
  code: DongguanRegionCode;
  /** The name as the application form's 所属镇街（园区） field writes it: 南城街道, 石碣镇, 松山湖高新区. */
  name: string;
  /** The short name people use: 南城, 石碣, 松山湖. */
  shortName: string;
  kind: DongguanRegionKind;
}

const subdistricts = { guancheng: '莞城', nancheng: '南城', dongcheng: '东城', wanjiang: '万江' } as const;

const towns = {
  shijie: '石碣',
  shilong: '石龙',
  chashan: '茶山',
  shipai: '石排',
  qishi: '企石',
  hengli: '横沥',
  qiaotou: '桥头',
  xiegang: '谢岗',
  dongkeng: '东坑',
  changping: '常平',
  liaobu: '寮步',
  zhangmutou: '樟木头',
  dalang: '大朗',
  huangjiang: '黄江',
  qingxi: '清溪',
  tangxia: '塘厦',
  fenggang: '凤岗',
  dalingshan: '大岭山',
  changan: '长安',
  humen: '虎门',
  houjie: '厚街',
  shatian: '沙田',
  daojiao: '道滘',
  hongmei: '洪梅',
  machong: '麻涌',
  wangniudun: '望牛墩',
  zhongtang: '中堂',
  gaobu: '高埗',
} as const;

const parks = {
  songshanhu: { name: '松山湖高新区', shortName: '松山湖' },
  binhaiwan: { name: '东莞滨海湾新区', shortName: '滨海湾' },
  shuixiang: { name: '水乡新城', shortName: '水乡' },
} as const;

export type DongguanRegionCode = keyof typeof subdistricts | keyof typeof towns | keyof typeof parks;

export const dongguanRegions: readonly DongguanRegion[] = [
  ...Object.entries(subdistricts).map(
    ([code, short]): DongguanRegion => ({
      code: code as DongguanRegionCode,
      name: `${short}街道`,
      shortName: short,
      kind: 'subdistrict',
    }),
  ),
  ...Object.entries(towns).map(
    ([code, short]): DongguanRegion => ({
      code: code as DongguanRegionCode,
      name: `${short}镇`,
      shortName: short,
      kind: 'town',
    }),
  ),
  ...Object.entries(parks).map(
    ([code, names]): DongguanRegion => ({ code: code as DongguanRegionCode, ...names, kind: 'park' }),
  ),
];

export const dongguanRegionCodes = dongguanRegions.map((region) => region.code) as [
  DongguanRegionCode,
  ...DongguanRegionCode[],
];

export const dongguanRegionSchema = z.enum(dongguanRegionCodes, { error: '请选择东莞的镇街（园区）' });

const byCode = new Map(dongguanRegions.map((region) => [region.code as string, region]));
const byName = new Map(
  dongguanRegions.flatMap((region) => [[region.name, region] as const, [region.shortName, region] as const]),
);

export function dongguanRegionByCode(code: string): DongguanRegion | undefined {
  return byCode.get(code);
}

/** Finds a region by code, full name (南城街道) or short name (南城), for imports of hand-typed data. */
export function findDongguanRegion(text: string): DongguanRegion | undefined {
  const key = text.trim();
  return byCode.get(key) ?? byName.get(key);
}

export function dongguanRegionsOfKind(kind: DongguanRegionKind): DongguanRegion[] {
  return dongguanRegions.filter((region) => region.kind === kind);
}
