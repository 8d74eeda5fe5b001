// State of the notice page: the designated sites of the current policy (kept current while the page is
// open, so the list appears as soon as the person signs in) and the organisation's managed name.
import { useEffect, useState } from 'preact/hooks';
import type { Resource } from '../../../shared/schemas/policy.ts';
import { policyItem, sessionItem } from '../../storage/items.ts';
import { NO_MANAGED_CONFIG, readManagedConfig, type ManagedConfig } from '../../account/managed-config.ts';
import { DEFAULT_RETENTION_DAYS } from '../../trust/notice.ts';

export interface NoticeModel {
  /** null until signed in: the list comes from the server's policy. */
  readonly resources: readonly Resource[] | null;
  readonly organisationName: string | null;
  readonly retentionDays: number;
}

export function useNoticeModel(): NoticeModel | null {
  const [resources, setResources] = useState<readonly Resource[] | null | undefined>(undefined);
  const [managed, setManaged] = useState<ManagedConfig | undefined>(undefined);

  useEffect(() => {
    const load = async () => {
      const [session, stored] = await Promise.all([sessionItem.getValue(), policyItem.getValue()]);
      setResources(session !== null && stored !== null ? stored.policy.resources : null);
    };
    void load();
    void readManagedConfig().then(setManaged, () => setManaged(NO_MANAGED_CONFIG));
    const unwatch = [policyItem.watch(() => void load()), sessionItem.watch(() => void load())];
    return () => unwatch.forEach((stop) => stop());
  }, []);

  if (resources === undefined || managed === undefined) return null;
  return { resources, organisationName: managed.organisationName, retentionDays: DEFAULT_RETENTION_DAYS };
}
