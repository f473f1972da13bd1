import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef } from 'react';

/** A button that opens the file chooser for one CSV and hands the file on. */
export function CsvPicker({
  onFile,
  busy,
  label,
  testId,
  disabled,
}: {
  onFile: (file: File) => void;
  busy: boolean;
  label: string;
  testId: string;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        style={{ display: 'none' }}
        data-testid={`${testId}-file`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared at once so the same file can be picked again after a fix.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button type="primary" icon={<UploadOutlined />} loading={busy} disabled={disabled} onClick={() => input.current?.click()} data-testid={testId}>
        {label}
      </Button>
    </>
  );
}
