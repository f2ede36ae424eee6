export { type Bar, BarList } from './charts/BarList';
export { LineChart, type Series } from './charts/LineChart';
export { api, type Api } from './api/client';
export { describeApiError, isConflict, type ApiErrorView } from './api/errors';
export { createQueryClient } from './api/query-client';
export { ErrorAlert } from './feedback/ErrorAlert';
export { FilePreview } from './files/FilePreview';
export { UploadError, type UploadedFile, uploadFile } from './files/upload';
export { DateText } from './format/DateText';
export { Money } from './format/Money';
export { StatusTag, type Tone } from './format/StatusTag';
export { labelOf } from './format/labels';
// Typed-yuan parsing lives with the rest of the money rules in the policy core.
export { fenToYuanText, yuanTextToFen } from '@dg/policy';
export {
  formatShanghaiChineseDate,
  formatShanghaiDateTime,
  shanghaiDay,
  type TimeValue,
} from './format/time';
export { RegionSelect, regionName } from './inputs/RegionSelect';
export { LoginPage } from './session/LoginPage';
export { SessionGate, type SessionUser, useLogin, useSession } from './session/session';
export { AppRoot } from './shell/AppRoot';
export { AppShell, type NavGroup, type NavItem, visibleNav } from './shell/AppShell';
export { Page } from './shell/Page';
export { KeysetTable, type KeysetPage } from './table/KeysetTable';
