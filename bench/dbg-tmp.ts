import { addYear, seedOrganisation, writeStore } from './support/year-data.ts';
const dir = '/tmp/styear';
const t = performance.now();
const { state, seeded } = await seedOrganisation(dir, 1000, false);
addYear(state, seeded, 250);
console.log('gen', performance.now() - t);
await writeStore(dir, state);
console.log('token', seeded.adminToken);
