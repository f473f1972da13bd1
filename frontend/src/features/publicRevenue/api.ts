// Public revenue (公共收益) over HTTP: a compound's ledger, the district's reports and the
// disclosures residents read. Money is integer fen throughout.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError, asProblem } from '../../api/problem';
import type {
  Disclosure,
  DisclosureInput,
  Entry,
  ImportResult,
  NewAccount,
  NewEntry,
  MonthlyReport,
  ReverseInput,
  RollupReport,
  TrialBalance,
  VoucherList,
} from './types';

// The reports below answer JSON, or a spreadsheet with `format=csv` (the `…Csv` functions);
// the contract lists both media types for the same path, so the JSON readers name theirs.

export const PAGE_SIZE = 20;

export interface EntryFilters {
  from?: string;
  to?: string;
  account_id?: string;
}

export interface ReportRange {
  /** `YYYY-MM`. */
  from: string;
  /** `YYYY-MM`. */
  to: string;
}

export const revenueKeys = {
  all: ['revenue'] as const,
  /** Everything read about one compound's ledger: refreshed together after a change. */
  compound: (compoundId: string) => ['revenue', 'compound', compoundId] as const,
  list: (compoundId: string, filters: EntryFilters, cursor: string | undefined) =>
    ['revenue', 'compound', compoundId, 'entries', filters, cursor ?? null] as const,
  one: (entryId: string) => ['revenue', 'entry', entryId] as const,
  accounts: (compoundId: string) => ['revenue', 'compound', compoundId, 'accounts'] as const,
  periods: (compoundId: string) => ['revenue', 'compound', compoundId, 'periods'] as const,
  trialBalance: (compoundId: string, asOf: string | undefined) =>
    ['revenue', 'compound', compoundId, 'trial-balance', asOf ?? null] as const,
  /** Monthly reports of an area or compound (the whole scope without). */
  monthly: (areaId: string | undefined, range: ReportRange) => ['revenue', 'monthly', areaId ?? null, range] as const,
  rollup: (areaId: string | undefined, range: ReportRange) => ['revenue', 'by-area', areaId ?? null, range] as const,
  disclosures: (compoundId: string) => ['revenue', 'disclosures', compoundId] as const,
  disclosure: (id: string) => ['revenue', 'disclosure', id] as const,
  preview: (compoundId: string, range: ReportRange) => ['revenue', 'preview', compoundId, range] as const,
};

// --- The ledger -----------------------------------------------------------------------

export function useAccounts(compoundId: string) {
  return useQuery({
    queryKey: revenueKeys.accounts(compoundId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/compounds/{id}/ledger/accounts', { params: { path: { id: compoundId } } })),
  });
}

export function createAccount(compoundId: string, body: NewAccount) {
  return unwrap(api.POST('/api/v1/compounds/{id}/ledger/accounts', { params: { path: { id: compoundId } }, body }));
}

export function useEntryPage(compoundId: string, filters: EntryFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: revenueKeys.list(compoundId, filters, cursor),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/compounds/{id}/ledger/entries', {
          params: {
            path: { id: compoundId },
            query: {
              limit: PAGE_SIZE,
              ...(filters.from ? { from: filters.from } : {}),
              ...(filters.to ? { to: filters.to } : {}),
              ...(filters.account_id ? { account_id: filters.account_id } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function fetchEntry(id: string): Promise<Entry> {
  return unwrap(api.GET('/api/v1/ledger-entries/{id}', { params: { path: { id } } }));
}

export function postEntry(compoundId: string, body: NewEntry, idempotencyKey: string): Promise<Entry> {
  return unwrap(
    api.POST('/api/v1/compounds/{id}/ledger/entries', {
      params: { path: { id: compoundId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

export function reverseEntry(entryId: string, body: ReverseInput, idempotencyKey: string): Promise<Entry> {
  return unwrap(
    api.POST('/api/v1/ledger-entries/{id}/reverse', {
      params: { path: { id: entryId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

/** Largest voucher the server accepts (5 MiB). */
export const MAX_VOUCHER_BYTES = 5 * 1024 * 1024;

/** Attaches a voucher (a scan or a PDF) to an entry; answers the entry's vouchers. */
export function uploadVoucher(entryId: string, file: Blob & { name?: string }): Promise<VoucherList> {
  const name = (file.name || 'voucher').slice(0, 120);
  return unwrap(
    api.POST('/api/v1/ledger-entries/{id}/vouchers', {
      params: { path: { id: entryId }, query: { name } },
      // The contract describes the body loosely; what goes on the wire is the file itself.
      body: file as unknown as number[],
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}

/** A voucher's bytes, read with the signed-in user's token. */
export async function fetchVoucher(entryId: string, voucherId: string): Promise<Blob> {
  const { data, error, response } = await api.GET('/api/v1/ledger-entries/{id}/vouchers/{voucher_id}', {
    params: { path: { id: entryId, voucher_id: voucherId } },
    parseAs: 'blob',
  });
  if (!response.ok || !(data instanceof Blob)) throw new ApiError(response.status, asProblem(error));
  return data;
}

export function usePeriods(compoundId: string) {
  return useQuery({
    queryKey: revenueKeys.periods(compoundId),
    queryFn: () => unwrap(api.GET('/api/v1/compounds/{id}/ledger/periods', { params: { path: { id: compoundId } } })),
  });
}

/** Closes a month (`YYYY-MM`); final. */
export function closePeriod(compoundId: string, month: string): Promise<unknown> {
  return unwrap(api.POST('/api/v1/compounds/{id}/ledger/periods', { params: { path: { id: compoundId } }, body: { month } }));
}

/**
 * Imports a cash journal (CSV, UTF-8). All rows or none: a refused file throws an ApiError
 * whose problem carries `row_errors`.
 */
export function importJournal(compoundId: string, file: Blob & { name?: string }): Promise<ImportResult> {
  const fileName = (file.name || 'import.csv').slice(0, 120);
  return unwrap(
    api.POST('/api/v1/compounds/{id}/ledger/imports', {
      params: { path: { id: compoundId }, query: { file_name: fileName } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    }),
  );
}

export function useTrialBalance(compoundId: string, asOf: string | undefined) {
  return useQuery({
    queryKey: revenueKeys.trialBalance(compoundId, asOf),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/compounds/{id}/ledger/trial-balance', {
          params: { path: { id: compoundId }, query: asOf ? { as_of: asOf } : {} },
        }),
      )) as TrialBalance,
    placeholderData: keepPreviousData,
  });
}

/** A CSV the server writes, read with the token, with the file name it proposes. */
export interface CsvFile {
  blob: Blob;
  disposition: string | null;
}

async function asCsv(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<CsvFile> {
  const { data, error, response } = await call;
  if (!response.ok || !(data instanceof Blob)) throw new ApiError(response.status, asProblem(error));
  return { blob: data, disposition: response.headers.get('Content-Disposition') };
}

export function trialBalanceCsv(compoundId: string, asOf: string | undefined): Promise<CsvFile> {
  return asCsv(
    api.GET('/api/v1/compounds/{id}/ledger/trial-balance', {
      params: { path: { id: compoundId }, query: { format: 'csv', ...(asOf ? { as_of: asOf } : {}) } },
      parseAs: 'blob',
    }),
  );
}

/** After any change to a compound's ledger: every view of it reads again. */
export function useLedgerChanged(compoundId: string) {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: revenueKeys.compound(compoundId) });
    void client.invalidateQueries({ queryKey: ['revenue', 'by-area'] });
    void client.invalidateQueries({ queryKey: ['revenue', 'monthly'] });
    void client.invalidateQueries({ queryKey: ['revenue', 'preview', compoundId] });
  }, [client, compoundId]);
}

// --- Reports --------------------------------------------------------------------------

/** Monthly income and spending by category of an area or compound (the whole scope without). */
export function useMonthlyReport(areaId: string | undefined, range: ReportRange, enabled = true) {
  return useQuery({
    queryKey: revenueKeys.monthly(areaId, range),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/public-revenue/monthly', {
          params: { query: { from: range.from, to: range.to, ...(areaId ? { area_id: areaId } : {}) } },
        }),
      )) as MonthlyReport,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function monthlyCsv(areaId: string | undefined, range: ReportRange): Promise<CsvFile> {
  return asCsv(
    api.GET('/api/v1/public-revenue/monthly', {
      params: { query: { from: range.from, to: range.to, format: 'csv', ...(areaId ? { area_id: areaId } : {}) } },
      parseAs: 'blob',
    }),
  );
}

/** The by-area roll-up takes days; a month range covers its first to its last day. */
function rollupQuery(areaId: string | undefined, range: ReportRange, lastDay: string) {
  return { from: `${range.from}-01`, to: lastDay, ...(areaId ? { area_id: areaId } : {}) };
}

export function useRollup(areaId: string | undefined, range: ReportRange, lastDay: string) {
  return useQuery({
    queryKey: revenueKeys.rollup(areaId, range),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/public-revenue/by-area', { params: { query: rollupQuery(areaId, range, lastDay) } }),
      )) as RollupReport,
    placeholderData: keepPreviousData,
  });
}

export function rollupCsv(areaId: string | undefined, range: ReportRange, lastDay: string): Promise<CsvFile> {
  return asCsv(
    api.GET('/api/v1/public-revenue/by-area', {
      params: { query: { ...rollupQuery(areaId, range, lastDay), format: 'csv' } },
      parseAs: 'blob',
    }),
  );
}

// --- Disclosures ------------------------------------------------------------------------

export function useDisclosures(compoundId: string | undefined) {
  return useQuery({
    queryKey: revenueKeys.disclosures(compoundId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/compounds/{id}/disclosures', { params: { path: { id: compoundId! } } })),
    enabled: !!compoundId,
  });
}

export function useDisclosure(id: string | undefined) {
  return useQuery({
    queryKey: revenueKeys.disclosure(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/disclosures/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useDisclosurePreview(compoundId: string, range: ReportRange | null) {
  return useQuery({
    queryKey: revenueKeys.preview(compoundId, range ?? { from: '', to: '' }),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/compounds/{id}/disclosures/preview', {
          params: { path: { id: compoundId }, query: { period_from: range!.from, period_to: range!.to } },
        }),
      ),
    enabled: !!range,
    retry: false,
  });
}

export function publishDisclosure(compoundId: string, body: DisclosureInput): Promise<Disclosure> {
  return unwrap(api.POST('/api/v1/compounds/{id}/disclosures', { params: { path: { id: compoundId } }, body }));
}
