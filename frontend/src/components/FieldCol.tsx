import { Col, Form, type ColProps, type FormItemProps } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';

const WIDTHS = {
  full: { xs: 24 },
  half: { xs: 24, md: 12 },
  quarter: { xs: 12, md: 6 },
} satisfies Record<string, ColProps>;

type FieldColProps = FormItemProps & {
  /** How much of a form row the field takes: all of it, half or a quarter on a wide screen. */
  width?: keyof typeof WIDTHS;
  /** The column's own spans, when none of the widths fits. */
  col?: ColProps;
  /** The message when the field is left empty (makes it required). */
  requiredMessage?: string;
  /** With `requiredMessage`: blank text counts as empty. */
  text?: boolean;
  /** Shown in the column under the field. */
  after?: ReactNode;
};

/** One field of a form laid out in a grid row: a column holding a `Form.Item`. */
export function FieldCol({ width = 'half', col, requiredMessage, text, after, rules, ...item }: FieldColProps) {
  // Only a text field's rule names `whitespace`: the key alone makes the rule a string rule.
  const required: Rule[] = requiredMessage ? [text ? { required: true, whitespace: true, message: requiredMessage } : { required: true, message: requiredMessage }] : [];
  const all = [...required, ...(rules ?? [])];
  return (
    <Col {...(col ?? WIDTHS[width])}>
      <Form.Item rules={all.length ? all : undefined} {...item} />
      {after}
    </Col>
  );
}
