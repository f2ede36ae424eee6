import { Alert } from 'antd';
import { describeApiError } from '../api/errors';

/** A failed call, in Chinese: what kind of failure, and the API's own explanation when it gave one. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  if (!error) return null;
  const view = describeApiError(error);
  return (
    <Alert
      type={view.code === 'CONFLICT' ? 'warning' : 'error'}
      showIcon
      message={view.title}
      description={view.detail ?? undefined}
      style={style}
      data-error-code={view.code}
    />
  );
}
