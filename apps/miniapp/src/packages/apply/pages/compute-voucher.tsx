import { View } from '@tarojs/components';

export default function Page() {
  return <View className='dg-page'>算力券申报</View>;
}
