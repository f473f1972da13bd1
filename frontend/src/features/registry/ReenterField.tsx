import { Checkbox, Form, Input, type InputProps } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldCol } from '../../components/FieldCol';
import { PHONE_PATTERN } from '../users/api';

interface ReenterFieldProps {
  form: FormInstance;
  name: string;
  /** The box that clears the recorded value on purpose. */
  clearName: string;
  label: ReactNode;
  /** The record holds a value (shown masked): it must be typed again or cleared. */
  had: boolean;
  extra: ReactNode;
  pattern: RegExp;
  patternMessage: string;
  reenterMessage: string;
  clearLabel: ReactNode;
  input: InputProps;
}

/**
 * A personal value (phone, ID number) that comes masked and is never filled back in: a
 * save replaces it, so on edit it is typed again or cleared with the box under it.
 */
export function ReenterField({ form, name, clearName, label, had, extra, pattern, patternMessage, reenterMessage, clearLabel, input }: ReenterFieldProps) {
  const clearing = Form.useWatch(clearName, form) ?? false;
  return (
    <FieldCol
      name={name}
      label={label}
      extra={extra}
      dependencies={[clearName]}
      rules={[
        { pattern, message: patternMessage },
        {
          validator: async (_, value?: string) => {
            if (had && !form.getFieldValue(clearName) && !value?.trim()) throw new Error(reenterMessage);
          },
        },
      ]}
      after={
        had && (
          <Form.Item name={clearName} valuePropName="checked" style={{ marginTop: -8 }}>
            <Checkbox>{clearLabel}</Checkbox>
          </Form.Item>
        )
      }
    >
      <Input {...input} disabled={clearing} />
    </FieldCol>
  );
}

type PhoneFieldProps = Pick<ReenterFieldProps, 'form' | 'had' | 'extra' | 'reenterMessage'> & { placeholder?: string };

/** A phone number to type again or clear (see `ReenterField`). */
export function PhoneReenterField({ placeholder, ...props }: PhoneFieldProps) {
  const { t } = useTranslation();
  return (
    <ReenterField
      {...props}
      name="phone"
      clearName="clear_phone"
      label={t('fields.phone')}
      pattern={PHONE_PATTERN}
      patternMessage={t('users.phonePattern')}
      clearLabel={t('users.phoneClear')}
      input={{ maxLength: 21, inputMode: 'tel', placeholder }}
    />
  );
}
