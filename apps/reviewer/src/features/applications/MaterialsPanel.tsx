import { FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { FilePreview, StatusTag } from '@dg/ui';
import { Col, Empty, List, Row, Typography } from 'antd';
import { useState } from 'react';

interface MaterialFile {
  id: string;
  originalName: string;
  mime: string;
  sizeBytes: number;
}

export interface MaterialItemView {
  key: string;
  order: number;
  title: string;
  parts: string[];
  required: boolean;
  rule: string;
  files: MaterialFile[];
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The checklist in its official order (CV-14 for the voucher), each item's files, and the chosen one previewed. */
export function MaterialsPanel({ materials }: { materials: MaterialItemView[] }) {
  const ordered = [...materials].sort((a, b) => a.order - b.order);
  const firstFile = ordered.flatMap((m) => m.files)[0];
  const [selected, setSelected] = useState<MaterialFile | undefined>(firstFile);

  return (
    <Row gutter={16}>
      <Col span={10}>
        <List
          size="small"
          dataSource={ordered}
          renderItem={(item) => (
            <List.Item style={{ display: 'block' }} data-testid={`material-${item.key}`}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text strong>
                  （{item.order}）{item.title}
                </Typography.Text>
                {item.files.length > 0 ? (
                  <StatusTag label={`${item.files.length} 份`} tone="success" />
                ) : item.required ? (
                  <StatusTag label="缺失" tone="error" />
                ) : (
                  <StatusTag label="未提供" />
                )}
              </div>
              {item.parts.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.parts.join('、')}
                </Typography.Text>
              )}
              {item.files.map((file) => (
                <div key={file.id}>
                  <Typography.Link
                    onClick={() => setSelected(file)}
                    strong={selected?.id === file.id}
                    style={{ fontSize: 13 }}
                  >
                    {file.mime === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}{' '}
                    {file.originalName}
                  </Typography.Link>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {sizeText(file.sizeBytes)}
                  </Typography.Text>
                </div>
              ))}
            </List.Item>
          )}
        />
      </Col>
      <Col span={14}>
        {selected ? (
          <FilePreview
            key={selected.id}
            fileId={selected.id}
            mime={selected.mime}
            name={selected.originalName}
          />
        ) : (
          <Empty description="暂无上传材料" />
        )}
      </Col>
    </Row>
  );
}
