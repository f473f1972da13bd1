import { Alert, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { CsvImport } from '../../components/CsvImport';
import { importAssessments } from './api';
import { ASSESSMENT_HEADER, assessmentTemplate, explanationIn } from './model';
import { useAllowanceNotify } from './useAllowanceNotify';

/**
 * 导入考评: a year's results as CSV from the party organisations. All rows or none: a file
 * with any problem is refused and every problem is listed by row and column.
 */
export function AssessmentImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const notify = useAllowanceNotify();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('allowances.import.assessmentsTitle')}
      width={780}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      destroyOnHidden
    >
      <CsvImport
        testId="assessment-import"
        explain={t('allowances.import.assessmentsExplain')}
        formatTitle={t('allowances.import.format')}
        header={ASSESSMENT_HEADER}
        headerTestId="assessment-header"
        rules={[
          t('allowances.import.rulePerson'),
          t('allowances.import.ruleDates'),
          t('allowances.import.ruleResult'),
          t('allowances.import.ruleAllOrNothing'),
        ]}
        template={{ csv: assessmentTemplate, fileName: t('allowances.import.assessmentsTemplateName'), label: t('allowances.import.template'), testId: 'assessment-template' }}
        pick={{ label: t('allowances.import.pick'), testId: 'assessment-pick' }}
        upload={importAssessments}
        onUploaded={onImported}
        onFailure={notify}
        done={(result, file) => (
          <Alert type="success" showIcon data-testid="import-result" title={t('allowances.import.assessmentsDone', { file, count: result.imported })} />
        )}
        refused={{
          testId: 'import-refused',
          title: (file, count) => t('allowances.import.invalid', { file, count }),
        }}
        errors={{ testId: 'row-errors', labels: 'allowances.import', message: explanationIn }}
      />
    </Modal>
  );
}
