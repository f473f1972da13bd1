import { Space, Tag, Tooltip, Typography } from 'antd';
import { translate } from '../../i18n';
import { asDecision, asOutcome, codeLabel, DECISION_COLOURS, OUTCOME_COLOURS, REASON_COLOURS, RESULT_COLOURS, STATUS_COLOURS } from './model';
import type { AssessmentResult, CycleStatus, PaymentReason } from './types';

export function StatusTag({ status, testId }: { status: CycleStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {codeLabel('statuses', status, translate)}
    </Tag>
  );
}

export function DecisionTag({ decision }: { decision: string }) {
  const d = asDecision(decision);
  return (
    <Tag color={d ? DECISION_COLOURS[d] : 'default'} data-testid="decision-tag" data-decision={decision}>
      {codeLabel('decisions', decision, translate)}
    </Tag>
  );
}

export function ReasonTag({ reason }: { reason: PaymentReason }) {
  return (
    <Tag color={REASON_COLOURS[reason] ?? 'default'} data-testid="reason-tag" data-reason={reason}>
      {codeLabel('reasons', reason, translate)}
    </Tag>
  );
}

export function ResultTag({ result }: { result: AssessmentResult }) {
  return (
    <Tag color={RESULT_COLOURS[result] ?? 'default'} data-testid="result-tag">
      {codeLabel('results', result, translate)}
    </Tag>
  );
}

/** A transfer's outcome; a failure shows the bank's reason on hover and beside the tag. */
export function OutcomeTag({ outcome, failureReason }: { outcome: string | null | undefined; failureReason?: string | null }) {
  const o = asOutcome(outcome);
  if (!outcome) return <Typography.Text type="secondary">—</Typography.Text>;
  const tag = (
    <Tag color={o ? OUTCOME_COLOURS[o] : 'default'} data-testid="outcome-tag" data-outcome={outcome}>
      {codeLabel('outcomes', outcome, translate)}
    </Tag>
  );
  if (o !== 'failed' || !failureReason) return tag;
  return (
    <Space size={4} wrap>
      <Tooltip title={failureReason}>{tag}</Tooltip>
      <Typography.Text type="danger" data-testid="failure-reason">
        {failureReason}
      </Typography.Text>
    </Space>
  );
}
