import { CameraOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Image, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchComplaintPhoto, MAX_PHOTO_BYTES, uploadComplaintPhoto, type PhotoPurpose } from '../../api/attachments';
import type { Tagged } from '../../api/client';
import { ApiError, pickLanguage } from '../../api/problem';
import type { Complaint, ComplaintAttachment, ComplaintEvent, ComplaintStatus } from '../../api/types';
import { useProblem } from '../../lib/useProblem';
import { countdown, currentDeadline, routingText, STATUS_COLOR } from './model';
import { translate } from '../../i18n';

export function StatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="complaint-status">
      {t(`complaintStatus.${status}`)}
    </Tag>
  );
}

/** A date-time in the reader's locale. */
export function when(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

/** 超期 tag plus the time left (or overdue by) for the deadline that counts now. */
export function DeadlineMark({ complaint }: { complaint: Pick<Complaint, 'status' | 'sign_by' | 'resolve_by' | 'overdue' | 'escalation_level'> }) {
  const { t } = useTranslation();
  const deadline = currentDeadline(complaint);
  const left = deadline ? countdown(deadline.at) : null;
  const overdue = complaint.overdue || !!left?.overdue;
  return (
    <Space size={4} wrap>
      {overdue && (
        <Tag color="red" data-testid="overdue-tag">
          {t('complaints.overdue')}
        </Tag>
      )}
      {complaint.escalation_level > 0 && (
        <Tag color="volcano">{t(`complaints.escalation${complaint.escalation_level >= 2 ? 2 : 1}`)}</Tag>
      )}
      {deadline && left && (
        <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap' }}>
          <ClockCircleOutlined />{' '}
          {t(left.overdue ? 'complaints.overBy' : 'complaints.timeLeft', {
            kind: t(`complaints.deadline_${deadline.kind}`),
            days: left.days,
            hours: left.hours,
            minutes: left.minutes,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** One photo, read through the API with the token and shown from an object URL. */
function Photo({ complaintId, attachment, size }: { complaintId: string; attachment: ComplaintAttachment; size: number }) {
  const blob = useQuery({
    queryKey: ['complaints', 'photo', attachment.id],
    queryFn: () => fetchComplaintPhoto(complaintId, attachment.id),
    staleTime: Infinity,
  });
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    if (!blob.data) return;
    const url = URL.createObjectURL(blob.data);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [blob.data]);
  if (!src) {
    return (
      <div style={{ width: size, height: size, display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
        {blob.isError ? <CameraOutlined /> : <Spin size="small" />}
      </div>
    );
  }
  return (
    <Image
      src={src}
      width={size}
      height={size}
      style={{ objectFit: 'cover', borderRadius: 6 }}
      alt={attachment.file_name}
      data-testid="complaint-photo"
    />
  );
}

export function Photos({ complaint, size = 96 }: { complaint: Complaint; size?: number }) {
  const { t } = useTranslation();
  if (complaint.attachments.length === 0) return <Typography.Text type="secondary">{t('complaints.noPhotos')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} data-testid="complaint-photos">
        {complaint.attachments.map((a) => (
          <div key={a.id} style={{ textAlign: 'center' }}>
            <Photo complaintId={complaint.id} attachment={a} size={size} />
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`complaints.purpose_${a.purpose === 'result' ? 'result' : 'report'}`)}
              </Typography.Text>
            </div>
          </div>
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

/** The complaint's history: who did what when, with the note. */
export function ComplaintTimeline({ events }: { events: ComplaintEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      data-testid="complaint-timeline"
      items={events.map((e, i) => ({
        key: i,
        color: e.action === 'reject' || e.action === 'return' ? 'red' : e.to_status === 'closed' ? 'gray' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{t(`complaintEvents.${e.action}`, { defaultValue: e.action })}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {e.actor_name} · {when(e.at, i18n.language)}
            </Typography.Text>
            {e.note && (
              <div style={{ whiteSpace: 'pre-wrap' }}>
                {e.action === 'submit' ? routingText(e.note, translate) : pickLanguage(e.note, i18n.language)}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** Checks a picked file before sending it; the server checks the bytes again. */
export function photoProblem(file: File): 'tooLarge' | null {
  return file.size > MAX_PHOTO_BYTES ? 'tooLarge' : null;
}

/**
 * A button that opens the camera or the gallery (`capture="environment"` on phones) and
 * uploads the picked photo at once.
 */
export function PhotoButton({
  complaintId,
  purpose,
  onUploaded,
  label,
  testId = 'photo-input',
}: {
  complaintId: string;
  purpose: PhotoPurpose;
  onUploaded: (c: Tagged<Complaint>) => void;
  label?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { notify } = useProblem();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    if (photoProblem(file)) {
      notification.error({ title: t('complaints.photoTooLarge'), placement: 'topRight' });
      return;
    }
    setBusy(true);
    try {
      const updated = await uploadComplaintPhoto(complaintId, file, purpose);
      void message.success(t('complaints.photoAdded'));
      onUploaded(updated);
    } catch (e) {
      if (e instanceof ApiError && e.status === 415) {
        notification.error({
          title: t('complaints.photoNotImage'),
          description: t('complaints.photoTypes'),
          placement: 'topRight',
        });
      } else if (e instanceof ApiError && e.status === 413) {
        notification.error({ title: t('complaints.photoTooLarge'), placement: 'topRight' });
      } else notify(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      <Button icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid={`${testId}-button`}>
        {label ?? t('complaints.addPhoto')}
      </Button>
    </>
  );
}
