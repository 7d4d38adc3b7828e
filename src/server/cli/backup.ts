import { loadConfig } from '../config.js';
import { parseArgs } from './args.js';
import { runBackup } from './backup-commands.js';
import { cliMain } from './cli-main.js';

/**
 * npm run backup -- FILE
 * Backs up the database the app uses (DATABASE_URL, or the PGlite directory DATA_DIR) to FILE. See docs/backup.md.
 */
cliMain(async () => {
  const a = parseArgs(process.argv.slice(2));
  const [file] = a._;
  if (!file || a._.length > 1) throw new Error('usage: npm run backup -- FILE');
  const started = Date.now();
  const m = await runBackup(loadConfig(), file);
  console.log(
    `backup written to ${file}: ${m.engine}, ${m.migrations.length} migrations (last ${m.migrations.at(-1) ?? 'none'}), ` +
      `${(m.payload.size / 1e6).toFixed(1)} MB, sha256 ${m.payload.sha256.slice(0, 12)}…, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});
