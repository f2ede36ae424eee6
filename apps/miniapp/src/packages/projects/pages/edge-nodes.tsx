import { View } from '@tarojs/components';

export default function Page() {
  return <View className='dg-page'>边端节点</View>;
}
