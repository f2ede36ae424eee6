/** 边端智算节点部署 parameters, edition "2025" of the 细则 (see ./editions). */
import { XIZE, xize2025 } from './editions';
import { overEdition, type Parameter } from './table';

export const edgeNodeDeploymentParameters = {
  rate: {
    name: 'en.rate',
    description: '事后奖补比例上限（占新投入购置软硬件的核算金额）',
    unit: 'bp',
    lowerable: false,
    versions: overEdition(xize2025, 3000, `${XIZE} 第十八条`),
  },
  maxGrant: {
    name: 'en.maxGrant',
    description: '单个项目最高资助额',
    unit: 'fen',
    lowerable: false,
    versions: overEdition(xize2025, 100_000_000, `${XIZE} 第十八条`),
  },
  minInvestment: {
    name: 'en.minInvestment',
    description: '项目总投入下限（含本数，按核算范围内的软硬件计）',
    unit: 'fen',
    lowerable: false,
    versions: overEdition(xize2025, 20_000_000, `${XIZE} 第十八条`),
  },
  maxPerNode: {
    name: 'en.maxPerNode',
    description: '平均每个节点资助额上限',
    unit: 'fen',
    lowerable: false,
    versions: overEdition(xize2025, 500_000, `${XIZE} 第十八条`),
  },
} as const satisfies Record<string, Parameter>;
