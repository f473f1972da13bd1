import { Col, Form, InputNumber, Row, Select, Switch, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Centre, CentreInput } from '../../api/types';
import { FieldCol } from '../../components/FieldCol';
import { dayjs, type Dayjs } from '../../lib/dates';
import { useVersionedForm } from '../../lib/useVersionedForm';
import { RecordFormPage } from '../registry/RecordFormPage';
import { SiteFields } from '../registry/SiteFields';
import { centreKeys, createCentre, fetchCentre, updateCentre, useCentre } from './api';
import { centreFieldPath, fromRows, rowProblem, toRows, type DayRow } from './hours';

interface Values {
  community_id?: string;
  name?: string;
  address?: string;
  location?: { lat?: number | null; lon?: number | null };
  geofence_radius_m?: number;
  services?: string[];
  hours: DayRow[];
}

const SERVICES = ['党员服务', '志愿服务', '儿童托管', '健康义诊', '便民维修', '老年助餐', '法律咨询', '图书阅览'];
const TIME = 'HH:mm';

function toValues(c: Centre): Values {
  return {
    community_id: c.community_id,
    name: c.name,
    address: c.address,
    location: { lat: c.location.lat, lon: c.location.lon },
    geofence_radius_m: c.geofence_radius_m,
    services: c.services,
    hours: toRows(c.opening_hours),
  };
}

function toBody(v: Values): CentreInput {
  return {
    community_id: v.community_id ?? '',
    name: (v.name ?? '').trim(),
    address: (v.address ?? '').trim(),
    location: { lat: v.location?.lat ?? 0, lon: v.location?.lon ?? 0 },
    geofence_radius_m: v.geofence_radius_m ?? 0,
    services: (v.services ?? []).map((s) => s.trim()).filter(Boolean),
    // The contract describes the object without its values' shape.
    opening_hours: fromRows(v.hours) as unknown as CentreInput['opening_hours'],
  };
}

/** A TimePicker that holds `HH:mm` strings in the form. */
const asTime = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value, TIME) : undefined }),
  normalize: (value?: Dayjs | null) => (value ? value.format(TIME) : ''),
};

export default function CentreFormPage() {
  const { t } = useTranslation();
  const { form, editing, search, page } = useVersionedForm({
    useRecord: useCentre,
    keys: centreKeys,
    fetchOne: fetchCentre,
    create: createCentre,
    update: updateCentre,
    toValues,
    toBody,
    toFormPath: centreFieldPath,
    feature: 'centres',
    titleArgs: (c) => ({ name: c.name }),
  });
  const hours = Form.useWatch('hours', form);

  const initial: Values = {
    community_id: search.get('community_id') ?? undefined,
    geofence_radius_m: 200,
    services: [],
    location: { lat: null, lon: null },
    hours: toRows({ '1': ['08:30', '20:00'], '2': ['08:30', '20:00'], '3': ['08:30', '20:00'], '4': ['08:30', '20:00'], '5': ['08:30', '20:00'], '6': ['09:00', '17:00'] }),
  };

  return (
    <RecordFormPage<Values> {...page} initialValues={initial} testId="centre-form" saveTestId="save-centre" autoComplete="off">
      <Row gutter={24}>
        <SiteFields
          editing={editing}
          communityExtra={editing ? t('centres.communityFixed') : undefined}
          communityTestId="centre-community"
          nameRequired={t('centres.nameRequired')}
          locationRequired={t('centres.locationRequired')}
          locationStep={0.0001}
        />
        <FieldCol
          name="geofence_radius_m"
          label={t('fields.geofence_radius_m')}
          extra={t('centres.radiusHint')}
          rules={[{ required: true, type: 'number', min: 10, max: 2000, message: t('centres.radiusRange') }]}
        >
          <InputNumber style={{ width: '100%' }} min={10} max={2000} precision={0} suffix={t('centres.metreUnit')} data-testid="centre-radius-input" />
        </FieldCol>
        <FieldCol width="full" name="services" label={t('fields.services')} extra={t('centres.servicesHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} options={SERVICES.map((s) => ({ value: s, label: s }))} maxCount={30} />
        </FieldCol>
      </Row>

      <Typography.Title level={5}>{t('fields.opening_hours')}</Typography.Title>
      <Form.List name="hours">
        {(rows) => (
          <div data-testid="hours-editor" style={{ marginBottom: 16 }}>
            {rows.map((row, i) => {
              const open = hours?.[i]?.open ?? false;
              return (
                <Row key={row.key} gutter={12} align="top" data-testid={`hours-day-${i + 1}`}>
                  <Col flex="88px" style={{ paddingTop: 5 }}>
                    {t(`weekdays.${i + 1}`)}
                  </Col>
                  <Col flex="100px">
                    <Form.Item name={[row.name, 'open']} valuePropName="checked">
                      <Switch checkedChildren={t('centres.open')} unCheckedChildren={t('centres.closed')} />
                    </Form.Item>
                  </Col>
                  <Col flex="140px">
                    <Form.Item
                      name={[row.name, 'from']}
                      {...asTime}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: async () => {
                            const r: DayRow | undefined = getFieldValue(['hours', row.name]);
                            const problem = r ? rowProblem(r) : null;
                            if (problem) throw new Error(t(`centres.hours_${problem}`));
                          },
                        }),
                      ]}
                      dependencies={[['hours', row.name, 'to'], ['hours', row.name, 'open']]}
                    >
                      <TimePicker format={TIME} minuteStep={5} disabled={!open} placeholder={t('centres.opens')} needConfirm={false} />
                    </Form.Item>
                  </Col>
                  <Col flex="140px">
                    <Form.Item name={[row.name, 'to']} {...asTime}>
                      <TimePicker format={TIME} minuteStep={5} disabled={!open} placeholder={t('centres.closes')} needConfirm={false} />
                    </Form.Item>
                  </Col>
                </Row>
              );
            })}
          </div>
        )}
      </Form.List>
    </RecordFormPage>
  );
}
