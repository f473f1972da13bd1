import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testId } from '../../lib/testId';
import { useNavigate } from 'react-router';
import { knownFields } from '../../api/problem';
import { dayjs, type Dayjs } from '../../lib/dates';
import { useProblem } from '../../lib/useProblem';
import { CompoundSelect } from '../registry/CompoundSelect';
import { OrganisationSelect } from '../registry/OrganisationSelect';
import { createActivity, volunteeringKeys } from './api';
import { CentreSelect } from './CentreSelect';

interface Values {
  title: string;
  description?: string;
  team_id?: string;
  where: 'centre' | 'compound';
  centre_id?: string;
  compound_id?: string;
  window: [Dayjs, Dayjs];
  capacity: number;
}

const FIELDS = knownFields(['title', 'description', 'team_id', 'centre_id', 'compound_id', 'capacity']);

/** A new service activity at a centre or in a compound (at most 24 hours). */
export function ActivityFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { showOnForm } = useProblem();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const where = Form.useWatch('where', form) ?? 'centre';

  async function submit(v: Values) {
    setBusy(true);
    try {
      const created = await createActivity({
        title: v.title.trim(),
        description: v.description?.trim() || null,
        team_id: v.team_id || null,
        centre_id: v.where === 'centre' ? v.centre_id : null,
        compound_id: v.where === 'compound' ? v.compound_id : null,
        starts_at: v.window[0].toISOString(),
        ends_at: v.window[1].toISOString(),
        capacity: v.capacity,
      });
      void message.success(t('volunteering.activity.created'));
      await queryClient.invalidateQueries({ queryKey: volunteeringKeys.all });
      form.resetFields();
      onClose();
      void navigate(`/volunteering/activities/${created.id}`);
    } catch (e) {
      showOnForm(form, e, (field) => {
        if (field === 'starts_at' || field === 'ends_at') return ['window'];
        return FIELDS(field);
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('volunteering.activity.create')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
      okButtonProps={{ ...testId('activity-save') }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ where: 'centre', capacity: 20 }}
        data-testid="activity-form"
      >
        <Form.Item name="title" label={t('volunteering.activity.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="activity-title" maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('volunteering.activity.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="team_id" label={t('volunteering.activity.team')} extra={t('volunteering.activity.teamHelp')}>
          <OrganisationSelect kind="volunteer_team" data-testid="activity-team" />
        </Form.Item>
        <Form.Item name="where" label={t('volunteering.activity.where')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'centre', label: t('volunteering.activity.atCentre') },
              { value: 'compound', label: t('volunteering.activity.inCompound') },
            ]}
          />
        </Form.Item>
        {where === 'centre' ? (
          <Form.Item name="centre_id" label={t('volunteering.activity.centre')} rules={[{ required: true, message: t('validation.required') }]}>
            <CentreSelect data-testid="activity-centre" />
          </Form.Item>
        ) : (
          <Form.Item name="compound_id" label={t('volunteering.activity.compound')} rules={[{ required: true, message: t('validation.required') }]}>
            <CompoundSelect data-testid="activity-compound" />
          </Form.Item>
        )}
        <Form.Item
          name="window"
          label={t('volunteering.activity.window')}
          extra={t('volunteering.activity.windowHelp')}
          rules={[
            { required: true, message: t('validation.required') },
            {
              validator: (_, w?: [Dayjs, Dayjs]) =>
                !w || (w[1].isAfter(w[0]) && w[1].diff(w[0], 'hour', true) <= 24)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('volunteering.activity.windowInvalid'))),
            },
          ]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="activity-window"
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
          />
        </Form.Item>
        <Form.Item name="capacity" label={t('volunteering.activity.capacity')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} data-testid="activity-capacity" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
