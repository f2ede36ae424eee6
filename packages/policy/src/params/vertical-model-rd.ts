/** 垂直领域模型研发 parameters, edition "2025" of the 细则 (see ./editions). */
import { XIZE, xize2025 } from './editions';
import { overEdition, type Parameter } from './table';

export const verticalModelRdParameters = {
  maxGrant: {
    name: 'rd.maxGrant',
    description: '单个项目最高资助额',
    unit: 'fen',
    lowerable: false,
    versions: overEdition(xize2025, 80_000_000, `${XIZE} 第五条`),
  },
  rate: {
    name: 'rd.rate',
    description: '资助额占项目总投入的比例上限',
    unit: 'bp',
    lowerable: false,
    versions: overEdition(xize2025, 4000, `${XIZE} 第五条`),
  },
  maxGrantIpRetained: {
    name: 'rd.maxGrantIpRetained',
    description: '知识产权留在东莞的项目最高资助额',
    unit: 'fen',
    lowerable: false,
    versions: overEdition(xize2025, 100_000_000, `${XIZE} 第五条`),
  },
  rateIpRetained: {
    name: 'rd.rateIpRetained',
    description: '知识产权留在东莞的项目资助额占总投入的比例上限',
    unit: 'bp',
    lowerable: false,
    versions: overEdition(xize2025, 5000, `${XIZE} 第五条`),
  },
  phase1Rate: {
    name: 'rd.phase1Rate',
    description: '第一期拨付占资助资金的比例上限',
    unit: 'bp',
    lowerable: false,
    versions: overEdition(xize2025, 3000, `${XIZE} 第六条`),
  },
} as const satisfies Record<string, Parameter>;
