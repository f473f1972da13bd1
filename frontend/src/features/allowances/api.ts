import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap, unwrapTagged, versionTag, type Tagged } from '../../api/client';
import { ApiError, asProblem } from '../../api/problem';
import type {
  Assessment,
  AssessmentImportResult,
  AssessmentInput,
  AssessmentQuery,
  AssessmentResult,
  BankAccount,
  BankAccountInput,
  Budget,
  Cycle,
  CycleAction,
  CycleStatus,
  Decision,
  PaymentReason,
  Programme,
  ProgrammeInput,
  ReconciliationResult,
} from './types';

export interface CycleFilters {
  programme_id?: string;
  status?: CycleStatus;
}

export interface PaymentFilters {
  decision?: Decision;
  reason?: PaymentReason;
}

export interface AssessmentFilters {
  person_id?: string;
  /** Assessments covering this day (`YYYY-MM-DD`). */
  on?: string;
  result?: AssessmentResult;
}

/** The assessments list has no paging: the server's largest page. */
export const ASSESSMENT_LIMIT = 1000;

export const allowanceKeys = {
  all: ['allowances'] as const,
  /** The programmes. */
  list: ['allowances', 'programmes'] as const,
  /** One programme (with its ETag). */
  one: (id: string) => ['allowances', 'programme', id] as const,
  budget: (id: string, year: number) => ['allowances', 'budget', id, year] as const,
  cycles: (filters: CycleFilters) => ['allowances', 'cycles', filters] as const,
  cycle: (id: string) => ['allowances', 'cycle', id] as const,
  payments: (cycleId: string, filters: PaymentFilters) => ['allowances', 'payments', cycleId, filters] as const,
  assessments: (filters: AssessmentFilters) => ['allowances', 'assessments', filters] as const,
  personPayments: (personId: string) => ['allowances', 'person-payments', personId] as const,
  bankAccount: (personId: string) => ['allowances', 'bank-account', personId] as const,
};

// ---------------------------------------------------------------------------------------
// Programmes.

export function useProgrammes(enabled = true) {
  return useQuery({
    queryKey: allowanceKeys.list,
    queryFn: () => unwrap(api.GET('/api/v1/allowance-programmes')),
    enabled,
  });
}

export function fetchProgramme(id: string): Promise<Tagged<Programme>> {
  return unwrapTagged(api.GET('/api/v1/allowance-programmes/{id}', { params: { path: { id } } }));
}

export function useProgramme(id: string | undefined) {
  return useQuery({ queryKey: allowanceKeys.one(id ?? ''), queryFn: () => fetchProgramme(id!), enabled: !!id });
}

export function createProgramme(body: ProgrammeInput): Promise<Tagged<Programme>> {
  return unwrapTagged(api.POST('/api/v1/allowance-programmes', { body }));
}

export function updateProgramme(id: string, etag: string, body: ProgrammeInput): Promise<Tagged<Programme>> {
  return unwrapTagged(
    api.PUT('/api/v1/allowance-programmes/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}

export function useBudget(id: string, year: number) {
  return useQuery<Budget>({
    queryKey: allowanceKeys.budget(id, year),
    queryFn: () => unwrap(api.GET('/api/v1/allowance-programmes/{id}/budget', { params: { path: { id }, query: { year } } })),
  });
}

// ---------------------------------------------------------------------------------------
// Payment cycles.

export function useCycles(filters: CycleFilters) {
  return useQuery({
    queryKey: allowanceKeys.cycles(filters),
    queryFn: () => {
      const query: CycleFilters = {};
      if (filters.programme_id) query.programme_id = filters.programme_id;
      if (filters.status) query.status = filters.status;
      return unwrap(api.GET('/api/v1/payment-cycles', { params: { query } }));
    },
    placeholderData: keepPreviousData,
  });
}

export function createCycle(programmeId: string, month: string): Promise<Tagged<Cycle>> {
  return unwrapTagged(api.POST('/api/v1/payment-cycles', { body: { programme_id: programmeId, month } }));
}

export function fetchCycle(id: string): Promise<Tagged<Cycle>> {
  return unwrapTagged(api.GET('/api/v1/payment-cycles/{id}', { params: { path: { id } } }));
}

export function useCycle(id: string | undefined) {
  return useQuery({ queryKey: allowanceKeys.cycle(id ?? ''), queryFn: () => fetchCycle(id!), enabled: !!id });
}

/** The `If-Match` for a cycle: its GET's ETag, else (a copy from a list) its version. */
export function cycleTag(cycle: Tagged<Cycle>): string {
  return cycle.etag ?? versionTag(cycle.data.version);
}

export function usePayments(cycleId: string, filters: PaymentFilters) {
  return useQuery({
    queryKey: allowanceKeys.payments(cycleId, filters),
    queryFn: () => {
      const query: { decision?: string; reason?: PaymentReason } = {};
      if (filters.decision) query.decision = filters.decision;
      if (filters.reason) query.reason = filters.reason;
      return unwrap(api.GET('/api/v1/payment-cycles/{id}/payments', { params: { path: { id: cycleId }, query } }));
    },
    placeholderData: keepPreviousData,
  });
}

export function transitionCycle(id: string, etag: string, action: CycleAction): Promise<Tagged<Cycle>> {
  return unwrapTagged(
    api.POST('/api/v1/payment-cycles/{id}/transitions', {
      params: { path: { id }, header: { 'If-Match': etag } },
      body: { action },
    }),
  );
}

export function regenerateCycle(id: string): Promise<Tagged<Cycle>> {
  return unwrapTagged(api.POST('/api/v1/payment-cycles/{id}/generate', { params: { path: { id } } }));
}

export function holdPayment(cycleId: string, paymentId: string, reason: string): Promise<Cycle> {
  return unwrap(
    api.POST('/api/v1/payment-cycles/{id}/payments/{payment_id}/hold', {
      params: { path: { id: cycleId, payment_id: paymentId } },
      body: { reason },
    }),
  );
}

export function releasePayment(cycleId: string, paymentId: string): Promise<Cycle> {
  return unwrap(
    api.DELETE('/api/v1/payment-cycles/{id}/payments/{payment_id}/hold', {
      params: { path: { id: cycleId, payment_id: paymentId } },
    }),
  );
}

/** Disburses an approved cycle; a retry of the same click sends the same key and is answered once. */
export function disburseCycle(id: string, idempotencyKey: string): Promise<Cycle> {
  return unwrap(
    api.POST('/api/v1/payment-cycles/{id}/disburse', {
      params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
      body: {},
    }),
  );
}

/** A CSV the server writes, read with the token, with the file name it proposes. */
export interface CsvFile {
  blob: Blob;
  disposition: string | null;
}

/** The bank transfer file (full account numbers: only here, and every download is audited). */
export async function bankFile(id: string): Promise<CsvFile> {
  const { data, error, response } = await api.GET('/api/v1/payment-cycles/{id}/bank-file', {
    params: { path: { id } },
    parseAs: 'blob',
  });
  if (!response.ok || !(data instanceof Blob)) throw new ApiError(response.status, asProblem(error));
  return { blob: data, disposition: response.headers.get('Content-Disposition') };
}

/** Sends a CSV file as it is (the contract types the body as a string). */
function csvBody(file: Blob) {
  return {
    body: file as unknown as string,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  };
}

/**
 * Imports the bank's return file. All rows or none: a refused file throws an ApiError whose
 * problem carries `row_errors`; the same file again answers `replayed`.
 */
export function reconcileCycle(id: string, file: Blob): Promise<ReconciliationResult> {
  return unwrap(api.POST('/api/v1/payment-cycles/{id}/reconciliation', { params: { path: { id } }, ...csvBody(file) }));
}

/** After any change to a cycle: it, its lines, the lists and the budgets read again. */
export function useCycleChanged(id: string) {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: allowanceKeys.cycle(id) });
    await queryClient.invalidateQueries({ queryKey: ['allowances', 'payments', id] });
    void queryClient.invalidateQueries({ queryKey: ['allowances', 'cycles'] });
    void queryClient.invalidateQueries({ queryKey: ['allowances', 'budget'] });
    void queryClient.invalidateQueries({ queryKey: ['allowances', 'person-payments'] });
  }, [queryClient, id]);
}

// ---------------------------------------------------------------------------------------
// Assessments.

export function useAssessments(filters: AssessmentFilters) {
  return useQuery({
    queryKey: allowanceKeys.assessments(filters),
    queryFn: () => {
      const query: AssessmentQuery = { limit: ASSESSMENT_LIMIT };
      if (filters.person_id) query.person_id = filters.person_id;
      if (filters.on) query.on = filters.on;
      if (filters.result) query.result = filters.result;
      return unwrap(api.GET('/api/v1/assessments', { params: { query } }));
    },
    placeholderData: keepPreviousData,
  });
}

export function createAssessment(body: AssessmentInput): Promise<Tagged<Assessment>> {
  return unwrapTagged(api.POST('/api/v1/assessments', { body }));
}

export function updateAssessment(id: string, etag: string, body: AssessmentInput): Promise<Tagged<Assessment>> {
  return unwrapTagged(api.PUT('/api/v1/assessments/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }));
}

/** Imports assessments (CSV, UTF-8). All rows or none, as the bank return file. */
export function importAssessments(file: Blob): Promise<AssessmentImportResult> {
  return unwrap(api.POST('/api/v1/assessments/imports', csvBody(file)));
}

// ---------------------------------------------------------------------------------------
// A person's payments and bank account.

export function usePersonPayments(personId: string) {
  return useQuery({
    queryKey: allowanceKeys.personPayments(personId),
    queryFn: () => unwrap(api.GET('/api/v1/people/{id}/payments', { params: { path: { id: personId } } })),
  });
}

/** The masked account on file; null when there is none (404). */
export function useBankAccount(personId: string) {
  return useQuery<BankAccount | null>({
    queryKey: allowanceKeys.bankAccount(personId),
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/people/{id}/bank-account', { params: { path: { id: personId } } }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
}

export function setBankAccount(personId: string, body: BankAccountInput): Promise<BankAccount> {
  return unwrap(api.PUT('/api/v1/people/{id}/bank-account', { params: { path: { id: personId } }, body }));
}
