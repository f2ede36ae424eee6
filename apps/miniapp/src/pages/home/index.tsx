import { Text, View } from '@tarojs/components';
import { formatYuan } from '@dg/policy';

export default function Home() {
  return (
    <View>
      <Text>你好 {formatYuan(123456)}</Text>
    </View>
  );
}
