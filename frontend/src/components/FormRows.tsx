import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, type ColProps } from 'antd';
import type { FormListFieldData, FormListProps } from 'antd/es/form/FormList';
import type { ReactNode } from 'react';

interface FormRowsProps {
  name: FormListProps['name'];
  rules?: FormListProps['rules'];
  /** A row's fields (`Col`s), by its place in the list. */
  children: (row: FormListFieldData, index: number) => ReactNode;
  /** What 删除 says (its label and tooltip). */
  removeLabel: string;
  /** The delete button's column. */
  removeCol: ColProps;
  /** Whether a row may be removed, given how many there are (any, by default). */
  removable?: (rows: number) => boolean;
  /** The delete button stands under a blank label on the first row only (rows without labels below). */
  labelFirstRowOnly?: boolean;
  addLabel: ReactNode;
  addTestId?: string;
  /** The values a new row starts with. */
  newRow: () => unknown;
  rowTestId?: (index: number) => string;
  gutter?: number;
}

/** Rows of fields the user adds and removes, with 添加 under them and the list's errors. */
export function FormRows({
  name,
  rules,
  children,
  removeLabel,
  removeCol,
  removable = () => true,
  labelFirstRowOnly,
  addLabel,
  addTestId,
  newRow,
  rowTestId,
  gutter = 12,
}: FormRowsProps) {
  return (
    <Form.List name={name} rules={rules}>
      {(rows, { add, remove }, { errors }) => (
        <>
          {rows.map((row, i) => (
            <Row gutter={gutter} key={row.key} align="top" data-testid={rowTestId?.(i)}>
              {children(row, i)}
              <Col {...removeCol}>
                {removable(rows.length) && (
                  <Form.Item label={labelFirstRowOnly && row.name !== 0 ? undefined : ' '} colon={false}>
                    <Button icon={<DeleteOutlined />} aria-label={removeLabel} title={removeLabel} onClick={() => remove(row.name)} />
                  </Form.Item>
                )}
              </Col>
            </Row>
          ))}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRow())} data-testid={addTestId}>
              {addLabel}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
