import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Select, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { knownFields } from '../../api/problem';
import { useSession } from '../../auth/session';
import { dayjs, type Dayjs } from '../../lib/dates';
import { LoadFailed } from '../../components/LoadFailed';
import { allowanceKeys, createCycle, useCycles, useProgrammes, type CycleFilters } from './api';
import { Yuan } from './Yuan';
import { StatusTag } from './AllowanceTags';
import { useMonthLabel } from './useMonthLabel';
import { codeLabel, CYCLE_STATUSES, monthOf } from './model';
import { translate } from '../../i18n';
import type { Cycle, CycleStatus } from './types';
import { FormModal } from '../../components/FormModal';
import { DataTable } from '../../components/DataTable';

/**
 * 发放批次: the payment cycles, newest month first, with their totals; filtered by status
 * and (unless fixed to one programme) by programme. Preparers open a new one from here.
 */
export function CyclesCard({ programmeId }: { programmeId?: string }) {
  const { t } = useTranslation();
  const { access } = useSession();
  const monthLabel = useMonthLabel();
  const [filters, setFilters] = useState<CycleFilters>({ programme_id: programmeId });
  const cycles = useCycles({ ...filters, programme_id: programmeId ?? filters.programme_id });
  const programmes = useProgrammes();
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<Cycle> = [
    {
      title: t('allowances.cycles.colMonth'),
      dataIndex: 'month',
      render: (month: string, c) => (
        <Space size={4}>
          <Link to={`/allowances/cycles/${c.id}`} data-testid={`cycle-link-${month}`}>
            {monthLabel(month)}
          </Link>
          {c.assessments_changed && (
            <Tooltip title={t('allowances.cycle.assessmentsChanged')}>
              <WarningOutlined style={{ color: '#faad14' }} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    ...(programmeId ? [] : [{ title: t('allowances.cycles.colProgramme'), dataIndex: 'programme_name' }]),
    { title: t('allowances.cycles.colStatus'), dataIndex: 'status', render: (s: CycleStatus) => <StatusTag status={s} /> },
    {
      title: t('allowances.cycles.colIncluded'),
      key: 'included',
      align: 'right',
      render: (_: unknown, c) => `${c.included} / ${c.candidates}`,
    },
    { title: t('allowances.cycles.colTotal'), dataIndex: 'total_fen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
    { title: t('allowances.cycles.colPaid'), dataIndex: 'paid_fen', align: 'right', render: (fen: number) => <Yuan fen={fen} /> },
    {
      title: t('allowances.cycles.colFailed'),
      dataIndex: 'failed',
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: t('allowances.cycles.colPeople'),
      key: 'people',
      render: (_: unknown, c) => (
        <span>
          {c.prepared_by_name}
          {c.approved_by_name ? ` / ${c.approved_by_name}` : ''}
        </span>
      ),
    },
  ];

  return (
    <Card
      title={t('allowances.cycles.title')}
      data-testid="cycles-card"
      extra={
        access.allowances.prepare && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-cycle">
            {t('allowances.cycles.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {!programmeId && (
          <Select
            allowClear
            style={{ width: 260 }}
            placeholder={t('allowances.cycles.filterProgramme')}
            value={filters.programme_id}
            onChange={(v?: string) => setFilters((f) => ({ ...f, programme_id: v }))}
            options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="filter-programme"
          />
        )}
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('allowances.cycles.filterStatus')}
          value={filters.status}
          onChange={(v?: CycleStatus) => setFilters((f) => ({ ...f, status: v }))}
          options={CYCLE_STATUSES.map((s) => ({ value: s, label: codeLabel('statuses', s, translate) }))}
          data-testid="filter-status"
        />
      </Space>
      <DataTable<Cycle>
        testId="cycle-table"
        columns={columns}
        rows={cycles.data?.items}
        query={cycles}
        pageSize={12}
        empty={t('allowances.cycles.empty')}
        scrollX={900}
      />
      <LoadFailed query={cycles} />
      <NewCycleModal open={creating} onClose={() => setCreating(false)} programmeId={programmeId} />
    </Card>
  );
}

interface NewCycleValues {
  programme_id?: string;
  month?: Dayjs;
}

const cycleFields = knownFields(['programme_id', 'month']);

/** 新建发放批次: a programme and a month; the server generates the candidates at once. */
function NewCycleModal({ open, onClose, programmeId }: { open: boolean; onClose: () => void; programmeId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const programmes = useProgrammes();
  const [form] = Form.useForm<NewCycleValues>();
  const active = (programmes.data?.items ?? []).filter((p) => p.active);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const only = programmeId ?? (active.length === 1 ? active[0].id : undefined);
    form.setFieldsValue({ programme_id: only, month: dayjs() });
    // Set once per opening; the programmes arriving later must not overwrite a choice.
  }, [open]);

  async function save(values: NewCycleValues) {
    if (!values.programme_id || !values.month) return;
    const month = monthOf(values.month.toDate());
    const created = await createCycle(values.programme_id, month);
    queryClient.setQueryData(allowanceKeys.cycle(created.data.id), created);
    void queryClient.invalidateQueries({ queryKey: ['allowances', 'cycles'] });
    void message.success(t('allowances.cycles.created', { count: created.data.candidates }));
    onClose();
    navigate(`/allowances/cycles/${created.data.id}`);
  }

  return (
    <FormModal
      open={open}
      title={t('allowances.cycles.createTitle')}
      onCancel={onClose}
      okText={t('allowances.cycles.generate')}
      forceRender
      destroyOnHidden={false}
      form={form}
      onSave={save}
      toFormPath={cycleFields}
      okTestId="create-cycle-submit"
      formTestId="cycle-form"
      intro={<Typography.Paragraph type="secondary">{t('allowances.cycles.createHint')}</Typography.Paragraph>}
    >
      <Form.Item name="programme_id" label={t('allowances.cycles.colProgramme')} rules={[{ required: true, message: t('allowances.cycles.programmeRequired') }]}>
        <Select
          disabled={!!programmeId}
          loading={programmes.isPending}
          options={active.map((p) => ({ value: p.id, label: p.name }))}
          data-testid="cycle-programme"
        />
      </Form.Item>
      <Form.Item name="month" label={t('allowances.cycles.colMonth')} rules={[{ required: true, message: t('allowances.cycles.monthRequired') }]}>
        <DatePicker
          picker="month"
          format="YYYY-MM"
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          data-testid="cycle-month"
        />
      </Form.Item>
    </FormModal>
  );
}
