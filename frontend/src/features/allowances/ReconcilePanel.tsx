import { Alert, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { CsvImport } from '../../components/CsvImport';
import { reconcileCycle } from './api';
import { explanationIn, formatMoney, RETURN_HEADER, returnTemplate } from './model';
import type { Cycle, ReconciliationResult } from './types';
import { useAllowanceNotify } from './useAllowanceNotify';

/**
 * 导入回单: the bank's answer to the transfer file, one row per transfer. Importing the same
 * file again changes nothing; a file with any problem is refused whole, each problem listed.
 * Failed transfers are paid again (补发) in the programme's next cycle.
 */
export function ReconcilePanel({ cycle, canImport, onImported }: { cycle: Cycle; canImport: boolean; onImported: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useAllowanceNotify();
  const open = cycle.status === 'disbursed';
  const doneText = (result: ReconciliationResult, file: string) =>
    result.replayed
      ? t('allowances.reconcile.replayed', { file })
      : t('allowances.reconcile.done', { file, paid: result.paid, failed: result.failed, unchanged: result.unchanged });

  return (
    <CsvImport
      testId="reconcile-panel"
      explain={t('allowances.reconcile.explain')}
      formatTitle={t('allowances.import.format')}
      header={RETURN_HEADER}
      headerTestId="return-header"
      rules={[
        t('allowances.reconcile.ruleReference'),
        t('allowances.reconcile.ruleResult'),
        t('allowances.reconcile.ruleFailure'),
        t('allowances.reconcile.ruleAgain'),
      ]}
      offered={open && canImport}
      template={{ csv: returnTemplate, fileName: t('allowances.reconcile.templateName'), label: t('allowances.reconcile.template'), testId: 'return-template' }}
      pick={{ label: t('allowances.reconcile.pick'), testId: 'return-pick' }}
      upload={(file) => reconcileCycle(cycle.id, file)}
      onUploaded={async (result, file) => {
        // Also as a message: a complete file moves the wizard on to 关闭, away from this panel.
        if (result.replayed) void message.info(doneText(result, file));
        else void message.success(doneText(result, file));
        await onImported();
      }}
      onFailure={notify}
      done={(result, file) => (
        <Alert
          type={result.replayed ? 'info' : result.failed > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="reconcile-result"
          title={doneText(result, file)}
          description={result.reconciled ? t('allowances.reconcile.complete') : t('allowances.reconcile.incomplete')}
        />
      )}
      refused={{ testId: 'reconcile-refused', title: (file, count) => t('allowances.import.invalid', { file, count }) }}
      errors={{ testId: 'row-errors', labels: 'allowances.import', message: explanationIn }}
    >
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
    </CsvImport>
  );
}
