import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../lib/download';
import { importAssessments } from './api';
import { useAllowanceNotify } from './useAllowanceNotify';
import { CsvPicker } from './CsvPicker';
import { RowErrorsTable } from './RowErrorsTable';
import { ASSESSMENT_HEADER, assessmentTemplate, rowErrorsOf, type RowError } from './model';

type Outcome = { kind: 'done'; imported: number; file: string } | { kind: 'refused'; rows: RowError[]; file: string };

/**
 * 导入考评: a year's results as CSV from the party organisations. All rows or none: a file
 * with any problem is refused and every problem is listed by row and column.
 */
export function AssessmentImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const notify = useAllowanceNotify();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function upload(file: File) {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await importAssessments(file);
      setOutcome({ kind: 'done', imported: result.imported, file: file.name });
      onImported();
    } catch (e) {
      const rows = rowErrorsOf(e);
      if (rows) setOutcome({ kind: 'refused', rows, file: file.name });
      else notify(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('allowances.import.assessmentsTitle')}
      width={780}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      afterOpenChange={(visible) => !visible && setOutcome(null)}
    >
      <div data-testid="assessment-import">
        <Typography.Paragraph>{t('allowances.import.assessmentsExplain')}</Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text strong>{t('allowances.import.format')}</Typography.Text>
          <br />
          <Typography.Text code copyable data-testid="assessment-header">
            {ASSESSMENT_HEADER.join(',')}
          </Typography.Text>
        </Typography.Paragraph>
        <ul style={{ paddingLeft: 20, marginTop: 0 }}>
          <li>{t('allowances.import.rulePerson')}</li>
          <li>{t('allowances.import.ruleDates')}</li>
          <li>{t('allowances.import.ruleResult')}</li>
          <li>{t('allowances.import.ruleAllOrNothing')}</li>
        </ul>
        <Space wrap style={{ marginBottom: 16 }}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => saveBlob(new Blob([assessmentTemplate()], { type: 'text/csv;charset=utf-8' }), t('allowances.import.assessmentsTemplateName'))}
            data-testid="assessment-template"
          >
            {t('allowances.import.template')}
          </Button>
          <CsvPicker onFile={(f) => void upload(f)} busy={busy} label={t('allowances.import.pick')} testId="assessment-pick" />
        </Space>
        {outcome?.kind === 'done' && (
          <Alert type="success" showIcon data-testid="import-result" title={t('allowances.import.assessmentsDone', { file: outcome.file, count: outcome.imported })} />
        )}
        {outcome?.kind === 'refused' && (
          <>
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="import-refused"
              title={t('allowances.import.invalid', { file: outcome.file, count: outcome.rows.length })}
            />
            <RowErrorsTable rows={outcome.rows} />
          </>
        )}
      </div>
    </Modal>
  );
}
