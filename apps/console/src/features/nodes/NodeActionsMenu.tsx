import { DownOutlined } from '@ant-design/icons';
import { describeApiError } from '@dg/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { Grant } from './GrantModal';
import { type NodeActionKey, nodeActions } from './actions';

interface Props {
  node: { id: string; serial: string; status: string };
  onGrant: (grant: Grant) => void;
}

/** Approve/reject up front for a node awaiting review; every action behind the menu. Refusals come from the API. */
export function NodeActionsMenu({ node, onGrant }: Props) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [confirming, setConfirming] = useState<(typeof nodeActions)[number] | null>(null);
  const [note, setNote] = useState('');

  const act = useMutation({
    mutationFn: ({ key }: { key: NodeActionKey }) =>
      nodeActions.find((a) => a.key === key)!.run({ id: node.id, note: note.trim() || undefined }),
    onSuccess: (result, { key }) => {
      message.success(`${node.serial}：已${nodeActions.find((a) => a.key === key)!.label}`);
      if (result.grant) onGrant(result.grant);
      setConfirming(null);
      setNote('');
      queryClient.invalidateQueries({ queryKey: ['edge'] });
    },
    onError: (error) => message.error(describeApiError(error).title),
  });

  const start = (key: NodeActionKey) => {
    setNote('');
    setConfirming(nodeActions.find((a) => a.key === key)!);
  };

  return (
    <Space size={4} onClick={(e) => e.stopPropagation()}>
      {node.status === 'pending_review' && (
        <Button size="small" type="primary" onClick={() => start('approve')}>
          审核通过
        </Button>
      )}
      <Dropdown
        trigger={['click']}
        menu={{
          items: nodeActions.map((a) => ({ key: a.key, label: a.label, danger: 'danger' in a && a.danger })),
          onClick: ({ key }) => start(key as NodeActionKey),
        }}
      >
        <Button size="small">
          操作 <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={confirming !== null}
        title={`${confirming?.label ?? ''}：${node.serial}`}
        okText="确认"
        okButtonProps={{ danger: confirming !== null && 'danger' in confirming && confirming.danger }}
        confirmLoading={act.isPending}
        onOk={() => confirming && act.mutate({ key: confirming.key })}
        onCancel={() => setConfirming(null)}
      >
        <Input.TextArea
          rows={3}
          placeholder="备注（将记入审计日志）"
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
