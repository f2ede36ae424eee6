import { describe, expect, it } from 'vitest';
import {
  findDongguanRegion,
  dongguanRegionByCode,
  dongguanRegionSchema,
  dongguanRegions,
  dongguanRegionsOfKind,
} from '../src/regions';

describe('Dongguan towns, subdistricts and parks (镇街园区)', () => {
  it('has the 4 subdistricts, the 28 towns and the parks, each code and name unique', () => {
    expect(dongguanRegionsOfKind('subdistrict').map((r) => r.shortName)).toEqual([
      '莞城',
      '南城',
      '东城',
      '万江',
    ]);
    expect(dongguanRegionsOfKind('town')).toHaveLength(28);
    expect(dongguanRegionsOfKind('park').map((r) => r.name)).toEqual([
      '松山湖高新区',
      '东莞滨海湾新区',
      '水乡新城',
    ]);
    expect(new Set(dongguanRegions.map((r) => r.code)).size).toBe(dongguanRegions.length);
    expect(new Set(dongguanRegions.map((r) => r.name)).size).toBe(dongguanRegions.length);
  });

  it('names towns and subdistricts as the form writes them', () => {
    expect(dongguanRegionByCode('nancheng')).toEqual({
      code: 'nancheng',
      name: '南城街道',
      shortName: '南城',
      kind: 'subdistrict',
    });
    expect(dongguanRegionByCode('zhangmutou')?.name).toBe('樟木头镇');
    expect(dongguanRegionByCode('beijing')).toBeUndefined();
  });

  it('finds a region by code, full name or short name', () => {
    expect(findDongguanRegion(' 石碣镇 ')?.code).toBe('shijie');
    expect(findDongguanRegion('松山湖')?.code).toBe('songshanhu');
    expect(findDongguanRegion('humen')?.name).toBe('虎门镇');
    expect(findDongguanRegion('宝安')).toBeUndefined();
  });

  it('the zod enum accepts every code and refuses others in Chinese', () => {
    for (const region of dongguanRegions) expect(dongguanRegionSchema.parse(region.code)).toBe(region.code);
    const result = dongguanRegionSchema.safeParse('shenzhen');
    expect(result.error?.issues[0]?.message).toBe('请选择东莞的镇街（园区）');
  });
});
