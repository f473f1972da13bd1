import { Input, InputNumber } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldCol } from '../../components/FieldCol';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';

interface SiteFieldsProps {
  editing: boolean;
  /** Under the community once it can no longer change. */
  communityExtra?: ReactNode;
  communityTestId?: string;
  nameRequired: string;
  /** The message when the position is left empty; without it the position is optional. */
  locationRequired?: string;
  locationHint?: ReactNode;
  /** The steps of the position's arrows (1 by default). */
  locationStep?: number;
}

/**
 * Where a registered site is (a compound, a centre): its community (fixed once registered),
 * name, address and position, as columns of the form's row.
 */
export function SiteFields({ editing, communityExtra, communityTestId, nameRequired, locationRequired, locationHint, locationStep }: SiteFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <FieldCol name="community_id" label={t('fields.community_id')} extra={communityExtra} requiredMessage={t('compounds.communityRequired')}>
        <AreaTreeSelect
          selectable={['community']}
          deepest="community"
          placeholder={t('compounds.communityPlaceholder')}
          disabled={editing}
          data-testid={communityTestId}
        />
      </FieldCol>
      <FieldCol name="name" label={t('fields.name')} requiredMessage={nameRequired} text>
        <Input maxLength={100} showCount />
      </FieldCol>
      <FieldCol width="full" name="address" label={t('fields.address')} requiredMessage={t('compounds.addressRequired')} text>
        <Input maxLength={200} />
      </FieldCol>
      {(['lat', 'lon'] as const).map((axis) => (
        <FieldCol
          key={axis}
          width="quarter"
          name={['location', axis]}
          label={t(`compounds.${axis}`)}
          extra={axis === 'lat' ? locationHint : undefined}
          requiredMessage={locationRequired}
        >
          <InputNumber style={{ width: '100%' }} min={axis === 'lat' ? -90 : -180} max={axis === 'lat' ? 90 : 180} step={locationStep} />
        </FieldCol>
      ))}
    </>
  );
}
