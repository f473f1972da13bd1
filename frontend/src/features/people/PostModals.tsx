import { AutoComplete, Col, DatePicker, Form, Input, Modal, Row, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownFields } from '../../api/problem';
import type { Post, PostInput } from '../../api/types';
import { fromDay, todayIso, toDay, type Dayjs } from '../../lib/dates';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { OrganisationSelect } from '../registry/OrganisationSelect';
import { PersonSelect } from '../registry/PersonSelect';
import { isStale } from '../registry/isStale';
import { createPost, updatePost } from './api';

const APPOINT_FIELDS = knownFields(['person_id', 'organisation_id', 'title', 'single_holder', 'start_date', 'end_date']);
const END_FIELDS = knownFields(['end_date', 'start_date']);

/** Titles offered while typing; any other title may be typed. */
const TITLES = ['书记', '副书记', '委员', '主任', '副主任', '监事长', '总经理', '项目经理', '队长', '成员'];

interface AppointValues {
  person_id?: string;
  organisation_id?: string;
  title?: string;
  single_holder: boolean;
  start_date?: Dayjs;
  end_date?: Dayjs | null;
}

interface AppointProps {
  open: boolean;
  /** The side that is fixed: appointing someone to this organisation, or this person to an organisation. */
  fixed: { person_id: string; person_name: string } | { organisation_id: string; organisation_name: string };
  onClose: () => void;
  onDone: (post: Post) => void;
}

/** Appoints a person to a post (任职) in an organisation. */
export function AppointModal({ open, fixed, onClose, onDone }: AppointProps) {
  const { t } = useTranslation();
  const { showOnForm } = useProblem();
  const [form] = Form.useForm<AppointValues>();
  const [busy, setBusy] = useState(false);
  const byPerson = 'person_id' in fixed;

  async function submit(v: AppointValues) {
    setBusy(true);
    const body: PostInput = {
      person_id: byPerson ? fixed.person_id : (v.person_id ?? ''),
      organisation_id: byPerson ? (v.organisation_id ?? '') : fixed.organisation_id,
      title: (v.title ?? '').trim(),
      single_holder: v.single_holder,
      start_date: fromDay(v.start_date) ?? todayIso(),
      end_date: fromDay(v.end_date),
    };
    try {
      onDone(await createPost(body));
    } catch (e) {
      showOnForm(form, e, APPOINT_FIELDS);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('posts.appointTitle', { name: byPerson ? fixed.person_name : fixed.organisation_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('posts.appoint')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...testId('appoint-submit') }}
      destroyOnHidden
      width={640}
    >
      <Form<AppointValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ single_holder: false, start_date: toDay(todayIso()) }}
        data-testid="appoint-form"
      >
        {byPerson ? (
          <Form.Item
            name="organisation_id"
            label={t('fields.organisation_id')}
            rules={[{ required: true, message: t('posts.organisationRequired') }]}
          >
            <OrganisationSelect placeholder={t('posts.organisationPlaceholder')} data-testid="appoint-organisation" />
          </Form.Item>
        ) : (
          <Form.Item
            name="person_id"
            label={t('fields.person_id')}
            rules={[{ required: true, message: t('posts.personRequired') }]}
            extra={t('posts.personHint')}
          >
            <PersonSelect placeholder={t('posts.personPlaceholder')} data-testid="appoint-person" />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label={t('fields.title')}
              rules={[{ required: true, whitespace: true, message: t('posts.titleRequired') }]}
            >
              <AutoComplete
                options={TITLES.map((v) => ({ value: v }))}
                showSearch={{ filterOption: (input, option) => !!option?.value.includes(input.trim()) }}
              >
                <Input maxLength={50} data-testid="appoint-title" />
              </AutoComplete>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="single_holder"
              label={t('fields.single_holder')}
              valuePropName="checked"
              extra={t('posts.singleHolderHint')}
            >
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="start_date"
              label={t('fields.start_date')}
              rules={[{ required: true, message: t('posts.startRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="appoint-start" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="end_date" label={t('fields.end_date')} extra={t('posts.endHint')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

interface EndProps {
  post: Post | null;
  onClose: () => void;
  onDone: (post: Post) => void;
  /** The post changed since the list was read (412/428): reload it. */
  onStale: () => void;
}

/** Ends a post: the holder steps down on a date (the first day they no longer hold it). */
export function EndPostModal({ post, onClose, onDone, onStale }: EndProps) {
  const { t } = useTranslation();
  const { showOnForm } = useProblem();
  const [form] = Form.useForm<{ end_date?: Dayjs }>();
  const [busy, setBusy] = useState(false);

  async function submit({ end_date }: { end_date?: Dayjs }) {
    if (!post) return;
    setBusy(true);
    try {
      const saved = await updatePost(post, {
        person_id: post.person_id,
        organisation_id: post.organisation_id,
        title: post.title,
        single_holder: post.single_holder,
        start_date: post.start_date,
        end_date: fromDay(end_date),
      });
      onDone(saved);
    } catch (e) {
      if (isStale(e)) onStale();
      else showOnForm(form, e, END_FIELDS);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={!!post}
      title={t('posts.endTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('posts.end')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: busy, ...testId('end-post-submit') }}
      destroyOnHidden
    >
      {post && (
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ end_date: toDay(todayIso()) }}>
          <Typography.Paragraph>
            {t('posts.endContent', { person: post.person_name, organisation: post.organisation_name, title: post.title })}
          </Typography.Paragraph>
          <Form.Item
            name="end_date"
            label={t('fields.end_date')}
            extra={t('posts.endDateHint')}
            rules={[{ required: true, message: t('posts.endRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="end-post-date" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
