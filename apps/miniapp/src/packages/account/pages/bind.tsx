import { View } from '@tarojs/components';

export default function Page() {
  return <View className='dg-page'>绑定企业</View>;
}
