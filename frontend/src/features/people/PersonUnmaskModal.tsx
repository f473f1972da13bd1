import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UnmaskDialog } from '../../components/UnmaskDialog';
import { unmaskPerson } from './api';

interface Props {
  person: { id: string; name: string };
  open: boolean;
  onClose: () => void;
}

/** Asks why, then shows the person's phone and ID number in full (see `UnmaskDialog`). */
export function PersonUnmaskModal({ person, open, onClose }: Props) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('people.notRecorded')}</Typography.Text>;
  return (
    <UnmaskDialog
      open={open}
      onClose={onClose}
      title={t('people.unmaskTitle', { name: person.name })}
      reasonPlaceholder={t('people.reasonPlaceholder')}
      unmask={(reason) => unmaskPerson(person.id, reason)}
      auditedNote={t('people.unmaskAudited')}
      renderResult={(data) => (
        <Descriptions
          bordered
          column={1}
          size="small"
          items={[
            {
              key: 'phone',
              label: t('fields.phone'),
              children: data.phone ? (
                <Typography.Text copyable strong data-testid="unmasked-phone">
                  {data.phone}
                </Typography.Text>
              ) : (
                none
              ),
            },
            {
              key: 'id',
              label: t('fields.id_number'),
              children: data.id_number ? (
                <Typography.Text copyable strong data-testid="unmasked-id-number">
                  {data.id_number}
                </Typography.Text>
              ) : (
                none
              ),
            },
          ]}
        />
      )}
    />
  );
}
