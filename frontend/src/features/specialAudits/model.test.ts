import { describe, expect, it } from 'vitest';
import en from '../../i18n/en';
import zhCN from '../../i18n/zh-CN';
import {
  blockingFindings,
  ENGAGEMENT_STATUSES,
  FINDING_KINDS,
  fenToYuan,
  formatRate,
  formatYuan,
  groupByStatus,
  nextSteps,
  OPINIONS,
  openAmountFen,
  progressPercent,
  rectificationProgress,
  SEVERITIES,
  statusIndex,
  takesFindings,
  yuanToFen,
} from './model';
import type { Engagement, EngagementStatus, Rectification } from './types';

function engagement(compound_name: string, status: EngagementStatus): Engagement {
  return {
    id: compound_name,
    campaign_id: 'c',
    campaign_name: 'c',
    compound_id: compound_name,
    compound_name,
    firm_id: 'f',
    firm_name: 'f',
    fee_fen: 0,
    scope: 's',
    period_from: '2026-01-01',
    period_to: '2026-12-31',
    status,
    finding_count: 0,
    open_finding_count: 0,
    next: [],
    version: 1,
    updated_at: '2026-01-01T00:00:00Z',
  };
}

function action(status: Rectification['status'], overdue = false): Rectification {
  return { id: status, finding_id: 'f', action: 'a', deadline: '2026-12-01', status, overdue, version: 1 };
}

describe('status labels and order', () => {
  it('runs planned to closed in the life-cycle order', () => {
    expect(ENGAGEMENT_STATUSES).toEqual(['planned', 'fieldwork', 'draft_report', 'final_report', 'rectification', 'closed']);
    expect(statusIndex('planned')).toBe(0);
    expect(statusIndex('closed')).toBe(5);
  });

  it('names every status, opinion, kind and severity in both languages', () => {
    for (const s of ENGAGEMENT_STATUSES) {
      expect(zhCN.audits.status[s]).toBeTruthy();
      expect(en.audits.status[s]).toBeTruthy();
    }
    for (const o of OPINIONS) expect(en.audits.opinion[o]).toBeTruthy();
    for (const k of FINDING_KINDS) expect(en.audits.kind[k]).toBeTruthy();
    for (const s of SEVERITIES) expect(en.audits.severity[s]).toBeTruthy();
    expect(zhCN.audits.status.draft_report).toBe('报告初稿');
    expect(zhCN.audits.opinion.qualified).toBe('保留意见');
    expect(zhCN.audits.kind.unrecorded_income).toBe('收入未入账');
  });
});

describe('groupByStatus', () => {
  it('has every column, empty ones included, each sorted by compound name', () => {
    const board = groupByStatus([
      engagement('融城花苑', 'planned'),
      engagement('卫技新村', 'rectification'),
      engagement('紫金苑', 'rectification'),
      engagement('城市山水豪园', 'closed'),
    ]);
    expect(Object.keys(board)).toEqual([...ENGAGEMENT_STATUSES]);
    expect(board.planned.map((e) => e.compound_name)).toEqual(['融城花苑']);
    expect(board.fieldwork).toEqual([]);
    expect(board.rectification.map((e) => e.compound_name)).toEqual(['卫技新村', '紫金苑']);
  });
});

describe('nextSteps', () => {
  it('puts the step forward first and the way back last', () => {
    expect(nextSteps('draft_report', ['fieldwork', 'final_report'])).toEqual([
      { to: 'final_report', forward: true, needsOpinion: true },
      { to: 'fieldwork', forward: false, needsOpinion: false },
    ]);
  });

  it('offers exactly what the server sends', () => {
    expect(nextSteps('planned', ['fieldwork']).map((s) => s.to)).toEqual(['fieldwork']);
    expect(nextSteps('final_report', ['closed']).map((s) => s.to)).toEqual(['closed']);
    expect(nextSteps('rectification', [])).toEqual([]);
  });

  it('takes findings during fieldwork and the draft report only', () => {
    expect(ENGAGEMENT_STATUSES.filter(takesFindings)).toEqual(['fieldwork', 'draft_report']);
  });

  it('says how many open findings keep an engagement in rectification', () => {
    expect(blockingFindings({ status: 'rectification', open_finding_count: 2 })).toBe(2);
    expect(blockingFindings({ status: 'final_report', open_finding_count: 2 })).toBe(0);
  });
});

describe('money', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(1_200_000)).toBe('12,000.00');
    expect(formatYuan(100_000_000)).toBe('1,000,000.00');
    expect(formatYuan(62051)).toBe('620.51');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-123456)).toBe('-1,234.56');
  });

  it('turns typed yuan into whole fen and back', () => {
    expect(yuanToFen(12000)).toBe(1_200_000);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(fenToYuan(1999)).toBe(19.99);
  });

  it('adds up the money at stake of open findings', () => {
    expect(
      openAmountFen([
        { status: 'open', amount_fen: 100 },
        { status: 'closed', amount_fen: 50 },
        { status: 'open', amount_fen: 1 },
      ]),
    ).toBe(101);
  });
});

describe('rates', () => {
  it('formats the on-time rate as a percentage', () => {
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0.6667)).toBe('66.7%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(undefined)).toBe('—');
  });

  it('clamps progress to 0..100', () => {
    expect(progressPercent(572, 1000)).toBe(57.2);
    expect(progressPercent(5, 0)).toBe(0);
    expect(progressPercent(2000, 1000)).toBe(100);
  });

  it('counts verified and overdue rectification actions', () => {
    expect(rectificationProgress({ rectifications: [action('verified'), action('completed'), action('pending', true)] })).toEqual({
      verified: 1,
      total: 3,
      overdue: 1,
    });
  });
});
