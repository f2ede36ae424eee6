/** The pickers' options for the facts document's enums, named as the policy core names them. */
import {
  APPLICANT_CATEGORIES,
  applicantCategoryLabels,
  dongguanRegions,
  HARDWARE_CATEGORIES,
  hardwareCategoryLabels,
  INVOICE_KINDS,
  invoiceKindLabels,
  optionsOf,
  REGIONS,
  regionLabels,
  SOFTWARE_CATEGORIES,
  softwareCategoryLabels,
} from '@dg/policy';

export const categoryOptions = optionsOf(APPLICANT_CATEGORIES, applicantCategoryLabels);
/** The 33 towns, streets and parks, for pickers. */
export const regionOptions = dongguanRegions.map((r) => ({ value: r.code, label: r.name }));
export const invoiceOptions = optionsOf(INVOICE_KINDS, invoiceKindLabels);
/** Where a participating unit is (GEN-3 allows units from outside Dongguan, Hong Kong and Macao included). */
export const participantRegionOptions = optionsOf(REGIONS, regionLabels);
export const hardwareOptions = optionsOf(HARDWARE_CATEGORIES, hardwareCategoryLabels);
export const softwareOptions = optionsOf(SOFTWARE_CATEGORIES, softwareCategoryLabels);
