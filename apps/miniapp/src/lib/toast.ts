import Taro from '@tarojs/taro';
import { errorMessage } from '../api/client';

export function toastError(error: unknown): void {
  const title = error instanceof Error && !('data' in error) ? error.message : errorMessage(error);
  Taro.showToast({ title, icon: 'none', duration: 3000 });
}

export function toastOk(title: string): void {
  Taro.showToast({ title, icon: 'success' });
}
