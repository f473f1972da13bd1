import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../../api/problem';
import { saveBlob } from '../../lib/download';
import { useRevenueNotify } from './useRevenueNotify';
import { importJournal, useLedgerChanged } from './api';
import { IMPORT_HEADER, importTemplate, rowErrorsOf, type RowError } from './model';
import type { ImportResult } from './types';

type Outcome = { kind: 'done'; result: ImportResult; file: string } | { kind: 'refused'; rows: RowError[]; file: string };

/**
 * 导入收支流水: the cash journal property companies keep, as CSV. All rows or none: a file
 * with any problem is refused and every problem is listed by row and column.
 */
export function ImportModal({ compoundId, open, onClose }: { compoundId: string; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const notify = useRevenueNotify();
  const changed = useLedgerChanged(compoundId);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function upload(file: File) {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await importJournal(compoundId, file);
      setOutcome({ kind: 'done', result, file: file.name });
      if (!result.replayed) changed();
    } catch (e) {
      const rows = rowErrorsOf(e);
      if (rows) setOutcome({ kind: 'refused', rows, file: file.name });
      else notify(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('revenue.import.title')}
      width={760}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && setOutcome(null)}
    >
      <div data-testid="import-modal">
        <Typography.Paragraph>{t('revenue.import.explain')}</Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text strong>{t('revenue.import.formatTitle')}</Typography.Text>
          <br />
          <Typography.Text code copyable>
            {IMPORT_HEADER.join(',')}
          </Typography.Text>
        </Typography.Paragraph>
        <ul style={{ paddingLeft: 20, marginTop: 0 }}>
          <li>{t('revenue.import.ruleDate')}</li>
          <li>{t('revenue.import.ruleAccount')}</li>
          <li>{t('revenue.import.ruleAmount')}</li>
          <li>{t('revenue.import.ruleMethod')}</li>
          <li>{t('revenue.import.ruleAllOrNothing')}</li>
        </ul>
        <Space wrap style={{ marginBottom: 16 }}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => saveBlob(new Blob([importTemplate()], { type: 'text/csv;charset=utf-8' }), t('revenue.import.templateName'))}
            data-testid="import-template"
          >
            {t('revenue.import.template')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            style={{ display: 'none' }}
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="import-pick">
            {t('revenue.import.pick')}
          </Button>
        </Space>
        {outcome?.kind === 'done' && (
          <Alert
            type={outcome.result.replayed ? 'info' : 'success'}
            showIcon
            data-testid="import-result"
            title={
              outcome.result.replayed
                ? t('revenue.import.replayed', { file: outcome.file, entries: outcome.result.entries })
                : t('revenue.import.done', { file: outcome.file, rows: outcome.result.rows, entries: outcome.result.entries })
            }
          />
        )}
        {outcome?.kind === 'refused' && (
          <>
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="import-refused"
              title={t('revenue.import.invalid', { file: outcome.file, count: outcome.rows.length })}
            />
            <Table<RowError & { key: number }>
              data-testid="import-errors"
              size="small"
              pagination={outcome.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              dataSource={outcome.rows.map((r, key) => ({ ...r, key }))}
              columns={[
                {
                  title: t('revenue.import.colRow'),
                  dataIndex: 'row',
                  width: 80,
                  render: (row: number) => (row === 0 ? t('revenue.import.wholeFile') : row),
                },
                { title: t('revenue.import.colColumn'), dataIndex: 'column', width: 120, render: (c: string) => c || '—' },
                { title: t('revenue.import.colMessage'), dataIndex: 'message', render: (m: string) => pickLanguage(m, i18n.language) },
              ]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
