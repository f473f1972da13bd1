import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rowErrorsOf, type RowError } from '../lib/csvImport';
import { saveBlob } from '../lib/download';

/** A button that opens the file chooser for one CSV and hands the file on. */
export function CsvPicker({ onFile, busy, label, testId, fileTestId = `${testId}-file` }: { onFile: (file: File) => void; busy: boolean; label: string; testId: string; fileTestId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        style={{ display: 'none' }}
        data-testid={fileTestId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared at once so the same file can be picked again after a fix.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid={testId}>
        {label}
      </Button>
    </>
  );
}

interface RowErrorsTableProps {
  rows: RowError[];
  testId: string;
  /** The feature's translation prefix holding colRow, colColumn, colMessage and wholeFile. */
  labels: string;
  /** A problem's text in the reader's language. */
  message: (text: string, language: string) => string;
}

/** Every problem of a refused file, by row and column (row 0: the file as a whole). */
export function RowErrorsTable({ rows, testId, labels, message }: RowErrorsTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table<RowError & { key: number }>
      data-testid={testId}
      size="small"
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={rows.map((r, key) => ({ ...r, key }))}
      columns={[
        { title: t(`${labels}.colRow`), dataIndex: 'row', width: 90, render: (row: number) => (row === 0 ? t(`${labels}.wholeFile`) : row) },
        { title: t(`${labels}.colColumn`), dataIndex: 'column', width: 120, render: (c: string) => c || '—' },
        { title: t(`${labels}.colMessage`), dataIndex: 'message', render: (m: string) => message(m, i18n.language) },
      ]}
    />
  );
}

interface CsvImportProps<R> {
  testId: string;
  explain: ReactNode;
  formatTitle: ReactNode;
  header: readonly string[];
  headerTestId?: string;
  /** What the file must hold, one rule a line. */
  rules: ReactNode[];
  /** Whether the template and the file chooser are offered (they are by default). */
  offered?: boolean;
  template: { csv: () => string; fileName: string; label: ReactNode; testId: string };
  pick: { label: string; testId: string; fileTestId?: string };
  /** Sends the file; a refusal with row errors lists them, any other is `onFailure`'s. */
  upload: (file: File) => Promise<R>;
  onUploaded?: (result: R, file: string) => unknown;
  onFailure: (error: unknown) => void;
  /** What an accepted file did. */
  done: (result: R, file: string) => ReactNode;
  /** The notice over a refused file's problems. */
  refused: { testId: string; title: (file: string, count: number) => string };
  /** The table of a refused file's problems. */
  errors: Omit<RowErrorsTableProps, 'rows'>;
  /** Shown between the buttons and what the last file did. */
  children?: ReactNode;
}

type Outcome<R> = { kind: 'done'; result: R; file: string } | { kind: 'refused'; rows: RowError[]; file: string };

/**
 * Uploading one CSV file that is taken whole or refused whole: what it must hold, its
 * template, the file chooser, and then what the file did or every problem by row and column.
 */
export function CsvImport<R>({ testId, explain, formatTitle, header, headerTestId, rules, offered = true, template, pick, upload, onUploaded, onFailure, done, refused, errors, children }: CsvImportProps<R>) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome<R> | null>(null);

  async function send(file: File) {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await upload(file);
      setOutcome({ kind: 'done', result, file: file.name });
      await onUploaded?.(result, file.name);
    } catch (e) {
      const rows = rowErrorsOf(e);
      if (rows) setOutcome({ kind: 'refused', rows, file: file.name });
      else onFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid={testId}>
      <Typography.Paragraph>{explain}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text strong>{formatTitle}</Typography.Text>
        <br />
        <Typography.Text code copyable data-testid={headerTestId}>
          {header.join(',')}
        </Typography.Text>
      </Typography.Paragraph>
      <ul style={{ paddingLeft: 20, marginTop: 0 }}>
        {rules.map((rule, i) => (
          <li key={i}>{rule}</li>
        ))}
      </ul>
      {offered && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => saveBlob(new Blob([template.csv()], { type: 'text/csv;charset=utf-8' }), template.fileName)}
            data-testid={template.testId}
          >
            {template.label}
          </Button>
          <CsvPicker onFile={(f) => void send(f)} busy={busy} label={pick.label} testId={pick.testId} fileTestId={pick.fileTestId} />
        </Space>
      )}
      {children}
      {outcome?.kind === 'done' && done(outcome.result, outcome.file)}
      {outcome?.kind === 'refused' && (
        <>
          <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid={refused.testId} title={refused.title(outcome.file, outcome.rows.length)} />
          <RowErrorsTable rows={outcome.rows} {...errors} />
        </>
      )}
    </div>
  );
}
