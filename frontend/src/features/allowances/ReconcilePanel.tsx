import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../lib/download';
import { reconcileCycle } from './api';
import { useAllowanceNotify } from './useAllowanceNotify';
import { CsvPicker } from './CsvPicker';
import { RowErrorsTable } from './RowErrorsTable';
import { formatMoney, RETURN_HEADER, returnTemplate, rowErrorsOf, type RowError } from './model';
import type { Cycle, ReconciliationResult } from './types';

type Outcome = { kind: 'done'; result: ReconciliationResult; file: string } | { kind: 'refused'; rows: RowError[]; file: string };

/**
 * 导入回单: the bank's answer to the transfer file, one row per transfer. Importing the same
 * file again changes nothing; a file with any problem is refused whole, each problem listed.
 * Failed transfers are paid again (补发) in the programme's next cycle.
 */
export function ReconcilePanel({ cycle, canImport, onImported }: { cycle: Cycle; canImport: boolean; onImported: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useAllowanceNotify();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const open = cycle.status === 'disbursed';

  async function upload(file: File) {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await reconcileCycle(cycle.id, file);
      setOutcome({ kind: 'done', result, file: file.name });
      // Also as a message: a complete file moves the wizard on to 关闭, away from this panel.
      if (result.replayed) void message.info(t('allowances.reconcile.replayed', { file: file.name }));
      else void message.success(t('allowances.reconcile.done', { file: file.name, paid: result.paid, failed: result.failed, unchanged: result.unchanged }));
      await onImported();
    } catch (e) {
      const rows = rowErrorsOf(e);
      if (rows) setOutcome({ kind: 'refused', rows, file: file.name });
      else notify(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="reconcile-panel">
      <Typography.Paragraph>{t('allowances.reconcile.explain')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text strong>{t('allowances.import.format')}</Typography.Text>
        <br />
        <Typography.Text code copyable data-testid="return-header">
          {RETURN_HEADER.join(',')}
        </Typography.Text>
      </Typography.Paragraph>
      <ul style={{ paddingLeft: 20, marginTop: 0 }}>
        <li>{t('allowances.reconcile.ruleReference')}</li>
        <li>{t('allowances.reconcile.ruleResult')}</li>
        <li>{t('allowances.reconcile.ruleFailure')}</li>
        <li>{t('allowances.reconcile.ruleAgain')}</li>
      </ul>
      {open && canImport && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => saveBlob(new Blob([returnTemplate()], { type: 'text/csv;charset=utf-8' }), t('allowances.reconcile.templateName'))}
            data-testid="return-template"
          >
            {t('allowances.reconcile.template')}
          </Button>
          <CsvPicker onFile={(f) => void upload(f)} busy={busy} label={t('allowances.reconcile.pick')} testId="return-pick" />
        </Space>
      )}
      {!open && (cycle.status === 'reconciled' || cycle.status === 'closed') && (
        <Alert
          type={cycle.failed > 0 ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="reconciled-summary"
          title={t('allowances.reconcile.summary', { paid: formatMoney(cycle.paid_fen), failed: cycle.failed })}
          description={cycle.failed > 0 ? t('allowances.reconcile.carriedNext') : undefined}
        />
      )}
      {outcome?.kind === 'done' && (
        <Alert
          type={outcome.result.replayed ? 'info' : outcome.result.failed > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="reconcile-result"
          title={
            outcome.result.replayed
              ? t('allowances.reconcile.replayed', { file: outcome.file })
              : t('allowances.reconcile.done', {
                  file: outcome.file,
                  paid: outcome.result.paid,
                  failed: outcome.result.failed,
                  unchanged: outcome.result.unchanged,
                })
          }
          description={outcome.result.reconciled ? t('allowances.reconcile.complete') : t('allowances.reconcile.incomplete')}
        />
      )}
      {outcome?.kind === 'refused' && (
        <>
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="reconcile-refused"
            title={t('allowances.import.invalid', { file: outcome.file, count: outcome.rows.length })}
          />
          <RowErrorsTable rows={outcome.rows} />
        </>
      )}
    </div>
  );
}
