/** Parameters of the rules the 细则's programs share (GEN). */
import { XIZE, xize2025 } from './editions';
import { overEdition, type Parameter } from './table';

export const generalParameters = {
  maxUnits: {
    name: 'gen.maxUnits',
    description: '同一项目牵头申报单位和参与单位合计家数（原则上不超过）',
    unit: 'count',
    lowerable: false,
    versions: overEdition(xize2025, 3, `${XIZE} 第四条(二)、第十七条(二)`),
  },
} as const satisfies Record<string, Parameter>;
