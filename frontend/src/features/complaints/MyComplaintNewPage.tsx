import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { uploadComplaintPhoto } from '../../api/attachments';
import { idempotencyKeys } from '../../api/idempotency';
import { ApiError, knownFields } from '../../api/problem';
import type { NewComplaint } from '../../api/types';
import { useSession } from '../../auth/session';
import { useProblem } from '../../lib/useProblem';
import { createComplaint } from './api';
import { photoProblem } from './Photos';
import { COMPLAINT_FIELDS, ComplaintFields } from './ComplaintFields';
import { useComplaintUpdated } from './ComplaintActions';
import { residentCompounds } from './model';

interface Values {
  compound_id?: string;
  category?: string;
  title?: string;
  description?: string;
}

const FIELDS = knownFields(COMPLAINT_FIELDS);

/** A resident files a complaint about their own compound, with a photo from the phone's camera. */
export default function MyComplaintNewPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message, notification } = App.useApp();
  const { showOnForm, notify } = useProblem();
  const navigate = useNavigate();
  const updated = useComplaintUpdated();
  const [form] = Form.useForm<Values>();
  const compounds = residentCompounds(me.grants);
  const keys = useRef(idempotencyKeys());
  const [photo, setPhoto] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(v: Values) {
    const body: NewComplaint = {
      compound_id: v.compound_id ?? '',
      category: v.category ?? '',
      title: (v.title ?? '').trim(),
      description: (v.description ?? '').trim(),
      anonymous: false,
    };
    setSaving(true);
    try {
      let created = await createComplaint(body, keys.current.keyFor(body));
      keys.current.reset();
      if (photo) {
        try {
          created = await uploadComplaintPhoto(created.data.id, photo, 'report');
        } catch (e) {
          if (e instanceof ApiError && e.status === 415) {
            notification.error({ title: t('complaints.photoNotImage'), description: t('complaints.photoTypes'), placement: 'top' });
          } else notify(e);
        }
      }
      updated(created);
      void message.success(t('complaints.filed', { number: created.data.number }));
      navigate(`/my-complaints/${created.data.id}`, { replace: true });
    } catch (e) {
      showOnForm(form, e, FIELDS);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Card title={t('myComplaints.newTitle')}>
        <Form<Values>
          form={form}
          layout="vertical"
          size="large"
          onFinish={submit}
          initialValues={{ compound_id: compounds[0]?.id }}
          data-testid="my-complaint-form"
        >
          <Form.Item name="compound_id" label={t('complaints.compound')} rules={[{ required: true, message: t('complaints.compoundRequired') }]}>
            <Select data-testid="my-compound" options={compounds.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <ComplaintFields />
          <Form.Item label={t('myComplaints.photo')} extra={t('complaints.photoTypes')}>
            <input
              ref={input}
              type="file"
              accept="image/*"
              capture="environment"
              style={{ display: 'none' }}
              data-testid="my-photo"
              onChange={(e) => {
                const file = e.target.files?.[0] ?? null;
                if (file && photoProblem(file)) {
                  notification.error({ title: t('complaints.photoTooLarge'), placement: 'top' });
                  e.target.value = '';
                  return;
                }
                setPhoto(file);
              }}
            />
            <Button icon={<CameraOutlined />} block onClick={() => input.current?.click()} data-testid="my-photo-button">
              {photo ? t('myComplaints.photoChange') : t('myComplaints.photoTake')}
            </Button>
            {photo && (
              <Typography.Text type="secondary" data-testid="my-photo-name">
                {photo.name}
              </Typography.Text>
            )}
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={saving} data-testid="submit-my-complaint">
            {t('complaints.submit')}
          </Button>
          <Button type="link" block onClick={() => navigate('/my-complaints')}>
            {t('common.cancel')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
