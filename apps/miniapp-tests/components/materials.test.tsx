import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { materialChecklists } from '@dg/policy';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MaterialItemView } from '../../miniapp/src/components/material-item';
import { MAX_UPLOAD_BYTES, refusal, upload } from '../../miniapp/src/lib/upload';
import { uploads } from '../mocks/taro';

const item = materialChecklists['compute-voucher'][5]!;
const reply = (name: string) =>
  JSON.stringify({
    id: '6f1c1d3e-5b2a-4c1e-9d3f-2a7b8c9d0e1f',
    sha256: 'ab'.repeat(32),
    mime: 'application/pdf',
    sizeBytes: 2048,
    originalName: name,
    ownerEnterpriseId: null,
    sensitive: false,
    createdAt: '2025-11-10T02:00:00.000Z',
  });

beforeEach(() => {
  uploads.seen = [];
});
afterEach(cleanup);

describe('refusal before upload', () => {
  it('refuses a type the API does not accept, an empty file and one over the size limit', () => {
    expect(refusal({ path: 'x', name: '合同.docx', size: 100 })).toContain('格式不支持');
    expect(refusal({ path: 'x', name: '发票.pdf', size: 0 })).toContain('空文件');
    expect(refusal({ path: 'x', name: '扫描件.PDF', size: MAX_UPLOAD_BYTES + 1 })).toContain('超过 20 MB');
    expect(refusal({ path: 'x', name: '扫描件.PDF', size: MAX_UPLOAD_BYTES })).toBeNull();
  });

  it('never calls the network for a refused file', async () => {
    await expect(upload({ path: 'x', name: 'a.exe', size: 10 }, () => undefined)).rejects.toThrow(
      '格式不支持',
    );
    expect(uploads.seen).toHaveLength(0);
  });
});

describe('upload with retry', () => {
  it('retries a dropped connection and succeeds on a later attempt, reporting progress', async () => {
    let calls = 0;
    uploads.handler = (opts, report) => {
      calls++;
      if (calls < 3) return opts.fail({ errMsg: 'uploadFile:fail network' });
      report(50);
      report(100);
      opts.success({ statusCode: 201, data: reply('发票.pdf') });
    };
    const seen: number[] = [];
    const file = await upload({ path: 'blob:1', name: '发票.pdf', size: 2048 }, (p) => seen.push(p), 3, 1);
    expect(file.originalName).toBe('发票.pdf');
    expect(calls).toBe(3);
    expect(seen).toContain(100);
    expect(uploads.seen[0]!.name).toBe('file');
    expect(uploads.seen[0]!.fileName).toBe('发票.pdf');
  });

  it('does not retry what the server refused, and shows its message', async () => {
    uploads.handler = (opts) =>
      opts.success({
        statusCode: 400,
        data: JSON.stringify({ error: { message: '文件内容不是 PDF、JPEG 或 PNG' } }),
      });
    await expect(
      upload({ path: 'blob:1', name: '伪装.pdf', size: 10 }, () => undefined, 3, 1),
    ).rejects.toThrow('文件内容不是 PDF、JPEG 或 PNG');
    expect(uploads.seen).toHaveLength(1);
  });

  it('gives up after the last attempt with a message that says so', async () => {
    uploads.handler = (opts) => opts.success({ statusCode: 503, data: '' });
    await expect(upload({ path: 'blob:1', name: 'a.png', size: 10 }, () => undefined, 2, 1)).rejects.toThrow(
      '已重试 1 次',
    );
    expect(uploads.seen).toHaveLength(2);
  });
});

describe('checklist item', () => {
  it('shows an item as required until a file is attached, then its file', () => {
    const { rerender } = render(
      <MaterialItemView item={item} files={[]} onUploaded={async () => undefined} />,
    );
    expect(screen.getByText('必传')).toBeTruthy();
    expect(screen.getByText(new RegExp(`^${item.order}\\. `))).toBeTruthy();
    rerender(
      <MaterialItemView
        item={item}
        files={[{ id: 'f1', name: '合同.pdf', sizeBytes: 4096 }]}
        onUploaded={async () => undefined}
      />,
    );
    expect(screen.getByText('已上传 1')).toBeTruthy();
    expect(screen.getByText('合同.pdf')).toBeTruthy();
  });

  it('offers retry after a failed upload and attaches the file once the retry succeeds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let fail = true;
    uploads.handler = (opts) =>
      fail
        ? opts.success({ statusCode: 502, data: '' })
        : opts.success({ statusCode: 201, data: reply('合同.pdf') });
    const attached: string[] = [];
    const onUploaded = async (f: { originalName: string }) => {
      attached.push(f.originalName);
    };
    render(<MaterialItemView item={item} files={[]} onUploaded={onUploaded} />);
    // The browser build picks documents through a file input.
    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
      this: HTMLInputElement,
    ) {
      Object.defineProperty(this, 'files', {
        value: [new File(['%PDF-1.4'], '合同.pdf', { type: 'application/pdf' })],
      });
      this.onchange?.(new Event('change'));
    });
    URL.createObjectURL = () => 'blob:contract';
    fireEvent.click(screen.getByText('选择文件'));
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    await waitFor(() => expect(screen.getByText('重试')).toBeTruthy());
    expect(uploads.seen).toHaveLength(3);

    fail = false;
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(attached).toEqual(['合同.pdf']));
    expect(screen.queryByText('重试')).toBeNull();
    click.mockRestore();
    vi.useRealTimers();
  });
});
