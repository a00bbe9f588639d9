// Validate opens where the person most likely is: the analyst's tab once the project has
// classification runs (something to sample and report on), the validator's tab otherwise.
import { describe, expect, it } from 'vitest';
import { initialValidateTab } from '../../src-renderer/features/validate/ValidateTabs';

describe('the tab Validate opens on', () => {
  it('is Prepare & report with runs, the labelling tab without them or before the state is known', () => {
    expect(initialValidateTab(2)).toBe('prepare');
    expect(initialValidateTab(0)).toBe('label');
    expect(initialValidateTab(undefined)).toBe('label');
  });
});
