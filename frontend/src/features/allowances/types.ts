// Names for the allowance shapes, all taken from the generated contract (schema.d.ts), as
// src/api/types.ts does for the older modules: a renamed schema surfaces here only.
import type { QueryOf, Schemas } from '../../api/contract';
import type { paths } from '../../api/schema';


export type Programme = Schemas['ProgrammeView'];
export type ProgrammeInput = Schemas['ProgrammeInput'];
export type Budget = Schemas['BudgetView'];
export type AssessmentResult = Schemas['AssessmentResult'];
export type Assessment = Schemas['AssessmentView'];
export type AssessmentInput = Schemas['AssessmentInput'];
export type AssessmentImportResult = Schemas['AssessmentImportResult'];
export type AssessmentQuery = QueryOf<paths['/api/v1/assessments']['get']>;
export type CycleStatus = Schemas['CycleStatus'];
export type Cycle = Schemas['CycleView'];
export type CycleAction = Schemas['CycleAction'];
export type Payment = Schemas['PaymentView'];
export type PaymentReason = Schemas['PaymentReason'];
export type ReconciliationResult = Schemas['ReconciliationResult'];
export type BankAccount = Schemas['BankAccountView'];
export type BankAccountInput = Schemas['BankAccountInput'];
export type OrgKind = Schemas['OrgKind'];

/** `decision` is a plain string in the contract; these are the values the server writes. */
export type Decision = 'included' | 'excluded' | 'held';
/** `outcome` of a transfer once disbursed. */
export type Outcome = 'sent' | 'paid' | 'failed';
