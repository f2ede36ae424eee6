import { View } from '@tarojs/components';

export default function Page() {
  return <View className='dg-page'>消息</View>;
}
