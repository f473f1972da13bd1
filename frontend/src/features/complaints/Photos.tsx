import { CameraOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Image, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchComplaintPhoto, MAX_PHOTO_BYTES, uploadComplaintPhoto, type PhotoPurpose } from '../../api/attachments';
import type { Tagged } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Complaint, ComplaintAttachment } from '../../api/types';
import { useProblem } from '../../lib/useProblem';

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
