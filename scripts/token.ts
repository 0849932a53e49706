// npm run token -- --name ci --scope sli:write [--scope read]
import { parseArgs } from 'node:util';
import { openDefaultDb } from '@/db';
import { createToken } from '@/db/identity/tokens';
import { ValidationError } from '@/lib/errors';

async function main() {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, scope: { type: 'string', multiple: true } },
  });
  const scopes = (values.scope ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const handle = await openDefaultDb();
  try {
    const token = await createToken(
      handle.db,
      { type: 'system', label: 'cli' },
      { name: values.name ?? '', scopes },
    );
    console.log(
      `Token "${token.name}" (${token.scopes.join(', ')}) created. It is shown once:\n\n${token.token}\n`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  if (err instanceof ValidationError) {
    for (const [field, msgs] of Object.entries(err.fieldErrors))
      console.error(`--${field === 'scopes' ? 'scope' : field}: ${msgs.join('; ')}`);
    console.error(
      'usage: npm run token -- --name <name> --scope <read|sli:write|toil:write|incidents:write|capacity:write> [--scope …]',
    );
  } else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
