import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { CalendarDay, ComplaintCategory } from '../../api/types';
import { dateField, dayjs } from '../../lib/dates';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { isStale } from '../registry/isStale';
import { complaintKeys, setCalendarDay, updateCategory, useCalendar, useCategories } from './api';

const HANDLER_RULES = ['governance_mode', 'law_enforcement', 'owners_committee', 'community'] as const;

interface CategoryValues {
  sign_hours?: number;
  resolve_hours?: number;
  handler_rule?: string;
  active?: boolean;
}

function Categories() {
  const { t, i18n } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const queryClient = useQueryClient();
  const categories = useCategories({ all: true });
  const [editing, setEditing] = useState<ComplaintCategory | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<CategoryValues>();

  async function save(v: CategoryValues) {
    if (!editing) return;
    setBusy(true);
    try {
      await updateCategory(editing, {
        sign_hours: v.sign_hours ?? editing.sign_hours,
        resolve_hours: v.resolve_hours ?? editing.resolve_hours,
        handler_rule: v.handler_rule ?? editing.handler_rule,
        active: v.active ?? editing.active,
      });
      void message.success(t('complaintSettings.categorySaved'));
      setEditing(null);
    } catch (e) {
      if (isStale(e)) {
        notification.warning({ title: t('complaintSettings.stale'), placement: 'topRight' });
        setEditing(null);
      } else showOnForm(form, e, knownFields(['sign_hours', 'resolve_hours', 'handler_rule', 'active']));
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: complaintKeys.categories });
    }
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{t('complaintSettings.categoriesHint')}</Typography.Paragraph>
      <Table<ComplaintCategory>
        rowKey="code"
        size="small"
        loading={categories.isPending}
        dataSource={categories.data ?? []}
        pagination={false}
        data-testid="category-table"
        columns={[
          { title: t('complaintSettings.category'), key: 'name', render: (_, c) => (i18n.language === 'en' ? c.name_en : c.name_zh) },
          { title: t('complaintSettings.code'), dataIndex: 'code' },
          { title: t('complaintSettings.signHours'), dataIndex: 'sign_hours', align: 'right' },
          { title: t('complaintSettings.resolveHours'), dataIndex: 'resolve_hours', align: 'right' },
          { title: t('complaintSettings.handlerRule'), dataIndex: 'handler_rule', render: (r: string) => t(`handlerRules.${r}`, { defaultValue: r }) },
          { title: t('complaintSettings.active'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
          {
            key: 'edit',
            render: (_, c) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid={`edit-category-${c.code}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing ? t('complaintSettings.editCategory', { name: i18n.language === 'en' ? editing.name_en : editing.name_zh }) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, ...testId('save-category') }}
        destroyOnHidden
      >
        {editing && (
          <Form<CategoryValues> form={form} layout="vertical" preserve={false} initialValues={editing} onFinish={save}>
            <Form.Item name="sign_hours" label={t('complaintSettings.signHours')} rules={[{ required: true, message: t('complaintSettings.hoursRequired') }]}>
              <InputNumber min={1} max={720} precision={0} style={{ width: '100%' }} data-testid="category-sign-hours" />
            </Form.Item>
            <Form.Item name="resolve_hours" label={t('complaintSettings.resolveHours')} rules={[{ required: true, message: t('complaintSettings.hoursRequired') }]}>
              <InputNumber min={1} max={4320} precision={0} style={{ width: '100%' }} data-testid="category-resolve-hours" />
            </Form.Item>
            <Form.Item name="handler_rule" label={t('complaintSettings.handlerRule')} rules={[{ required: true }]}>
              <Select options={HANDLER_RULES.map((r) => ({ value: r, label: t(`handlerRules.${r}`) }))} />
            </Form.Item>
            <Form.Item name="active" label={t('complaintSettings.active')} valuePropName="checked" extra={t('complaintSettings.activeHint')}>
              <Switch />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}

interface DayValues {
  day?: string;
  kind?: 'holiday' | 'workday';
  note?: string;
}

function Calendar() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { notify, showOnForm } = useProblem();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const days = useCalendar(year);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<DayValues>();

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ['calendar-days'] });
  }

  async function save(v: DayValues) {
    if (!v.day || !v.kind) return;
    setBusy(true);
    try {
      await setCalendarDay(v.day, { kind: v.kind, note: (v.note ?? '').trim() });
      void message.success(t('complaintSettings.daySaved'));
      setAdding(false);
    } catch (e) {
      showOnForm(form, e, knownFields(['day', 'kind', 'note']));
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  function remove(d: CalendarDay) {
    modal.confirm({
      title: t('complaintSettings.removeDay', { day: d.day }),
      okText: t('complaintSettings.remove'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await setCalendarDay(d.day, { kind: 'normal' });
          void message.success(t('complaintSettings.dayRemoved'));
        } catch (e) {
          notify(e);
        } finally {
          await refresh();
        }
      },
    });
  }

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('complaintSettings.year')}</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="calendar-year" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-day">
          {t('complaintSettings.addDay')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('complaintSettings.calendarHint')}</Typography.Paragraph>
      <Table<CalendarDay>
        rowKey="day"
        size="small"
        loading={days.isPending}
        dataSource={days.data ?? []}
        pagination={false}
        data-testid="calendar-table"
        columns={[
          { title: t('complaintSettings.day'), dataIndex: 'day', render: (d: string) => `${d} ${dayjs(d).format('ddd')}` },
          {
            title: t('complaintSettings.kind'),
            dataIndex: 'kind',
            render: (k: string) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`dayKinds.${k}`, { defaultValue: k })}</Tag>,
          },
          { title: t('complaintSettings.note'), dataIndex: 'note' },
          {
            key: 'remove',
            render: (_, d) => (
              <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(d)}>
                {t('complaintSettings.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('complaintSettings.addDay')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, ...testId('save-day') }}
        destroyOnHidden
      >
        <Form<DayValues> form={form} layout="vertical" preserve={false} initialValues={{ kind: 'holiday' }} onFinish={save}>
          <Form.Item name="day" label={t('complaintSettings.day')} {...dateField} rules={[{ required: true, message: t('complaintSettings.dayRequired') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="day-date" />
          </Form.Item>
          <Form.Item name="kind" label={t('complaintSettings.kind')} rules={[{ required: true }]}>
            <Select
              options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`dayKinds.${k}`) }))}
              data-testid="day-kind"
            />
          </Form.Item>
          <Form.Item name="note" label={t('complaintSettings.note')}>
            <Input maxLength={50} placeholder={t('complaintSettings.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 诉求类别与工作日历: category deadlines and handler rules; holidays and make-up working days. */
export default function ComplaintSettingsPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('complaintSettings.title')}>
      <Tabs
        items={[
          { key: 'categories', label: t('complaintSettings.categories'), children: <Categories /> },
          { key: 'calendar', label: t('complaintSettings.calendar'), children: <Calendar /> },
        ]}
      />
    </Card>
  );
}
