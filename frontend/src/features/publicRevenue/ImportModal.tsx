import { Alert, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../../api/problem';
import { CsvImport } from '../../components/CsvImport';
import { importJournal, useLedgerChanged } from './api';
import { IMPORT_HEADER, importTemplate } from './model';
import { useRevenueNotify } from './useRevenueNotify';

/**
 * 导入收支流水: the cash journal property companies keep, as CSV. All rows or none: a file
 * with any problem is refused and every problem is listed by row and column.
 */
export function ImportModal({ compoundId, open, onClose }: { compoundId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useRevenueNotify();
  const changed = useLedgerChanged(compoundId);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('revenue.import.title')}
      width={760}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      destroyOnHidden
    >
      <CsvImport
        testId="import-modal"
        explain={t('revenue.import.explain')}
        formatTitle={t('revenue.import.formatTitle')}
        header={IMPORT_HEADER}
        rules={[
          t('revenue.import.ruleDate'),
          t('revenue.import.ruleAccount'),
          t('revenue.import.ruleAmount'),
          t('revenue.import.ruleMethod'),
          t('revenue.import.ruleAllOrNothing'),
        ]}
        template={{ csv: importTemplate, fileName: t('revenue.import.templateName'), label: t('revenue.import.template'), testId: 'import-template' }}
        pick={{ label: t('revenue.import.pick'), testId: 'import-pick', fileTestId: 'import-file' }}
        upload={(file) => importJournal(compoundId, file)}
        onUploaded={(result) => !result.replayed && changed()}
        onFailure={notify}
        done={(result, file) => (
          <Alert
            type={result.replayed ? 'info' : 'success'}
            showIcon
            data-testid="import-result"
            title={
              result.replayed
                ? t('revenue.import.replayed', { file, entries: result.entries })
                : t('revenue.import.done', { file, rows: result.rows, entries: result.entries })
            }
          />
        )}
        refused={{ testId: 'import-refused', title: (file, count) => t('revenue.import.invalid', { file, count }) }}
        errors={{ testId: 'import-errors', labels: 'revenue.import', message: pickLanguage }}
      />
    </Modal>
  );
}
