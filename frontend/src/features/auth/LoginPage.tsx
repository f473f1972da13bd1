import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { hasSession, signIn } from '../../api/client';
import { formErrors, knownFields } from '../../api/problem';
import { LANGUAGES, setLanguage, translate } from '../../i18n';
import { ME_QUERY_KEY, type SignInState } from '../../auth/session';

interface Credentials {
  username: string;
  password: string;
}

const FIELDS = knownFields(['username', 'password']);

export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const state = (location.state ?? {}) as SignInState;
  const [error, setError] = useState<{ message: string; description?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (hasSession() && !busy) return <Navigate to={state.from ?? '/'} replace />;

  async function submit(values: Credentials) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
      queryClient.removeQueries({ queryKey: ME_QUERY_KEY });
      navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true });
    } catch (e) {
      const { fields, notice } = formErrors(e, FIELDS, translate);
      form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      setError(notice);
      setBusy(false);
    }
  }

  const banner =
    error ??
    (state.reason === 'expired'
      ? { message: t('login.sessionExpired') }
      : state.reason === 'signed_out'
        ? { message: t('login.signedOut') }
        : state.reason === 'password_changed'
          ? { message: t('login.passwordChanged'), description: t('login.passwordChangedDetail') }
          : null);

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg, #fbeaea 0%, #f5f5f5 60%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <div style={{ textAlign: 'center' }}>
            <img src="/favicon.svg" alt="" width={48} height={48} />
            <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.welcome')}</Typography.Text>
          </div>
          {banner && (
            <Alert
              type={error || state.reason === 'expired' ? 'error' : 'info'}
              showIcon
              title={banner.message}
              description={banner.description}
              data-testid="login-message"
            />
          )}
          <Form<Credentials> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          <div style={{ textAlign: 'center' }}>
            <Space separator="|">
              {LANGUAGES.map((lang) => (
                <Button
                  key={lang}
                  type="link"
                  size="small"
                  disabled={i18n.language === lang}
                  onClick={() => setLanguage(lang)}
                >
                  {t(`lang.${lang}`)}
                </Button>
              ))}
            </Space>
          </div>
        </Space>
      </Card>
    </div>
  );
}
