// The report's sums per team / week / month / category against a brute-force
// sum of the same random entries, on PGlite and PostgreSQL.
import { expect, it } from 'vitest';
import { createTeam } from '@/db/catalog/teams';
import { createUser } from '@/db/identity/users';
import { toilEntries } from '@/db/schema';
import { ensureToilCategories, listToilCategories } from '@/db/toil/categories';
import { setAutomationEstimate } from '@/db/toil/estimates';
import { loadToilReport } from '@/db/toil/report';
import { teamCapacityMinutes } from '@/lib/toil/aggregates';
import { addDays, monthOf, weekKey } from '@/lib/toil/periods';
import { describeEachDriver } from '../helpers/db';
import { rng, testActor } from '../helpers/fixtures';

const range = { from: '2024-01-15', to: '2024-03-10' };

describeEachDriver('toil aggregates', (ctx) => {
  it('equal a brute-force sum per team, week, month and category', async () => {
    const { db } = ctx();
    await ensureToilCategories(db);
    const categories = await listToilCategories(db);
    const people = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        createUser(db, testActor, { email: `agg${i}@t.io`, name: `P${i}`, role: 'engineer', password: '' }),
      ),
    );
    const alpha = await createTeam(db, testActor, {
      slug: 'alpha',
      name: 'Alpha',
      weeklyHoursPerMember: '40',
      memberIds: people.slice(0, 3).map((p) => p.id),
    });
    const beta = await createTeam(db, testActor, {
      slug: 'beta',
      name: 'Beta',
      weeklyHoursPerMember: '32',
      memberIds: people.slice(3).map((p) => p.id),
    });
    const random = rng(42);
    const tasks = ['Rotate certs', 'rotate CERTS ', 'Restart pods', 'Fix data', 'Grant access'];
    const rows = Array.from({ length: 600 }, () => {
      const team = random() < 0.6 ? alpha : beta;
      return {
        userId: people[Math.floor(random() * people.length)].id,
        teamId: team.id,
        // Some outside the range on both sides, to prove the bounds.
        date: addDays('2024-01-10', Math.floor(random() * 70)),
        task: tasks[Math.floor(random() * tasks.length)],
        categoryId: categories[Math.floor(random() * categories.length)].id,
        minutes: 5 + Math.floor(random() * 240),
        interrupt: random() < 0.3,
        afterHours: random() < 0.2,
        automatable: (['none', 'partial', 'full'] as const)[Math.floor(random() * 3)],
      };
    });
    await db.insert(toilEntries).values(rows);
    const inRange = rows.filter((r) => r.date >= range.from && r.date <= range.to);
    const sum = (list: typeof rows) => list.reduce((s, r) => s + r.minutes, 0);

    const report = await loadToilReport(db, { range });
    const byTeam = new Map(report.teams.map((t) => [t.slug, t]));
    expect(report.total.minutes).toBe(sum(inRange));
    expect(report.total.interruptMinutes).toBe(sum(inRange.filter((r) => r.interrupt)));
    expect(report.total.afterHoursMinutes).toBe(sum(inRange.filter((r) => r.afterHours)));
    expect(report.total.entries).toBe(inRange.length);

    for (const team of [alpha, beta]) {
      const mine = inRange.filter((r) => r.teamId === team.id);
      const t = byTeam.get(team.slug);
      expect(t?.minutes).toBe(sum(mine));
      for (const week of t?.weeks ?? [])
        expect(week.minutes).toBe(sum(mine.filter((r) => weekKey(r.date) === week.key)));
      for (const month of t?.months ?? [])
        expect(month.minutes).toBe(sum(mine.filter((r) => monthOf(r.date) === month.key)));
      expect(sum(mine)).toBe((t?.weeks ?? []).reduce((s, w) => s + w.minutes, 0));
    }

    // 56 days = 8 whole weeks: Alpha's capacity is 3 × 40 × 60 × 8.
    const alphaRow = byTeam.get('alpha');
    expect(alphaRow?.capacityMinutes).toBe(teamCapacityMinutes(3, 40) * 8);
    expect(alphaRow?.fraction).toBeCloseTo(
      sum(inRange.filter((r) => r.teamId === alpha.id)) / (3 * 40 * 60 * 8),
      12,
    );
    const firstWeek = byTeam.get('beta')?.weeks[0];
    expect(firstWeek?.capacityMinutes).toBe(2 * 32 * 60);

    for (const category of report.categories) {
      const id = categories.find((c) => c.slug === category.slug)?.id;
      expect(category.minutes).toBe(sum(inRange.filter((r) => r.categoryId === id)));
    }
    expect(report.categories.reduce((s, c) => s + c.minutes, 0)).toBe(sum(inRange));

    // Tasks group case- and space-insensitively: "Rotate certs" and "rotate CERTS ".
    const certs = report.topTasks.find((t) => t.task.toLowerCase() === 'rotate certs');
    expect(certs?.minutes).toBe(sum(inRange.filter((r) => r.task.trim().toLowerCase() === 'rotate certs')));

    // One team's report only sums that team.
    const betaOnly = await loadToilReport(db, { team: 'beta', range });
    expect(betaOnly.teams.map((t) => t.slug)).toEqual(['beta']);
    expect(betaOnly.total.minutes).toBe(sum(inRange.filter((r) => r.teamId === beta.id)));
  });

  it('ranks automation candidates by payback with team estimates over global ones', async () => {
    const { db } = ctx();
    const global = await loadToilReport(db, { range });
    const alpha = global.teams.find((t) => t.slug === 'alpha');
    const [sample] = await db.select().from(toilEntries).limit(1);
    // The latest entry of a task decides its automatability: make "Fix data" fully automatable.
    await db.insert(toilEntries).values({
      ...sample,
      id: undefined,
      createdAt: new Date(Date.now() + 60_000),
      teamId: alpha?.id as string,
      date: range.to,
      task: 'Fix data',
      automatable: 'full',
    });
    await setAutomationEstimate(db, testActor, { task: 'Fix data', hours: '1', teamId: '' });
    await setAutomationEstimate(db, testActor, { task: 'fix DATA', hours: '1000', teamId: alpha?.id });
    const all = await loadToilReport(db, { range });
    const team = await loadToilReport(db, { team: 'alpha', range });
    const fixAll = all.candidates.find((c) => c.task.toLowerCase() === 'fix data');
    const fixTeam = team.candidates.find((c) => c.task.toLowerCase() === 'fix data');
    expect(fixAll?.estimatedAutomationHours).toBe(1);
    expect(fixTeam?.estimatedAutomationHours).toBe(1000);
    expect(fixTeam?.estimated).toBe(true);
    expect(fixTeam?.automatable).toBe('full');
    // SPEC 1.4: payback = estimate ÷ (frequency × minutes ÷ 60 × fraction), frequency per 56-day range.
    const hoursSaved = (((fixTeam?.entryCount ?? 0) * 30.44) / 56) * ((fixTeam?.avgMinutes ?? 0) / 60);
    expect(fixTeam?.hoursSavedPerMonth).toBeCloseTo(hoursSaved, 9);
    expect(fixTeam?.paybackMonths).toBeCloseTo(1000 / hoursSaved, 9);
    const paybacks = all.candidates.map((c) => c.paybackMonths ?? Number.POSITIVE_INFINITY);
    expect(paybacks).toEqual([...paybacks].sort((a, b) => a - b));
  });
});
