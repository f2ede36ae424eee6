import { Text, View } from '@tarojs/components';
import { formatChineseDate, type Timeline } from '@dg/policy';

const STATUS_TEXT = { done: '已完成', current: '进行中', next: '待进行' } as const;

/** The application's stages as the policy core's workflow lays them out: done, current, next, with dates. */
export function TimelineView({ timeline }: { timeline: Timeline }) {
  return (
    <View className="dg-timeline" data-testid="timeline">
      {timeline.stages.map((stage) => (
        <View
          key={stage.state}
          className={`dg-step dg-step--${stage.status}`}
          data-stage={stage.state}
          data-status={stage.status}
        >
          <View className="dg-step__rail">
            <View className="dg-step__dot" />
            <View className="dg-step__line" />
          </View>
          <View>
            <Text className="dg-step__title">
              {stage.label}
              {stage.status === 'current' && timeline.state !== stage.state
                ? `（${timeline.stateLabel}）`
                : ''}
            </Text>
            <Text className="dg-step__meta">
              {STATUS_TEXT[stage.status]}
              {stage.enteredOn ? ` · ${formatChineseDate(stage.enteredOn)}` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
