// A small organisation created through the API, for API tests:
//
//   office (leader: lead.office) ─┬─ research (staff: staff.research)
//                                 └─ culture  (leader: lead.culture, staff: staff.culture)
//
// plus two designated resources. Every person's password is PASSWORD.
import { resourceSchema } from '../../shared/schemas/policy.ts';
import { unitSchema } from '../../shared/schemas/organisation.ts';
import { userSchema, type User } from '../../shared/schemas/auth.ts';
import type { Role } from '../../shared/schemas/domain.ts';
import { expectData } from './api-client.ts';
import { TEST_ADMIN, type ApiServer } from './api-server.ts';

export const PASSWORD = 'password-1234';

export interface Member {
  user: User;
  token: string;
}

export async function seedOrganisation(server: ApiServer) {
  const adminToken = await server.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
  const { api } = server;
  const unit = async (name: string, parentId?: string) =>
    expectData(await api.post('/api/units', { name, parentId }, adminToken), unitSchema, 201);
  const office = await unit('办公室 Office');
  const research = await unit('研究室 Research', office.id);
  const culture = await unit('文化室 Culture', office.id);

  const member = async (username: string, role: Role, unitId: string): Promise<Member> => {
    const body = { username, name: username, password: PASSWORD, role, unitId };
    const user = expectData(await api.post('/api/people', body, adminToken), userSchema, 201);
    return { user, token: await server.signIn(username, PASSWORD) };
  };
  const people = {
    leadOffice: await member('lead.office', 'leader', office.id),
    leadCulture: await member('lead.culture', 'leader', culture.id),
    staffResearch: await member('staff.research', 'staff', research.id),
    staffCulture: await member('staff.culture', 'staff', culture.id),
  };

  const resource = async (name: string, category: string, patterns: string[]) =>
    expectData(await api.post('/api/resources', { name, category, kind: 'reading', patterns }, adminToken), resourceSchema, 201);
  const resources = {
    theory: await resource('理论学习 Theory', 'political-theory', ['https://*.example.org/learn/*']),
    law: await resource('法律 Law', 'professional', ['https://law.example.com/*']),
  };

  return { adminToken, units: { office, research, culture }, people, resources };
}
