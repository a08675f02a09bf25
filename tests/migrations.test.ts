import { checkMigrationsUpToDate } from '../scripts/migrations/new-migration';

describe('prisma/migrations', () => {
  it('holds every change of prisma/schema.prisma (else: npm run db:new-migration -- <name>)', async () => {
    const result = await checkMigrationsUpToDate(process.env.AMORA_TEST_ADMIN_URL);
    expect(result.diffSql).toBe('');
    expect(result.upToDate).toBe(true);
  });
});
