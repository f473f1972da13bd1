import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionStatus, MeetingStatus, OrgKind } from '../../api/types';
import { KIND_COLOURS } from './kinds';

/** An organisation kind in words (小区党组织, 业委会 …). */
export function OrgKindTag({ kind }: { kind: OrgKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLOURS[kind]} data-kind={kind}>
      {t(`orgKinds.${kind}`)}
    </Tag>
  );
}

/** Party member (党员) or nothing. */
export function PartyTag({ member }: { member: boolean }) {
  const { t } = useTranslation();
  return member ? <Tag color="red">{t('people.partyMember')}</Tag> : null;
}

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'finalised' ? 'green' : 'orange'} data-testid="meeting-status" data-status={status}>
      {t(`meetingStatus.${status}`)}
    </Tag>
  );
}

export function ActionStatusTag({ status, overdue }: { status: ActionStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  if (overdue) {
    return (
      <Tag color="red" data-testid="action-status" data-status={status}>
        {t('actionItems.overdue')}
      </Tag>
    );
  }
  const colour = status === 'done' ? 'green' : status === 'cancelled' ? 'default' : 'blue';
  return (
    <Tag color={colour} data-testid="action-status" data-status={status}>
      {t(`actionStatus.${status}`)}
    </Tag>
  );
}

/** Words shown as tags (a centre's services, a contract's items); 无 when there are none. */
export function TagList({ items, max }: { items: string[]; max?: number }) {
  const { t } = useTranslation();
  if (!items.length && max === undefined) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const shown = max === undefined ? items : items.slice(0, max);
  return (
    <Space size={[4, 4]} wrap>
      {shown.map((s) => (
        <Tag key={s}>{s}</Tag>
      ))}
      {items.length > shown.length && <Tag>+{items.length - shown.length}</Tag>}
    </Space>
  );
}
