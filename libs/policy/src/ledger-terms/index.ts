export { PackLedgerTerms } from './pack-ledger-terms';
export { packTermsOf, tenantTermsOf, type InstallationTermsRow } from './terms-of-installation';
