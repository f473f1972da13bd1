DROP TABLE reconciliation_imports;
DROP TABLE disbursements;
DROP TABLE payments;
DROP TABLE payment_cycles;
DROP TABLE bank_accounts;
DROP TABLE assessments;
DROP TABLE allowance_programmes;
