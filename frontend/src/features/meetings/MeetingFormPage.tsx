import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/problem';
import type { Organisation, OrgKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { FieldCol } from '../../components/FieldCol';
import { FormRows } from '../../components/FormRows';
import { dateField, todayIso } from '../../lib/dates';
import { useVersionedForm } from '../../lib/useVersionedForm';
import { useCompound } from '../compounds/api';
import { fetchAllOrganisations, useServingOrganisations } from '../organisations/api';
import { CompoundSelect } from '../registry/CompoundSelect';
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
  const { t } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, editing, search, existing, page } = useVersionedForm({
    useRecord: useMeeting,
    keys: meetingKeys,
    fetchOne: fetchMeeting,
    create: createMeeting,
    update: updateMeeting,
    toValues: toMeetingValues,
    toBody: toMeetingBody,
    toFormPath: (field) => fieldPath(field),
    feature: 'meetings',
    titleArgs: (m) => ({ name: m.title }),
    onRefused: async (id, e) => {
      if (!(e instanceof ApiError && e.code === 'meeting_finalised')) return;
      // Finalised meanwhile: the record is read-only now; show it.
      await queryClient.invalidateQueries({ queryKey: meetingKeys.one(id) });
      navigate(`/meetings/${id}`, { replace: true });
    },
  });

  const compoundId = Form.useWatch('compound_id', form);
  const attendance = Form.useWatch(['minutes', 'attendance'], form) ?? [];
  const resolutions = Form.useWatch(['minutes', 'resolutions'], form) ?? [];
  const agenda = Form.useWatch(['minutes', 'agenda'], form) ?? [];
  const actionItems = Form.useWatch('action_items', form) ?? [];
  const compound = useCompound(compoundId);
  const serving = useServingOrganisations(compoundId);
  // Only staff see beyond a compound; a compound secretary's meetings are convened by the branch.
  const committees = useCommunityCommittees(compound.data?.data.community_id, access.registry.manage);

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

  // A new meeting: once the compound's bodies are known, offer a row for each and a convener.
  const prefilledFor = useRef<string | null>(null);
  useEffect(() => {
    const committeesReady = !access.registry.manage || (committees.isFetched && !committees.isFetching);
    if (editing || !compoundId || !serving.data || !compound.data || !committeesReady) return;
    if (prefilledFor.current === compoundId) return;
    prefilledFor.current = compoundId;
    form.setFieldValue(['minutes', 'attendance'], defaultAttendance(serving.data));
    form.setFieldValue('convener_org_id', defaultConvener([...(committees.data ?? []), ...serving.data]));
    const name = compound.data?.data.name;
    if (name && !form.getFieldValue('title')) form.setFieldValue('title', t('meetings.defaultTitle', { compound: name }));
  }, [editing, compoundId, serving.data, committees.isFetched, committees.isFetching, committees.data, compound.data, access.registry.manage, form, t]);

  const fieldPath = meetingFieldPath({
    attendance: attendance.length,
    agenda: agenda.length,
    resolutions: resolutions.length,
    actionItems: actionItems.length,
  });

  const initial: MeetingValues = {
    ...EMPTY_MEETING,
    compound_id: search.get('compound_id') ?? undefined,
    held_on: todayIso(),
  };
  const resolutionOptions = resolutions.map((_, i) => ({ value: i + 1, label: t('meetings.resolutionNo', { no: i + 1 }) }));

  return (
    <RecordFormPage<MeetingValues>
      {...page}
      initialValues={initial}
      testId="meeting-form"
      saveTestId="save-meeting"
      saveLabel={t('meetings.saveDraft')}
      maxWidth={1100}
      autoComplete="off"
    >
      <Row gutter={24}>
        <FieldCol
          name="compound_id"
          label={t('fields.compound_id')}
          requiredMessage={t('meetings.compoundRequired')}
          extra={editing ? t('meetings.compoundFixed') : undefined}
        >
          <CompoundSelect
            disabled={editing}
            placeholder={t('common.compoundPlaceholder')}
            known={existing.data ? { [existing.data.data.compound_id]: existing.data.data.compound_name } : undefined}
            data-testid="meeting-compound"
          />
        </FieldCol>
        <FieldCol col={{ xs: 24, md: 6 }} name="held_on" label={t('fields.held_on')} {...dateField} requiredMessage={t('meetings.dateRequired')}>
          <DatePicker style={{ width: '100%' }} data-testid="meeting-held-on" />
        </FieldCol>
        <FieldCol col={{ xs: 24, md: 6 }} name="location" label={t('fields.location_text')}>
          <Input maxLength={100} data-testid="meeting-location" />
        </FieldCol>
        <FieldCol name="title" label={t('fields.title')} requiredMessage={t('meetings.titleRequired')} text>
          <Input maxLength={100} showCount data-testid="meeting-title" />
        </FieldCol>
        <FieldCol
          name="convener_org_id"
          label={t('fields.convener_org_id')}
          extra={t('meetings.convenerHint')}
          requiredMessage={t('meetings.convenerRequired')}
        >
          <Select
            data-testid="meeting-convener"
            placeholder={compoundId ? t('meetings.convenerPlaceholder') : t('meetings.compoundFirst')}
            options={orgOptions()}
            loading={serving.isFetching || committees.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </FieldCol>
      </Row>

      <Divider titlePlacement="start">{t('meetings.attendance')}</Divider>
      <FormRows
        name={['minutes', 'attendance']}
        removeLabel={t('meetings.removeRow')}
        removeCol={{ xs: 4, md: 1 }}
        labelFirstRowOnly
        addLabel={t('meetings.addAttendance')}
        addTestId="add-attendance"
        newRow={() => ({ attendees: [] })}
        rowTestId={(i) => `attendance-row-${i}`}
      >
        {(row) => {
          const body = attendance[row.name]?.body;
          const first = row.name === 0;
          return (
            <>
              <FieldCol col={{ xs: 24, md: 5 }} name={[row.name, 'body']} label={first ? t('meetings.body') : undefined}>
                <Select<OrgKind>
                  data-testid={`attendance-body-${row.name}`}
                  placeholder={t('meetings.bodyPlaceholder')}
                  options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
                  onChange={() => form.setFieldValue(['minutes', 'attendance', row.name, 'organisation_id'], undefined)}
                />
              </FieldCol>
              <FieldCol
                col={{ xs: 24, md: 7 }}
                name={[row.name, 'organisation_id']}
                label={first ? t('meetings.organisation') : undefined}
                requiredMessage={t('meetings.organisationRequired')}
              >
                <Select
                  data-testid={`attendance-org-${row.name}`}
                  placeholder={compoundId ? t('meetings.organisationPlaceholder') : t('meetings.compoundFirst')}
                  options={orgOptions(body)}
                  notFoundContent={t('meetings.noOrganisation')}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </FieldCol>
              <FieldCol col={{ xs: 20, md: 11 }} name={[row.name, 'attendees']} label={first ? t('meetings.attendees') : undefined}>
                <Select
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={[',', '，', '、', ';', '；']}
                  placeholder={t('meetings.attendeesPlaceholder')}
                  data-testid={`attendance-attendees-${row.name}`}
                />
              </FieldCol>
            </>
          );
        }}
      </FormRows>

      <Divider titlePlacement="start">{t('meetings.agenda')}</Divider>
      <FormRows
        name={['minutes', 'agenda']}
        removeLabel={t('meetings.removeRow')}
        removeCol={{ xs: 4, md: 1 }}
        addLabel={t('meetings.addAgenda')}
        addTestId="add-agenda"
        newRow={() => ({})}
      >
        {(row, i) => (
          <>
            <FieldCol
              col={{ xs: 24, md: 9 }}
              name={[row.name, 'title']}
              label={t('meetings.agendaNo', { no: i + 1 })}
              requiredMessage={t('meetings.agendaRequired')}
              text
            >
              <Input maxLength={200} data-testid={`agenda-title-${i}`} />
            </FieldCol>
            <FieldCol col={{ xs: 20, md: 14 }} name={[row.name, 'discussion']} label={t('meetings.discussion')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} data-testid={`agenda-discussion-${i}`} />
            </FieldCol>
          </>
        )}
      </FormRows>

      <Divider titlePlacement="start">{t('meetings.resolutions')}</Divider>
      <FormRows
        name={['minutes', 'resolutions']}
        removeLabel={t('meetings.removeRow')}
        removeCol={{ xs: 4, md: 1 }}
        addLabel={t('meetings.addResolution')}
        addTestId="add-resolution"
        newRow={() => ({})}
      >
        {(row, i) => (
          <FieldCol
            col={{ xs: 20, md: 23 }}
            name={[row.name, 'text']}
            label={t('meetings.resolutionNo', { no: i + 1 })}
            requiredMessage={t('meetings.resolutionRequired')}
            text
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} data-testid={`resolution-text-${i}`} />
          </FieldCol>
        )}
      </FormRows>

      <Divider titlePlacement="start">{t('meetings.actionItems')}</Divider>
      <FormRows
        name="action_items"
        removeLabel={t('meetings.removeRow')}
        removeCol={{ xs: 4, md: 1 }}
        addLabel={t('meetings.addActionItem')}
        addTestId="add-action-item"
        newRow={() => ({ resolution_no: resolutions.length || null })}
        rowTestId={(i) => `action-row-${i}`}
      >
        {(row, i) => (
          <>
            <FieldCol col={{ xs: 24, md: 4 }} name={[row.name, 'resolution_no']} label={t('fields.resolution_no')}>
              <Select allowClear placeholder={t('meetings.resolutionPlaceholder')} options={resolutionOptions} data-testid={`action-resolution-${i}`} />
            </FieldCol>
            <FieldCol
              col={{ xs: 24, md: 8 }}
              name={[row.name, 'description']}
              label={t('fields.description')}
              requiredMessage={t('meetings.descriptionRequired')}
              text
            >
              <Input maxLength={500} data-testid={`action-description-${i}`} />
            </FieldCol>
            <FieldCol col={{ xs: 24, md: 6 }} name={[row.name, 'owner_org_id']} label={t('fields.owner_org_id')} requiredMessage={t('meetings.ownerRequired')}>
              <Select
                placeholder={compoundId ? t('meetings.organisationPlaceholder') : t('meetings.compoundFirst')}
                options={orgOptions()}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid={`action-owner-${i}`}
              />
            </FieldCol>
            <FieldCol col={{ xs: 20, md: 5 }} name={[row.name, 'due_on']} label={t('fields.due_on')} {...dateField} requiredMessage={t('meetings.dueRequired')}>
              <DatePicker style={{ width: '100%' }} data-testid={`action-due-${i}`} />
            </FieldCol>
          </>
        )}
      </FormRows>

      <Typography.Paragraph type="secondary">{t('meetings.draftHint')}</Typography.Paragraph>
    </RecordFormPage>
  );
}
