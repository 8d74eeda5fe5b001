// A year's research overview's inputs (programme/research-overview.ts) for the people the route has
// chosen (who may be seen is the access rules' decision, made before): the report target, and those
// people's visits and reports of the year.
import type { researchOverview, ResearchPerson } from '../programme/research-overview.ts';
import type { Store } from '../store/store-contract.ts';

export async function researchOverviewInputs(store: Store, people: readonly ResearchPerson[], year: number): Promise<Parameters<typeof researchOverview>[0]> {
  const personIds = people.map((p) => p.id);
  return {
    year,
    target: (await store.programme.settings()).reportTarget,
    people,
    visits: await store.programme.visits({ year, personIds }),
    reports: await store.programme.reports({ year, personIds }),
  };
}
