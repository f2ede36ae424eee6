import { Text, View } from '@tarojs/components';
import { FindingList } from '../../../components/findings';
import { Alert, Card, Checkbox } from '../../../components/ui';
import { describePath } from '../lib/issues';
import type { Detail, Finding, Issue } from '../lib/use-draft';

/** Everything that still stands between the draft and a submission, the policy core's view, and the pledge. */
export function ConfirmStep(props: {
  issues: Issue[];
  materials: Detail['materials'];
  findings: Finding[];
  /** The policy core's verdict is still being read. */
  judging?: boolean;
  pledged: boolean;
  onPledge: (pledged: boolean) => void;
}) {
  const missing = props.materials.filter((m) => m.required && m.files.length === 0);
  const ready = props.issues.length === 0 && missing.length === 0;
  return (
    <>
      {ready ? (
        <Alert tone="ok" title="申报表和必传材料已齐全">
          <Text>提交后将生成申报编号，进入资格审查</Text>
        </Alert>
      ) : (
        <Alert tone="warn" title={`提交前还需完善 ${props.issues.length + missing.length} 项`}>
          {props.issues.slice(0, 8).map((i) => (
            <View key={i.path}>
              <Text>
                · {describePath(i.path)}：{i.message}
              </Text>
            </View>
          ))}
          {missing.map((m) => (
            <View key={m.key}>
              <Text>
                · 缺少材料（{m.order}）{m.title}
              </Text>
            </View>
          ))}
        </Alert>
      )}
      {props.judging ? (
        <Card title="政策条件对照（平台测算）">
          <Text className="dg-muted">正在按政策条件测算…</Text>
        </Card>
      ) : (
        props.findings.length > 0 && (
          <Card title="政策条件对照（平台测算）">
            <FindingList findings={props.findings} />
          </Card>
        )
      )}
      <Card title="真实性承诺">
        <Checkbox checked={props.pledged} onChange={props.onPledge}>
          本单位承诺：所填报的信息及提交的全部材料真实、准确、完整，不存在弄虚作假、重复申报等情形；如有不实，愿承担由此产生的一切后果，并同意记入科研诚信记录（细则第十四条）。
        </Checkbox>
      </Card>
    </>
  );
}
