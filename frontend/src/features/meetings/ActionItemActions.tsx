import { CheckOutlined, CloseOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { ActionItem, ActionItemStatusInput } from '../../api/types';
import { dateField, dayjs, todayIso } from '../../lib/dates';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { isStale } from '../registry/isStale';
import { actionItemKeys, meetingKeys, setActionItemStatus } from './api';

const FIELDS = knownFields(['done_on']);

/** 办结 (with the date) / 取消 / 重新打开 for one action item. */
export function ActionItemActions({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  const { message, modal, notification } = App.useApp();
  const { notify, showOnForm } = useProblem();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ done_on?: string }>();

  async function change(body: ActionItemStatusInput, done: string, onFieldError?: (e: unknown) => void) {
    setBusy(true);
    try {
      await setActionItemStatus(item, body);
      void message.success(done);
      setClosing(false);
    } catch (e) {
      if (isStale(e)) notification.warning({ title: t('actionItems.stale'), placement: 'topRight' });
      else if (onFieldError) onFieldError(e);
      else notify(e);
    } finally {
      setBusy(false);
      // The item's meeting shows it too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: actionItemKeys.all }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.one(item.meeting_id) }),
      ]);
    }
  }

  if (item.status !== 'open') {
    return (
      <Button
        size="small"
        icon={<UndoOutlined />}
        loading={busy}
        onClick={() => void change({ status: 'open', done_on: null }, t('actionItems.reopened'))}
        data-testid="reopen-action"
      >
        {t('actionItems.reopen')}
      </Button>
    );
  }

  return (
    <Space size={4}>
      <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setClosing(true)} data-testid="done-action">
        {t('actionItems.done')}
      </Button>
      <Button
        size="small"
        icon={<CloseOutlined />}
        loading={busy && !closing}
        data-testid="cancel-action"
        onClick={() =>
          modal.confirm({
            title: t('actionItems.cancelTitle'),
            content: item.description,
            okText: t('actionItems.cancelConfirm'),
            cancelText: t('common.back'),
            okButtonProps: { danger: true, ...testId('confirm-cancel-action') },
            onOk: () => change({ status: 'cancelled', done_on: null }, t('actionItems.cancelled')),
          })
        }
      >
        {t('actionItems.cancel')}
      </Button>
      <Modal
        open={closing}
        title={t('actionItems.doneTitle')}
        onCancel={() => setClosing(false)}
        onOk={() => form.submit()}
        okText={t('actionItems.done')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, ...testId('done-action-submit') }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ done_on: todayIso() }}
          onFinish={({ done_on }) =>
            change({ status: 'done', done_on: done_on ?? null }, t('actionItems.doneDone'), (e) => showOnForm(form, e, FIELDS))
          }
        >
          <p>{item.description}</p>
          <Form.Item
            name="done_on"
            label={t('fields.done_on')}
            {...dateField}
            rules={[{ required: true, message: t('actionItems.doneOnRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="done-action-date"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
