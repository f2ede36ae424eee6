import { stackGlobalSetup } from '@dg/ui/testing';

export default stackGlobalSetup(new URL('..', import.meta.url).pathname, 'REVIEWER_PORT');
