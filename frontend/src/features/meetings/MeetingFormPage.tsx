import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/problem';
import type { Organisation, OrgKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { dateField, todayIso } from '../../lib/dates';
import { useProblem } from '../../lib/useProblem';
import { useCompound } from '../compounds/api';
import { fetchAllOrganisations, useServingOrganisations } from '../organisations/api';
import { CompoundSelect } from '../registry/CompoundSelect';
import { isStale } from '../registry/isStale';
import { ORG_KINDS } from '../registry/kinds';
import { createMeeting, fetchMeeting, meetingKeys, updateMeeting, useMeeting } from './api';
import {
  defaultAttendance,
  defaultConvener,
  EMPTY_MEETING,
  meetingFieldPath,
  toMeetingBody,
  toMeetingValues,
  type MeetingValues,
} from './form';
import { RecordFormPage } from '../registry/RecordFormPage';

/** The community's party committee (the usual convener), when the user may see it. */
function useCommunityCommittees(communityId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['organisations', 'community-committees', communityId ?? ''],
    // Outside the user's area (a compound secretary's view) the list is refused: offer none.
    queryFn: () =>
      fetchAllOrganisations({ area_id: communityId, kind: 'community_party_committee' }).catch((e: unknown) => {
        if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return [];
        throw e;
      }),
    enabled: !!communityId && enabled,
    staleTime: 60_000,
  });
}

export default function MeetingFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const { access } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MeetingValues>();
  const existing = useMeeting(id);
  const [etag, setEtag] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const compoundId = Form.useWatch('compound_id', form);
  const attendance = Form.useWatch(['minutes', 'attendance'], form) ?? [];
  const resolutions = Form.useWatch(['minutes', 'resolutions'], form) ?? [];
  const agenda = Form.useWatch(['minutes', 'agenda'], form) ?? [];
  const actionItems = Form.useWatch('action_items', form) ?? [];
  const compound = useCompound(compoundId);
  const serving = useServingOrganisations(compoundId);
  // Only staff see beyond a compound; a compound secretary's meetings are convened by the branch.
  const committees = useCommunityCommittees(compound.data?.compound.community_id, access.registry.manage);

  // Everyone who can take part: the compound's bodies and its community's committee.
  const orgs = useMemo(() => {
    const all = new Map<string, Pick<Organisation, 'id' | 'kind' | 'name'>>();
    for (const o of [...(committees.data ?? []), ...(serving.data ?? [])]) all.set(o.id, o);
    const m = existing.data?.data;
    // A recorded convener the user cannot list (e.g. outside a secretary's compound) keeps its name.
    if (m && m.compound_id === compoundId && !all.has(m.convener_org_id)) {
      all.set(m.convener_org_id, { id: m.convener_org_id, kind: 'community_party_committee', name: m.convener_name });
    }
    return [...all.values()];
  }, [committees.data, serving.data, existing.data, compoundId]);
  const orgOptions = (kind?: OrgKind | null) =>
    orgs.filter((o) => !kind || o.kind === kind).map((o) => ({ value: o.id, label: o.name }));

  useEffect(() => {
    if (existing.data) {
      form.setFieldsValue(toMeetingValues(existing.data.data));
      setEtag(existing.data.etag);
    }
  }, [existing.data, form]);

  // A new meeting: once the compound's bodies are known, offer a row for each and a convener.
  const prefilledFor = useRef<string | null>(null);
  useEffect(() => {
    const committeesReady = !access.registry.manage || (committees.isFetched && !committees.isFetching);
    if (editing || !compoundId || !serving.data || !compound.data || !committeesReady) return;
    if (prefilledFor.current === compoundId) return;
    prefilledFor.current = compoundId;
    form.setFieldValue(['minutes', 'attendance'], defaultAttendance(serving.data));
    form.setFieldValue('convener_org_id', defaultConvener([...(committees.data ?? []), ...serving.data]));
    const name = compound.data?.compound.name;
    if (name && !form.getFieldValue('title')) form.setFieldValue('title', t('meetings.defaultTitle', { compound: name }));
  }, [editing, compoundId, serving.data, committees.isFetched, committees.isFetching, committees.data, compound.data, access.registry.manage, form, t]);

  const fieldPath = meetingFieldPath({
    attendance: attendance.length,
    agenda: agenda.length,
    resolutions: resolutions.length,
    actionItems: actionItems.length,
  });

  async function reloadAfterConflict() {
    const fresh = await fetchMeeting(id!);
    queryClient.setQueryData(meetingKeys.one(id!), fresh);
    form.resetFields();
    form.setFieldsValue(toMeetingValues(fresh.data));
    setEtag(fresh.etag);
  }

  async function submit(values: MeetingValues) {
    setSaving(true);
    try {
      const body = toMeetingBody(values);
      const saved = editing ? await updateMeeting(id!, etag ?? '*', body) : await createMeeting(body);
      queryClient.setQueryData(meetingKeys.one(saved.data.id), saved);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      void message.success(editing ? t('meetings.saved') : t('meetings.created'));
      navigate(`/meetings/${saved.data.id}`, { replace: true });
    } catch (e) {
      if (editing && isStale(e)) {
        notification.warning({ title: t('meetings.stale'), placement: 'topRight' });
        await reloadAfterConflict().catch((err) => showOnForm(form, err, fieldPath));
      } else if (editing && e instanceof ApiError && e.code === 'meeting_finalised') {
        // Finalised meanwhile: the record is read-only now; show it.
        showOnForm(form, e, fieldPath);
        await queryClient.invalidateQueries({ queryKey: meetingKeys.one(id!) });
        navigate(`/meetings/${id}`, { replace: true });
      } else {
        showOnForm(form, e, fieldPath);
      }
    } finally {
      setSaving(false);
    }
  }

  const initial: MeetingValues = {
    ...EMPTY_MEETING,
    compound_id: search.get('compound_id') ?? undefined,
    held_on: todayIso(),
  };
  const resolutionOptions = resolutions.map((_, i) => ({ value: i + 1, label: t('meetings.resolutionNo', { no: i + 1 }) }));

  return (
    <RecordFormPage<MeetingValues>
      editing={editing}
      record={existing}
      back="/meetings"
      title={editing ? t('meetings.editTitle', { name: existing.data?.data.title ?? '' }) : t('meetings.createTitle')}
      form={form}
      initialValues={initial}
      onFinish={submit}
      saving={saving}
      testId="meeting-form"
      saveTestId="save-meeting"
      saveLabel={t('meetings.saveDraft')}
      maxWidth={1100}
      autoComplete="off"
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="compound_id"
            label={t('fields.compound_id')}
            rules={[{ required: true, message: t('meetings.compoundRequired') }]}
            extra={editing ? t('meetings.compoundFixed') : undefined}
          >
            <CompoundSelect
              disabled={editing}
              placeholder={t('common.compoundPlaceholder')}
              known={existing.data ? { [existing.data.data.compound_id]: existing.data.data.compound_name } : undefined}
              data-testid="meeting-compound"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="held_on"
            label={t('fields.held_on')}
            {...dateField}
            rules={[{ required: true, message: t('meetings.dateRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="meeting-held-on" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="location" label={t('fields.location_text')}>
            <Input maxLength={100} data-testid="meeting-location" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="title"
            label={t('fields.title')}
            rules={[{ required: true, whitespace: true, message: t('meetings.titleRequired') }]}
          >
            <Input maxLength={100} showCount data-testid="meeting-title" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="convener_org_id"
            label={t('fields.convener_org_id')}
            extra={t('meetings.convenerHint')}
            rules={[{ required: true, message: t('meetings.convenerRequired') }]}
          >
            <Select
              data-testid="meeting-convener"
              placeholder={compoundId ? t('meetings.convenerPlaceholder') : t('meetings.compoundFirst')}
              options={orgOptions()}
              loading={serving.isFetching || committees.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('meetings.attendance')}</Divider>
      <Form.List name={['minutes', 'attendance']}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row) => {
              const body = attendance[row.name]?.body;
              return (
                <Row gutter={12} key={row.key} align="top" data-testid={`attendance-row-${row.name}`}>
                  <Col xs={24} md={5}>
                    <Form.Item name={[row.name, 'body']} label={row.name === 0 ? t('meetings.body') : undefined}>
                      <Select<OrgKind>
                        data-testid={`attendance-body-${row.name}`}
                        placeholder={t('meetings.bodyPlaceholder')}
                        options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
                        onChange={() => form.setFieldValue(['minutes', 'attendance', row.name, 'organisation_id'], undefined)}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item
                      name={[row.name, 'organisation_id']}
                      label={row.name === 0 ? t('meetings.organisation') : undefined}
                      rules={[{ required: true, message: t('meetings.organisationRequired') }]}
                    >
                      <Select
                        data-testid={`attendance-org-${row.name}`}
                        placeholder={compoundId ? t('meetings.organisationPlaceholder') : t('meetings.compoundFirst')}
                        options={orgOptions(body)}
                        notFoundContent={t('meetings.noOrganisation')}
                        showSearch={{ optionFilterProp: 'label' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={11}>
                    <Form.Item
                      name={[row.name, 'attendees']}
                      label={row.name === 0 ? t('meetings.attendees') : undefined}
                    >
                      <Select
                        mode="tags"
                        open={false}
                        suffixIcon={null}
                        tokenSeparators={[',', '，', '、', ';', '；']}
                        placeholder={t('meetings.attendeesPlaceholder')}
                        data-testid={`attendance-attendees-${row.name}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1}>
                    <Form.Item label={row.name === 0 ? ' ' : undefined} colon={false}>
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t('meetings.removeRow')}
                        title={t('meetings.removeRow')}
                        onClick={() => remove(row.name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              );
            })}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ attendees: [] })} data-testid="add-attendance">
                {t('meetings.addAttendance')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('meetings.agenda')}</Divider>
      <Form.List name={['minutes', 'agenda']}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, i) => (
              <Row gutter={12} key={row.key} align="top">
                <Col xs={24} md={9}>
                  <Form.Item
                    name={[row.name, 'title']}
                    label={t('meetings.agendaNo', { no: i + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('meetings.agendaRequired') }]}
                  >
                    <Input maxLength={200} data-testid={`agenda-title-${i}`} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={14}>
                  <Form.Item name={[row.name, 'discussion']} label={t('meetings.discussion')}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} data-testid={`agenda-discussion-${i}`} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Form.Item label=" " colon={false}>
                    <Button icon={<DeleteOutlined />} aria-label={t('meetings.removeRow')} title={t('meetings.removeRow')} onClick={() => remove(row.name)} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-agenda">
                {t('meetings.addAgenda')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('meetings.resolutions')}</Divider>
      <Form.List name={['minutes', 'resolutions']}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, i) => (
              <Row gutter={12} key={row.key} align="top">
                <Col xs={20} md={23}>
                  <Form.Item
                    name={[row.name, 'text']}
                    label={t('meetings.resolutionNo', { no: i + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('meetings.resolutionRequired') }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} data-testid={`resolution-text-${i}`} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Form.Item label=" " colon={false}>
                    <Button icon={<DeleteOutlined />} aria-label={t('meetings.removeRow')} title={t('meetings.removeRow')} onClick={() => remove(row.name)} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-resolution">
                {t('meetings.addResolution')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('meetings.actionItems')}</Divider>
      <Form.List name="action_items">
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, i) => (
              <Row gutter={12} key={row.key} align="top" data-testid={`action-row-${i}`}>
                <Col xs={24} md={4}>
                  <Form.Item name={[row.name, 'resolution_no']} label={t('fields.resolution_no')}>
                    <Select
                      allowClear
                      placeholder={t('meetings.resolutionPlaceholder')}
                      options={resolutionOptions}
                      data-testid={`action-resolution-${i}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={[row.name, 'description']}
                    label={t('fields.description')}
                    rules={[{ required: true, whitespace: true, message: t('meetings.descriptionRequired') }]}
                  >
                    <Input maxLength={500} data-testid={`action-description-${i}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[row.name, 'owner_org_id']}
                    label={t('fields.owner_org_id')}
                    rules={[{ required: true, message: t('meetings.ownerRequired') }]}
                  >
                    <Select
                      placeholder={compoundId ? t('meetings.organisationPlaceholder') : t('meetings.compoundFirst')}
                      options={orgOptions()}
                      showSearch={{ optionFilterProp: 'label' }}
                      data-testid={`action-owner-${i}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={20} md={5}>
                  <Form.Item
                    name={[row.name, 'due_on']}
                    label={t('fields.due_on')}
                    {...dateField}
                    rules={[{ required: true, message: t('meetings.dueRequired') }]}
                  >
                    <DatePicker style={{ width: '100%' }} data-testid={`action-due-${i}`} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Form.Item label=" " colon={false}>
                    <Button icon={<DeleteOutlined />} aria-label={t('meetings.removeRow')} title={t('meetings.removeRow')} onClick={() => remove(row.name)} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ resolution_no: resolutions.length || null })}
                data-testid="add-action-item"
              >
                {t('meetings.addActionItem')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </>
        )}
      </Form.List>

      <Typography.Paragraph type="secondary">{t('meetings.draftHint')}</Typography.Paragraph>
    </RecordFormPage>
  );
}
