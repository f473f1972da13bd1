// 扫码签到: the phone's camera reads the centre's QR code where the browser has a
// BarcodeDetector; the code can always be pasted or typed instead.
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface DetectedCode {
  rawValue: string;
}
interface Detector {
  detect(source: HTMLVideoElement): Promise<DetectedCode[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

function detectorClass(): DetectorClass | null {
  const w = window as Window & { BarcodeDetector?: DetectorClass };
  return typeof w.BarcodeDetector === 'function' ? w.BarcodeDetector : null;
}

export function QrScanner({ open, onClose, onCode }: { open: boolean; onClose: () => void; onCode: (token: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const Detector = detectorClass();
  // The latest callback, without restarting the camera when the parent renders again.
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!open || !Detector || !navigator.mediaDevices?.getUserMedia) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    let stopped = false;
    setCameraError(null);
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play().catch(() => {});
        setScanning(true);
        const detector = new Detector({ formats: ['qr_code'] });
        timer = setInterval(async () => {
          if (!video.current || video.current.readyState < 2) return;
          try {
            const found = await detector.detect(video.current);
            const value = found[0]?.rawValue?.trim();
            if (value && !stopped) {
              stopped = true;
              onCodeRef.current(value);
            }
          } catch {
            // a frame that could not be read: try the next
          }
        }, 300);
      } catch {
        if (!stopped) setCameraError(t('volunteering.scan.cameraFailed'));
      }
    })();
    return () => {
      stopped = true;
      setScanning(false);
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open, Detector, t]);

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('volunteering.scan.title')} destroyOnHidden centered width={420}>
      {Detector ? (
        <div style={{ marginBottom: 12 }}>
          <video
            ref={video}
            muted
            playsInline
            style={{ width: '100%', borderRadius: 8, background: '#000', aspectRatio: '1 / 1', objectFit: 'cover' }}
            data-testid="scan-video"
          />
          <Typography.Text type="secondary">{scanning ? t('volunteering.scan.aim') : t('volunteering.scan.starting')}</Typography.Text>
          {cameraError && <Alert type="warning" showIcon title={cameraError} style={{ marginTop: 8 }} />}
        </div>
      ) : (
        <Alert type="info" showIcon title={t('volunteering.scan.noCamera')} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => onCode(v.code.trim())}>
        <Form.Item
          name="code"
          label={t('volunteering.scan.manual')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={2} autoComplete="off" placeholder={t('volunteering.scan.manualPlaceholder')} data-testid="qr-token-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block data-testid="qr-token-submit">
          {t('volunteering.scan.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
