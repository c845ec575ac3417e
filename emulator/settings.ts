import path from 'node:path';

/** The local host's settings: environment variables over development defaults (printed at start). */
export function localSettings(env: NodeJS.ProcessEnv) {
  const dataDir = path.resolve(env.XINLIAN_DATA_DIR ?? path.join(__dirname, '..', '.data'));
  return {
    port: Number(env.PORT ?? 3000),
    env: env.XINLIAN_ENV ?? 'xinlian-local',
    secretId: env.XINLIAN_SECRET_ID ?? 'xinlian-dev-secret-id',
    secretKey: env.XINLIAN_SECRET_KEY ?? 'xinlian-dev-secret-key',
    /** The key ticket and venue-code secrets derive from; the functions read it from XINLIAN_TICKET_KEY. */
    ticketKey: env.XINLIAN_TICKET_KEY ?? 'xinlian-dev-ticket-key',
    databaseFile: path.join(dataDir, 'xinlian.sqlite'),
  };
}
