// Demo mode from the renderer: whether it is on (the banner), and starting or leaving it. Both
// switch the open project (the demo has its own file), so both end in a page reload, the one reset
// that cannot forget a store filled from the other project.
import type { ApiClient } from '../../../src-shared/api';
import type { DemoStartResult, DemoStatus } from '../../../src-shared/demo';
import { useEffect } from 'react';
import { createResource, useResource } from '../../app/resource';
import { getApiClient } from '../../transport/client';
import { reloadAt } from './store';

export const demoStore = createResource<DemoStatus>((api) => api['demo.status']({}));

/** True while demo mode serves the open project: cost estimates then say "simulated", never a price owed. */
export function useDemoActive(): boolean {
  const status = useResource(demoStore);
  useEffect(() => demoStore.ensure(), []);
  return status.data?.active === true;
}

/** Opens the demo project (bundled data and sample corpus) and goes on to the first step it needs: the hierarchy. */
export async function startDemo(client: () => ApiClient = getApiClient): Promise<DemoStartResult> {
  const result = await client()['demo.start']({});
  reloadAt('#/hierarchy');
  return result;
}

/** Leaves demo mode: back to the project that was open before. */
export async function stopDemo(client: () => ApiClient = getApiClient): Promise<DemoStatus> {
  const status = await client()['demo.stop']({});
  reloadAt('#/project');
  return status;
}
