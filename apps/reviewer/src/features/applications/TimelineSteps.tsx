import { Steps } from 'antd';

interface Timeline {
  stateLabel: string;
  stages: { state: string; label: string; status: 'done' | 'current' | 'next'; enteredOn?: string }[];
}

const STATUS = { done: 'finish', current: 'process', next: 'wait' } as const;

/** The workflow's main path (from the policy core, via the API), with the day each stage was reached. */
export function TimelineSteps({ timeline }: { timeline: Timeline }) {
  // R&D has 15 stages: they scroll inside the panel instead of widening the page.
  return (
    <div style={{ overflowX: 'auto', paddingBottom: 4 }}>
      <div style={{ minWidth: timeline.stages.length * 96 }}>
        <Steps
          size="small"
          labelPlacement="vertical"
          items={timeline.stages.map((stage) => ({
            title: stage.label,
            status: STATUS[stage.status],
            description: stage.enteredOn,
          }))}
        />
      </div>
    </div>
  );
}
