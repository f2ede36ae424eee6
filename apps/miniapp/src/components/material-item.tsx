import { Text, View } from '@tarojs/components';
import type { MaterialItem } from '@dg/policy';
import { useState } from 'react';
import {
  formatBytes,
  type PickedFile,
  pickDocuments,
  pickImages,
  refusal,
  type UploadedFile,
  upload,
} from '../lib/upload';
import { Btn, Tag } from './ui';

interface Attempt {
  id: number;
  file: PickedFile;
  percent: number;
  error: string | null;
}

let nextAttempt = 1;

/**
 * One checklist item: its files, the uploads in flight with their progress, and a retry for the failed ones.
 * `onUploaded` attaches a finished upload to the application; until it resolves the file shows as in flight.
 */
export function MaterialItemView(props: {
  item: Pick<MaterialItem, 'key' | 'order' | 'title' | 'parts' | 'required'>;
  files: readonly { id: string; name: string; sizeBytes: number }[];
  onUploaded: (file: UploadedFile) => Promise<void>;
  onRemove?: (fileId: string) => void;
  disabled?: boolean;
}) {
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const patch = (id: number, change: Partial<Attempt>) =>
    setAttempts((all) => all.map((a) => (a.id === id ? { ...a, ...change } : a)));

  const send = async (attempt: Attempt) => {
    patch(attempt.id, { error: null, percent: 0 });
    try {
      const uploaded = await upload(attempt.file, (percent) => patch(attempt.id, { percent }));
      await props.onUploaded(uploaded);
      setAttempts((all) => all.filter((a) => a.id !== attempt.id));
    } catch (error) {
      patch(attempt.id, { error: (error as Error).message });
    }
  };

  const start = (files: PickedFile[]) => {
    const fresh = files.map((file) => ({ id: nextAttempt++, file, percent: 0, error: refusal(file) }));
    setAttempts((all) => [...all, ...fresh]);
    for (const a of fresh) if (!a.error) void send(a);
  };

  const pick = (picker: () => Promise<PickedFile[]>) => () => {
    picker().then(start, () => undefined);
  };

  return (
    <View className="dg-upload" data-material={props.item.key}>
      <View className="dg-upload__head">
        <Text className="dg-upload__name">
          {props.item.order}. {props.item.title}
        </Text>
        {props.files.length > 0 ? (
          <Tag tone="ok">已上传 {props.files.length}</Tag>
        ) : props.item.required ? (
          <Tag tone="warn">必传</Tag>
        ) : (
          <Tag tone="muted">选传</Tag>
        )}
      </View>
      {props.item.parts.length > 0 && (
        <Text className="dg-field__hint">含：{props.item.parts.join('、')}</Text>
      )}
      <View className="dg-upload__files">
        {props.files.map((f) => (
          <View key={f.id} className="dg-upload__file">
            <Text>
              <Text className="dg-upload__ext">
                {f.name.slice(f.name.lastIndexOf('.') + 1).toUpperCase()}
              </Text>
              {f.name}
            </Text>
            <Text>
              {formatBytes(f.sizeBytes)}
              {props.onRemove && !props.disabled && (
                <Text style={{ color: '#d93a3a', marginLeft: '12px' }} onClick={() => props.onRemove?.(f.id)}>
                  删除
                </Text>
              )}
            </Text>
          </View>
        ))}
        {attempts.map((a) => (
          <View key={a.id} data-upload-state={a.error ? 'failed' : 'uploading'}>
            <View className="dg-upload__file">
              <Text>{a.file.name}</Text>
              <Text>{a.error ? '' : `${a.percent}%`}</Text>
            </View>
            {a.error ? (
              <View className="dg-upload__file">
                <Text className="dg-field__error">{a.error}</Text>
                {refusal(a.file) === null ? (
                  <Text style={{ color: '#1f5fd6' }} onClick={() => void send(a)}>
                    重试
                  </Text>
                ) : (
                  <Text
                    style={{ color: '#86909c' }}
                    onClick={() => setAttempts((all) => all.filter((x) => x.id !== a.id))}
                  >
                    移除
                  </Text>
                )}
              </View>
            ) : (
              <View className="dg-progress">
                <View className="dg-progress__bar" style={{ width: `${a.percent}%` }} />
              </View>
            )}
          </View>
        ))}
      </View>
      {!props.disabled && (
        <View className="dg-upload__actions">
          <Btn small ghost onClick={pick(pickImages)}>
            拍照/相册
          </Btn>
          <Btn small ghost onClick={pick(pickDocuments)}>
            {process.env.TARO_ENV === 'weapp' ? '从聊天记录选择' : '选择文件'}
          </Btn>
        </View>
      )}
    </View>
  );
}
