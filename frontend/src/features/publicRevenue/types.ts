// Names for the public revenue shapes, taken from the generated contract (schema.d.ts)
// the way src/api/types.ts names the rest: each alias points at a path, so a rename of a
// schema in the server does not ripple through the pages.
import type { BodyOf, Ok } from '../../api/contract';
import type { paths } from '../../api/schema';


export type AccountList = Ok<paths['/api/v1/compounds/{id}/ledger/accounts']['get']>;
export type Account = AccountList['items'][number];
export type AccountKind = Account['kind'];
export type NewAccount = BodyOf<paths['/api/v1/compounds/{id}/ledger/accounts']['post']>;

export type EntryPage = Ok<paths['/api/v1/compounds/{id}/ledger/entries']['get']>;
export type Entry = Ok<paths['/api/v1/ledger-entries/{id}']['get']>;
export type EntryLine = Entry['lines'][number];
export type EntrySource = Entry['source'];
export type NewEntry = BodyOf<paths['/api/v1/compounds/{id}/ledger/entries']['post']>;
export type ReverseInput = BodyOf<paths['/api/v1/ledger-entries/{id}/reverse']['post']>;
export type VoucherList = Ok<paths['/api/v1/ledger-entries/{id}/vouchers']['post']>;
export type Voucher = VoucherList['items'][number];

export type PeriodList = Ok<paths['/api/v1/compounds/{id}/ledger/periods']['get']>;
export type Period = PeriodList['items'][number];

export type ImportResult = Ok<paths['/api/v1/compounds/{id}/ledger/imports']['post']>;
export type TrialBalance = Ok<paths['/api/v1/compounds/{id}/ledger/trial-balance']['get']>;

export type MonthlyReport = Ok<paths['/api/v1/public-revenue/monthly']['get']>;
export type MonthlyItem = MonthlyReport['items'][number];
export type RollupReport = Ok<paths['/api/v1/public-revenue/by-area']['get']>;
export type RollupItem = RollupReport['items'][number];

export type DisclosureList = Ok<paths['/api/v1/compounds/{id}/disclosures']['get']>;
export type Disclosure = Ok<paths['/api/v1/disclosures/{id}']['get']>;
export type DisclosureSummary = Disclosure['summary'];
export type DisclosureInput = BodyOf<paths['/api/v1/compounds/{id}/disclosures']['post']>;
