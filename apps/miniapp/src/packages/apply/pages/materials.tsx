import { View } from '@tarojs/components';

export default function Page() {
  return <View className='dg-page'>申报材料</View>;
}
