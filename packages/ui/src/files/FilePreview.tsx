import { FileUnknownOutlined } from '@ant-design/icons';
import { Empty, Image } from 'antd';

interface FilePreviewProps {
  fileId: string;
  mime: string;
  name: string;
  height?: number;
}

/** A stored file shown inline: PDFs in the browser's own viewer, images zoomable. Bytes come from GET /files/:id. */
export function FilePreview({ fileId, mime, name, height = 560 }: FilePreviewProps) {
  const src = `/files/${fileId}`;
  if (mime === 'application/pdf') {
    return <iframe src={src} title={name} style={{ width: '100%', height, border: '1px solid #e5e8ef' }} />;
  }
  if (mime.startsWith('image/')) {
    return <Image src={src} alt={name} style={{ maxHeight: height, objectFit: 'contain' }} />;
  }
  return (
    <Empty image={<FileUnknownOutlined style={{ fontSize: 40 }} />} description={`无法预览此类文件：${name}`}>
      <a href={src} target="_blank" rel="noreferrer">
        下载查看
      </a>
    </Empty>
  );
}
